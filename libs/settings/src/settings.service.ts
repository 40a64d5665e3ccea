import { Injectable } from '@nestjs/common';
import { inTransaction, updateRow } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { SettingsView, UpdateSettingsDto } from './settings.dto.js';

const SELECT = `SELECT store_name AS "storeName", currency, tax_rate_bps AS "taxRateBps",
                       low_stock_threshold AS "lowStockThreshold" FROM settings WHERE id = 1`;

/** The store's single settings row (SPEC section 3). Orders and sales copy the tax rate they used. */
@Injectable()
export class SettingsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The settings, read outside any transaction (committed data). */
  current(): Promise<SettingsView> {
    return this.currentIn(this.dataSource.manager);
  }

  /** The settings, read in the caller's transaction (a checkout copies the tax rate it sees there). */
  async currentIn(manager: EntityManager): Promise<SettingsView> {
    const [row] = await manager.query(SELECT);
    return row;
  }

  async update(changes: UpdateSettingsDto): Promise<SettingsView> {
    return inTransaction(this.dataSource, async (manager) => {
      await updateRow(manager, 'settings', 1, changes, {
        storeName: 'store_name',
        currency: 'currency',
        taxRateBps: 'tax_rate_bps',
        lowStockThreshold: 'low_stock_threshold',
      });
      return this.currentIn(manager);
    });
  }
}
