/**
 * The `variants` lookup resource: product variants named by their product, for references from
 * stock movements (which carry only `variantId`). The API has no variants endpoint, so this reads
 * the products list (each product carries its variants) and flattens it:
 *
 * - getList: products matching `q` (name, slug or SKU), then their variants;
 * - getMany / getOne: pages of the products list, until every asked-for variant is found.
 *
 * Read only. A small shop's catalog fits in one page of 1000 products.
 */
import { HttpError, type GetListParams, type GetListResult, type GetManyParams, type GetManyResult, type GetOneParams, type GetOneResult } from 'react-admin';
import type { Product, VariantSummary } from '../types';
import type { HttpClient } from './httpClient';

export const variantsResource = 'variants';

/** The API's cap on admin list ranges (docs/api.md#lists). */
const pageSize = 1000;
/** Products read to answer a search. */
const searchProducts = 100;

export function variantSummaries(product: Product): VariantSummary[] {
  return product.variants.map((variant) => ({
    id: variant.id,
    productId: product.id,
    productName: product.name,
    sku: variant.sku,
    attributes: variant.attributes,
    stock: variant.stock,
  }));
}

/** "size: M, color: red" */
export function attributesText(attributes: Record<string, string> | null | undefined): string {
  return Object.entries(attributes ?? {})
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
}

/** "Classic T-shirt · TSHIRT-M (size: M)" */
export function variantLabel(variant: Pick<VariantSummary, 'productName' | 'sku' | 'attributes'>): string {
  const attributes = attributesText(variant.attributes);
  return `${variant.productName} · ${variant.sku}${attributes ? ` (${attributes})` : ''}`;
}

function matches(variant: VariantSummary, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return [variant.productName, variant.sku, ...Object.values(variant.attributes)].some((text) => text.toLowerCase().includes(needle));
}

export function createVariantLookup(httpClient: HttpClient, adminApiUrl: string) {
  async function productsPage(filter: Record<string, unknown>, from: number, to: number, sort: [string, string]) {
    const query = new URLSearchParams({
      filter: JSON.stringify(filter),
      range: JSON.stringify([from, to]),
      sort: JSON.stringify(sort),
    });
    const { json, headers } = await httpClient<Product[]>(`${adminApiUrl}/products?${query}`);
    const total = Number(headers.get('Content-Range')?.split('/').pop());
    return { products: json ?? [], total: Number.isFinite(total) ? total : (json ?? []).length };
  }

  async function findByIds(ids: readonly unknown[]): Promise<VariantSummary[]> {
    const wanted = new Set(ids.map(Number));
    const found = new Map<number, VariantSummary>();
    for (let from = 0; found.size < wanted.size; from += pageSize) {
      const { products, total } = await productsPage({}, from, from + pageSize - 1, ['id', 'ASC']);
      for (const variant of products.flatMap(variantSummaries)) {
        if (wanted.has(variant.id)) found.set(variant.id, variant);
      }
      if (products.length === 0 || from + pageSize >= total) break;
    }
    return [...wanted].flatMap((id) => found.get(id) ?? []);
  }

  return {
    async getList(params: GetListParams): Promise<GetListResult<VariantSummary>> {
      const { q, id, productId } = (params.filter ?? {}) as { q?: string; id?: unknown; productId?: unknown };
      if (id != null) {
        const data = await findByIds(Array.isArray(id) ? id : [id]);
        return { data, total: data.length };
      }
      const filter: Record<string, unknown> = {};
      if (productId != null && productId !== '') filter.id = [productId];
      // The products search already covers SKUs; attribute values are matched here.
      if (q?.trim()) filter.q = q.trim();
      let { products } = await productsPage(filter, 0, searchProducts - 1, ['name', 'ASC']);
      let variants = products.flatMap(variantSummaries);
      if (q?.trim()) {
        const byProduct = new Set(products.filter((p) => p.name.toLowerCase().includes(q.trim().toLowerCase())).map((p) => p.id));
        variants = variants.filter((v) => byProduct.has(v.productId) || matches(v, q));
        if (variants.length === 0 && filter.q) {
          // "M" or "red": an attribute value the products search does not see.
          delete filter.q;
          ({ products } = await productsPage(filter, 0, searchProducts - 1, ['name', 'ASC']));
          variants = products.flatMap(variantSummaries).filter((v) => matches(v, q));
        }
      }
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const start = (page - 1) * perPage;
      return { data: variants.slice(start, start + perPage), total: variants.length };
    },

    async getMany(params: GetManyParams): Promise<GetManyResult<VariantSummary>> {
      return { data: await findByIds(params.ids) };
    },

    async getOne(params: GetOneParams): Promise<GetOneResult<VariantSummary>> {
      const [variant] = await findByIds([params.id]);
      if (!variant) throw new HttpError('This variant does not exist (any more).', 404, { code: 'NOT_FOUND' });
      return { data: variant };
    },
  };
}
