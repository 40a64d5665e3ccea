/**
 * react-admin data provider: the "simple REST" protocol under /api/admin (docs/api.md#lists),
 * through the authenticated http client, with partial updates, the settings singleton, the public
 * store info, stock adjustments and the `variants` lookup (see variantLookup.ts).
 */
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, RaRecord, UpdateParams } from 'react-admin';
import type { StockAdjustment, StockMovement, StoreInfo, StoreSettings } from '../types';
import { changedFields } from './changes';
import { httpClient } from './httpClient';
import { createVariantLookup, variantsResource } from './variantLookup';

export const adminApiUrl = '/api/admin';
export const storeInfoUrl = '/api/store/settings';
/** The signed-in user's own records (any role): GET /api/me/notifications, same list protocol. */
export const myApiUrl = '/api/me';
export const myNotificationsResource = 'notifications';

export interface ChanceDataProvider extends DataProvider {
  getSettings(): Promise<StoreSettings>;
  /** Sends only the fields given (a partial body) and returns the stored settings. */
  updateSettings(changes: Partial<StoreSettings>): Promise<StoreSettings>;
  /** Store name, currency and tax rate: public, so staff can read them too. */
  getStoreInfo(): Promise<StoreInfo>;
  /** A manual stock correction; 409 OUT_OF_STOCK when it would take the stock below zero. */
  adjustStock(adjustment: StockAdjustment): Promise<StockMovement>;
}

const base = simpleRestProvider(adminApiUrl, httpClient);
const variants = createVariantLookup(httpClient, adminApiUrl);
const mine = simpleRestProvider(myApiUrl, httpClient);

export const dataProvider: ChanceDataProvider = {
  ...base,

  // The lookup answers with VariantSummary records; react-admin types these methods generically.
  getList(resource, params) {
    if (resource === myNotificationsResource) return mine.getList(resource, params);
    return resource === variantsResource ? (variants.getList(params) as never) : base.getList(resource, params);
  },

  getMany(resource, params) {
    if (resource === myNotificationsResource) return mine.getMany(resource, params);
    return resource === variantsResource ? (variants.getMany(params) as never) : base.getMany(resource, params);
  },

  getOne(resource, params) {
    if (resource === myNotificationsResource) return mine.getOne(resource, params);
    return resource === variantsResource ? (variants.getOne(params) as never) : base.getOne(resource, params);
  },

  async update(resource: string, params: UpdateParams) {
    const changes = changedFields(params.data, params.previousData);
    if (Object.keys(changes).length === 0) {
      // Nothing changed: no request, no audit entry.
      return { data: { ...params.previousData, ...params.data, id: params.id } };
    }
    const { json } = await httpClient<RaRecord>(`${adminApiUrl}/${resource}/${encodeURIComponent(String(params.id))}`, {
      method: 'PUT',
      body: JSON.stringify(changes),
    });
    return { data: json };
  },

  // ra-data-simple-rest sends DELETE with `Content-Type: text/plain`, which the API refuses (415):
  // a DELETE has no body, so none is declared.
  async delete(resource, params) {
    const { json } = await httpClient<RaRecord>(`${adminApiUrl}/${resource}/${encodeURIComponent(String(params.id))}`, {
      method: 'DELETE',
    });
    return { data: json as never };
  },

  async deleteMany(resource, params) {
    const deleted = await Promise.all(
      params.ids.map((id) => httpClient<RaRecord>(`${adminApiUrl}/${resource}/${encodeURIComponent(String(id))}`, { method: 'DELETE' })),
    );
    return { data: deleted.map(({ json }) => json.id) };
  },

  async getSettings() {
    const { json } = await httpClient<StoreSettings>(`${adminApiUrl}/settings`);
    return json;
  },

  async updateSettings(changes) {
    const { json } = await httpClient<StoreSettings>(`${adminApiUrl}/settings`, {
      method: 'PUT',
      body: JSON.stringify(changes),
    });
    return json;
  },

  async getStoreInfo() {
    const { json } = await httpClient<StoreInfo>(storeInfoUrl);
    return json;
  },

  async adjustStock(adjustment) {
    const { json } = await httpClient<StockMovement>(`${adminApiUrl}/stock-adjustments`, {
      method: 'POST',
      body: JSON.stringify(adjustment),
    });
    return json;
  },
};
