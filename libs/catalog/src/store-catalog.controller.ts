import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiList, IdPipe, ListParams, type ListPage, type ListQuery } from '@chance/core';
import { Public } from '@chance/identity';
import { CategoriesService, STORE_CATEGORY_LIST } from './categories.service.js';
import { CategoryView, StoreProductView } from './dto/index.js';
import { ProductsService, STORE_PRODUCT_LIST } from './products.service.js';

@ApiTags('store: catalog')
@Controller('store')
@Public()
export class StoreCatalogController {
  constructor(
    private readonly categories: CategoriesService,
    private readonly products: ProductsService,
  ) {}

  @Get('categories')
  @ApiList(STORE_CATEGORY_LIST, {
    summary: 'The category tree, flat (parentId links a child to its parent)',
    description: 'Filters: parentId, slug (exact: `filter={"slug":"clothing"}` finds one category by its URL name), q (name, slug, description).',
    type: CategoryView,
  })
  async categoriesList(@ListParams(STORE_CATEGORY_LIST) query: ListQuery): Promise<ListPage<CategoryView>> {
    return (await this.categories.list(query)).map((c) => ({ id: c.id, name: c.name, slug: c.slug, description: c.description, parentId: c.parentId }));
  }

  @Get('products')
  @ApiList(STORE_PRODUCT_LIST, {
    summary: 'Active products with their variants',
    description:
      'Filters: categoryId (that category and every category below it), slug (exact: a product page addressed by its URL name), q (name, slug, SKU), inStock, price_gte, price_lte. No cost prices.',
    type: StoreProductView,
  })
  productsList(@ListParams(STORE_PRODUCT_LIST) query: ListQuery): Promise<ListPage<StoreProductView>> {
    return this.products.listForStore(query);
  }

  @Get('products/:id')
  @ApiOperation({
    summary: 'One active product',
    description: 'With its variants, live prices and stock, never cost prices. An inactive or unknown product is 404 NOT_FOUND.',
  })
  @ApiResponse({ status: 200, type: StoreProductView })
  @ApiErrors('NOT_FOUND')
  product(@Param('id', IdPipe) id: number): Promise<StoreProductView> {
    return this.products.getForStore(id);
  }
}
