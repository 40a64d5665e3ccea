/**
 * react-admin data provider: the "simple REST" protocol under /api/admin (SPEC.md section 1),
 * through the authenticated http client, with partial updates and the settings singleton.
 */
import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, RaRecord, UpdateParams } from 'react-admin';
import type { StoreSettings } from '../types';
import { changedFields } from './changes';
import { httpClient } from './httpClient';

export const adminApiUrl = '/api/admin';

export interface ChanceDataProvider extends DataProvider {
  getSettings(): Promise<StoreSettings>;
  /** Sends only the fields given (a partial body) and returns the stored settings. */
  updateSettings(changes: Partial<StoreSettings>): Promise<StoreSettings>;
}

const base = simpleRestProvider(adminApiUrl, httpClient);

export const dataProvider: ChanceDataProvider = {
  ...base,

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
};
