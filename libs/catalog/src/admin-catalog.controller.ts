import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { BackOffice, CurrentUser, type Caller } from '@chance/identity';
import { ADMIN_CATEGORY_LIST, CategoriesService } from './categories.service.js';
import {
  AdminProductView,
  CategoryView,
  CreateCategoryDto,
  CreateProductDto,
  StockAdjustmentDto,
  StockMovementView,
  UpdateCategoryDto,
  UpdateProductDto,
} from './dto/index.js';
import { ProductEditorService } from './product-editor.service.js';
import { ADMIN_PRODUCT_LIST, ProductsService } from './products.service.js';
import { STOCK_MOVEMENT_LIST, StockService } from './stock.service.js';

const categoryView = (c: CategoryView): CategoryView => ({ id: c.id, name: c.name, slug: c.slug, description: c.description, parentId: c.parentId });

@ApiTags('admin: categories')
@Controller('admin/categories')
@BackOffice()
export class AdminCategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiList(ADMIN_CATEGORY_LIST)
  @ApiResponse({ status: 200, type: [CategoryView] })
  @ApiErrors()
  async list(@ListParams(ADMIN_CATEGORY_LIST) query: ListQuery): Promise<ListPage<CategoryView>> {
    return (await this.categories.list(query)).map(categoryView);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: CategoryView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<CategoryView> {
    return categoryView(await this.categories.get(id));
  }

  @Post()
  @ApiResponse({ status: 201, type: CategoryView })
  @ApiErrors()
  async create(@Body() body: CreateCategoryDto): Promise<CategoryView> {
    return categoryView(await this.categories.create(body));
  }

  @Put(':id')
  @ApiResponse({ status: 200, type: CategoryView })
  @ApiErrors('NOT_FOUND')
  async update(@Param('id', IdPipe) id: number, @Body() body: UpdateCategoryDto): Promise<CategoryView> {
    return categoryView(await this.categories.update(id, body));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete an unused category', description: '409 CONFLICT while products or subcategories use it.' })
  @ApiResponse({ status: 200, type: CategoryView })
  @ApiErrors('NOT_FOUND', 'CONFLICT')
  async remove(@Param('id', IdPipe) id: number): Promise<CategoryView> {
    return categoryView(await this.categories.remove(id));
  }
}

@ApiTags('admin: products')
@Controller('admin/products')
@BackOffice()
export class AdminProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly editor: ProductEditorService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List products with their variants', description: 'q searches name, slug and variant SKUs.' })
  @ApiList(ADMIN_PRODUCT_LIST)
  @ApiResponse({ status: 200, type: [AdminProductView] })
  @ApiErrors()
  list(@ListParams(ADMIN_PRODUCT_LIST) query: ListQuery): Promise<ListPage<AdminProductView>> {
    return this.products.listForAdmin(query);
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: AdminProductView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<AdminProductView> {
    return this.products.getForAdmin(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a product',
    description: 'Without variants, one default variant holds the given stock. Opening stock is recorded as `initial` movements.',
  })
  @ApiResponse({ status: 201, type: AdminProductView })
  @ApiErrors()
  create(@Body() body: CreateProductDto, @CurrentUser() caller: Caller): Promise<AdminProductView> {
    return this.editor.create(body, caller.id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a product and its variants (partial)', description: 'Stock cannot be set here: use stock adjustments.' })
  @ApiResponse({ status: 200, type: AdminProductView })
  @ApiErrors('NOT_FOUND', 'CONFLICT')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateProductDto): Promise<AdminProductView> {
    return this.editor.update(id, body);
  }

  @Delete(':id')
  @ApiResponse({ status: 200, type: AdminProductView })
  @ApiErrors('NOT_FOUND')
  remove(@Param('id', IdPipe) id: number): Promise<AdminProductView> {
    return this.products.remove(id);
  }
}

@ApiTags('admin: stock')
@Controller('admin')
@BackOffice()
export class AdminStockController {
  constructor(private readonly stock: StockService) {}

  @Post('stock-adjustments')
  @ApiOperation({
    summary: 'Correct a variant’s stock by a delta',
    description: 'Recorded as an `adjustment` movement; taking more than is in stock is 409 OUT_OF_STOCK.',
  })
  @ApiResponse({ status: 201, type: StockMovementView })
  @ApiErrors('OUT_OF_STOCK')
  adjust(@Body() body: StockAdjustmentDto, @CurrentUser() caller: Caller): Promise<StockMovementView> {
    return this.stock.adjust(body, caller.id);
  }

  @Get('stock-movements')
  @ApiList(STOCK_MOVEMENT_LIST)
  @ApiResponse({ status: 200, type: [StockMovementView] })
  @ApiErrors()
  list(@ListParams(STOCK_MOVEMENT_LIST) query: ListQuery): Promise<ListPage<StockMovementView>> {
    return this.stock.listMovements(query);
  }

  @Get('stock-movements/:id')
  @ApiResponse({ status: 200, type: StockMovementView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<StockMovementView> {
    return this.stock.getMovement(id);
  }
}
