import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  applyToEach,
  ApiErrors,
  ApiList,
  BULK_MAX_IDS,
  BulkResultView,
  validationFailed,
  IdPipe,
  ListParams,
  UploadRoute,
  withUploadedFile,
  type ListPage,
  type ListQuery,
  ApiListExport,
  ExportParams,
} from '@chance/core';
import { BackOffice, CurrentUser, type Caller } from '@chance/identity';
import { ADMIN_CATEGORY_LIST, CategoriesService } from './categories.service.js';
import {
  AdminProductView,
  BulkProductUpdateDto,
  CategoryView,
  CreateCategoryDto,
  CreateProductDto,
  CreateStockCountDto,
  ProductImageView,
  StockCountView,
  StockAdjustmentDto,
  StockMovementView,
  UpdateCategoryDto,
  UpdateProductDto,
  UpdateProductImageDto,
} from './dto/index.js';
import { IMAGE_LIMITS } from './image-rules.js';
import { STOCK_REASONS } from './stock-ledger.js';
import { ProductImagesService } from './product-images.service.js';
import { ProductEditorService } from './product-editor.service.js';
import { ADMIN_PRODUCT_LIST, PRODUCT_CSV, ProductsService } from './products.service.js';
import { STOCK_COUNT_LIST, StockCountsService } from './stock-counts.service.js';
import { STOCK_MOVEMENT_CSV, STOCK_MOVEMENT_LIST, StockService } from './stock.service.js';

const categoryView = (c: CategoryView): CategoryView => ({ id: c.id, name: c.name, slug: c.slug, description: c.description, parentId: c.parentId });

