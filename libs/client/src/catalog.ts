/** The catalog, the shop's settings and its services: public reads (docs/api.md#catalog-and-stock, #services-and-notifications). */
import { data, call, type Transport } from './http.js';
import { listQuery, pageOf, type ListRequest, type Page } from './list.js';
import type { Category, Product, ProductFilter, ProductSort, ServiceType, StoreInfo } from './types.js';

export interface ProductQuery extends Omit<ListRequest<ProductSort>, 'filter'> {
  filter?: ProductFilter;
}

export function catalogApi({ api }: Transport) {
  return {
    /** Name, currency and tax rate: what every price needs. */
    settings: (): Promise<StoreInfo> => data(api.GET('/api/store/settings')),

    /** Every category (at most 100: the store cap), by name. */
    async categories(): Promise<Category[]> {
      return data(api.GET('/api/store/categories', { params: { query: listQuery({ sort: ['name', 'ASC'], range: [0, 99] }) } }));
    },

    /** Active products; filters q, categoryId, inStock, price_gte, price_lte; a page with its total. */
    async products(query: ProductQuery = {}): Promise<Page<Product>> {
      const { data: rows, response } = await call(api.GET('/api/store/products', { params: { query: listQuery(query) } }));
      return pageOf(rows, response.headers.get('Content-Range'));
    },

    /** One active product (404 NOT_FOUND when withdrawn). */
    product: (id: number): Promise<Product> => data(api.GET('/api/store/products/{id}', { params: { path: { id } } })),

    /** Services on offer (active only). */
    async serviceTypes(): Promise<ServiceType[]> {
      return data(api.GET('/api/store/service-types', { params: { query: listQuery({ sort: ['name', 'ASC'], range: [0, 99] }) } }));
    },
  };
}
