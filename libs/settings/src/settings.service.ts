import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SettingsView, UpdateSettingsDto } from './settings.dto.js';

const SELECT = `SELECT store_name AS "storeName", currency, tax_rate_bps AS "taxRateBps",
                       low_stock_threshold AS "lowStockThreshold" FROM settings WHERE id = 1`;

/** The store's single settings row (SPEC section 3). Orders and sales copy the tax rate they used. */
@Injectable()
export class SettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<SettingsView> {
    const [row] = await manager.query(SELECT);
    return row;
  }

  async update(changes: UpdateSettingsDto): Promise<SettingsView> {
    return this.dataSource.transaction(async (manager) => {
      const columns: Record<keyof UpdateSettingsDto, string> = {
        storeName: 'store_name',
        currency: 'currency',
        taxRateBps: 'tax_rate_bps',
        lowStockThreshold: 'low_stock_threshold',
      };
      const sets: string[] = [];
      const params: unknown[] = [];
      for (const [field, column] of Object.entries(columns) as [keyof UpdateSettingsDto, string][]) {
        if (changes[field] !== undefined) sets.push(`${column} = $${params.push(changes[field])}`);
      }
      if (sets.length > 0) await manager.query(`UPDATE settings SET ${sets.join(', ')}, updated_at = now() WHERE id = 1`, params);
      return this.current(manager);
    });
  }
}