@ApiTags('admin: categories')
@Controller('admin/categories')
@BackOffice()
export class AdminCategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiList(ADMIN_CATEGORY_LIST, {
    summary: 'List categories',
    description: 'The category tree, flat: parentId links a child to its parent. q searches name, slug and description; filter parentId, slug.',
    type: CategoryView,
  })
  async list(@ListParams(ADMIN_CATEGORY_LIST) query: ListQuery): Promise<ListPage<CategoryView>> {
    return (await this.categories.list(query)).map(categoryView);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One category', description: '404 NOT_FOUND when no category has this id.' })
  @ApiResponse({ status: 200, type: CategoryView })
  @ApiErrors('NOT_FOUND')
  async get(@Param('id', IdPipe) id: number): Promise<CategoryView> {
    return categoryView(await this.categories.get(id));
  }

  @Post()
  @ApiOperation({
    summary: 'Create a category',
    description: 'The slug is unique (400 VALIDATION_FAILED with errors.slug when taken); parentId must name an existing category.',
  })
  @ApiResponse({ status: 201, type: CategoryView })
  @ApiErrors()
  async create(@Body() body: CreateCategoryDto): Promise<CategoryView> {
    return categoryView(await this.categories.create(body));
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change a category (partial)',
    description:
      'Takes only the fields to change. A taken slug is 400 VALIDATION_FAILED (errors.slug); a parentId that is unknown or would make the category its own ancestor is 400 (errors.parentId). 404 NOT_FOUND when no category has this id.',
  })
  @ApiResponse({ status: 200, type: CategoryView })
  @ApiErrors('NOT_FOUND')
  async update(@Param('id', IdPipe) id: number, @Body() body: UpdateCategoryDto): Promise<CategoryView> {
    return categoryView(await this.categories.update(id, body));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete an unused category',
    description: '409 CONFLICT while products or subcategories use it. 404 NOT_FOUND when no category has this id.',
  })
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
    private readonly images: ProductImagesService,
  ) {}

  @Get()
  @ApiList(ADMIN_PRODUCT_LIST, { summary: 'List products with their variants', description: 'q searches name, slug and variant SKUs.', type: AdminProductView })
  list(@ListParams(ADMIN_PRODUCT_LIST) query: ListQuery): Promise<ListPage<AdminProductView>> {
    return this.products.listForAdmin(query);
  }

  @Get('export.csv')
  @ApiListExport(ADMIN_PRODUCT_LIST, PRODUCT_CSV.map((c) => c.header))
  exportCsv(@ExportParams(ADMIN_PRODUCT_LIST) query: ListQuery): Promise<StreamableFile> {
    return this.products.exportCsv(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One product with its variants', description: 'With cost prices, stock and images. 404 NOT_FOUND when no product has this id.' })
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
  @ApiOperation({
    summary: 'Change a product and its variants (partial)',
    description:
      'Stock cannot be set here: use stock adjustments. A slug or SKU used by another product is 409 CONFLICT. 404 NOT_FOUND when no product has this id.',
  })
  @ApiResponse({ status: 200, type: AdminProductView })
  @ApiErrors('NOT_FOUND', 'CONFLICT')
  update(@Param('id', IdPipe) id: number, @Body() body: UpdateProductDto): Promise<AdminProductView> {
    return this.editor.update(id, body);
  }

  @Post('bulk-update')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Activate, deactivate or move several products',
    description:
      `PUT /:id with \`isActive\` and/or \`categoryId\` for each product named (1 to ${BULK_MAX_IDS} distinct ids; at least one of the two fields, ` +
      'else 400 VALIDATION_FAILED), one after another, each in its own transaction with the same rules, events and audit entries as the single route. ' +
      'A product that cannot change (404 NOT_FOUND, a category that does not exist: 400 VALIDATION_FAILED on categoryId, ...) is left unchanged and ' +
      'listed in `failed` with that code and message; the others are changed. The answer is 200 whatever each product’s outcome.',
  })
  @ApiResponse({ status: 200, type: BulkResultView })
  @ApiErrors()
  updateMany(@Body() body: BulkProductUpdateDto): Promise<BulkResultView> {
    const { ids, ...change } = body;
    if (change.isActive === undefined && change.categoryId === undefined) {
      throw validationFailed({ isActive: 'give isActive, categoryId or both', categoryId: 'give isActive, categoryId or both' });
    }
    return applyToEach(ids, (id) => this.editor.update(id, change));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a product',
    description: 'Its variants, their stock ledger and its images (with their files) go too. 404 NOT_FOUND when no product has this id.',
  })
  @ApiResponse({ status: 200, type: AdminProductView })
  @ApiErrors('NOT_FOUND')
  remove(@Param('id', IdPipe) id: number): Promise<AdminProductView> {
    return this.products.remove(id);
  }

  @Post(':id/images')
  @UploadRoute('file', 'A JPEG, PNG or WebP image of at most 10 MB')
  @ApiOperation({
    summary: "Add an image at the end of the product's images",
    description:
      'multipart/form-data with the image in the field `file`. The type is recognised by the content, not the name: anything but JPEG, PNG or WebP, ' +
      'an empty or damaged file, or a picture of more than 64 megapixels is 400 VALIDATION_FAILED (errors.file); a file over 10 MB is 413 PAYLOAD_TOO_LARGE. ' +
      'The image is turned upright, re-encoded as WebP without any metadata (EXIF, GPS, ICC) in a large size (fits 1600 × 1600, never enlarged) ' +
      'and a thumbnail (fits 400 × 400), served under /media/ with immutable caching. At most 50 images per product. A body that is not multipart/form-data is 415 UNSUPPORTED_MEDIA_TYPE. 404 NOT_FOUND when no product has this id.',
  })
  @ApiResponse({ status: 201, type: ProductImageView })
  @ApiErrors('NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE')
  addImage(@Param('id', IdPipe) id: number, @Req() request: FastifyRequest): Promise<ProductImageView> {
    return withUploadedFile(request, { field: 'file', maxBytes: IMAGE_LIMITS.maxBytes }, (upload) => this.images.add(id, upload));
  }

  @Put(':id/images/:imageId')
  @ApiOperation({
    summary: 'Change an image’s alt text or move it',
    description: 'Moving one image keeps the others in their order; positions stay 0…n−1. 404 NOT_FOUND when the product has no image with this id.',
  })
  @ApiResponse({ status: 200, type: ProductImageView })
  @ApiErrors('NOT_FOUND')
  updateImage(@Param('id', IdPipe) id: number, @Param('imageId', IdPipe) imageId: number, @Body() body: UpdateProductImageDto): Promise<ProductImageView> {
    return this.images.update(id, imageId, body);
  }

  @Delete(':id/images/:imageId')
  @ApiOperation({
    summary: 'Delete an image and its files',
    description:
      'Variants that showed it show none; the images after it move up. Past order lines keep the thumbnail URL they snapshot, which no longer answers. 404 NOT_FOUND when the product has no image with this id.',
  })
  @ApiResponse({ status: 200, type: ProductImageView })
  @ApiErrors('NOT_FOUND')
  removeImage(@Param('id', IdPipe) id: number, @Param('imageId', IdPipe) imageId: number): Promise<ProductImageView> {
    return this.images.remove(id, imageId);
  }
}

@ApiTags('admin: stock')
@Controller('admin')
@BackOffice()
export class AdminStockController {
  constructor(
    private readonly stock: StockService,
    private readonly counts: StockCountsService,
  ) {}

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
  @ApiList(STOCK_MOVEMENT_LIST, {
    summary: 'The stock ledger: every stock movement, newest first',
    description:
      'Read only: one row per change of a variant’s stock with its reason and reference. ' +
      `Filters: variantId, productId, reason (${STOCK_REASONS.join(', ')}), createdAt_gte/lte; q searches the reference and note.`,
    type: StockMovementView,
  })
  list(@ListParams(STOCK_MOVEMENT_LIST) query: ListQuery): Promise<ListPage<StockMovementView>> {
    return this.stock.listMovements(query);
  }

  @Get('stock-movements/export.csv')
  @ApiListExport(STOCK_MOVEMENT_LIST, STOCK_MOVEMENT_CSV.map((c) => c.header))
  exportCsv(@ExportParams(STOCK_MOVEMENT_LIST) query: ListQuery): StreamableFile {
    return this.stock.exportMovementsCsv(query);
  }

  @Get('stock-movements/:id')
  @ApiOperation({ summary: 'One stock movement', description: 'Read only: the ledger is never edited. 404 NOT_FOUND when no movement has this id.' })
  @ApiResponse({ status: 200, type: StockMovementView })
  @ApiErrors('NOT_FOUND')
  get(@Param('id', IdPipe) id: number): Promise<StockMovementView> {
    return this.stock.getMovement(id);
  }

  @Post('stock-counts')
  @ApiOperation({
    summary: 'Record a stock count',
    description:
      'Each line states how many units of a variant the shelf holds; each difference becomes a `stock_count` movement (reference `SC-…`), all in one ' +
      'transaction. Selling goes on while people count, so a count may say when it began (`startedAt`): each line is then compared with the stock ' +
      'the variant had at that moment, and whatever moved since (a sale, a delivery) is kept on top of the count. Example: 5 in stock when the ' +
      'count began, 3 on the shelf, 1 sold meanwhile: the movement is −2 and 2 remain. Without `startedAt` the count is compared with the stock ' +
      'now (3 counted where 5 are in stock: a −2 movement, stock 3). A line that cannot have been right (more sold since than it counted) is 409 ' +
      'CONFLICT with a message on `lines.<i>.counted`, and nothing is recorded. A variant listed twice or unknown is 400.',
  })
  @ApiResponse({ status: 201, type: StockCountView })
  @ApiErrors('CONFLICT')
  recordCount(@Body() body: CreateStockCountDto, @CurrentUser() caller: Caller): Promise<StockCountView> {
    return this.counts.record(body, caller.id);
  }

  @Get('stock-counts')
  @ApiList(STOCK_COUNT_LIST, {
    summary: 'Stock counts with their lines',
    description: 'Read only. Filter variantId: the counts that include that variant; q searches the note.',
    type: StockCountView,
  })
  listCounts(@ListParams(STOCK_COUNT_LIST) query: ListQuery): Promise<ListPage<StockCountView>> {
    return this.counts.list(query);
  }

  @Get('stock-counts/:id')
  @ApiOperation({
    summary: 'One stock count with its lines',
    description: 'Each line with the stock expected, the number counted and the movement it made. 404 NOT_FOUND when no count has this id.',
  })
  @ApiResponse({ status: 200, type: StockCountView })
  @ApiErrors('NOT_FOUND')
  getCount(@Param('id', IdPipe) id: number): Promise<StockCountView> {
    return this.counts.get(id);
  }
}
