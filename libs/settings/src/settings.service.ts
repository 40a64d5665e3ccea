import { Injectable } from '@nestjs/common';
import { inTransaction, updateRow } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { SettingsView, UpdateSettingsDto } from './dto/settings.dto.js';

const SELECT = `SELECT store_name AS "storeName", currency, tax_rate_bps AS "taxRateBps",
                       low_stock_threshold AS "lowStockThreshold", return_window_days AS "returnWindowDays",
                       legal_name AS "legalName", address, tax_id AS "taxId", email, phone, invoice_footer AS "invoiceFooter"
                  FROM settings WHERE id = 1`;

/**
 * The store's settings, read in the caller's transaction: the one way other libraries read them
 * (SettingsService.currentIn is the same, for those that have the service).
 */
export async function currentSettingsIn(manager: EntityManager): Promise<SettingsView> {
  const [row] = await manager.query(SELECT);
  return row;
}

/** The store's single settings row (docs/api.md#money-and-rates): tax, currency, return window, and the seller's details printed on documents. Orders and sales copy the tax rate they used. */
@Injectable()
export class SettingsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The settings, read outside any transaction (committed data). */
  current(): Promise<SettingsView> {
    return this.currentIn(this.dataSource.manager);
  }

  /** The settings, read in the caller's transaction (a checkout copies the tax rate it sees there). */
  currentIn(manager: EntityManager): Promise<SettingsView> {
    return currentSettingsIn(manager);
  }

  async update(changes: UpdateSettingsDto): Promise<SettingsView> {
    return inTransaction(this.dataSource, async (manager) => {
      await updateRow(manager, 'settings', 1, changes, {
        storeName: 'store_name',
        currency: 'currency',
        taxRateBps: 'tax_rate_bps',
        lowStockThreshold: 'low_stock_threshold',
        returnWindowDays: 'return_window_days',
        legalName: 'legal_name',
        address: 'address',
        taxId: 'tax_id',
        email: 'email',
        phone: 'phone',
        invoiceFooter: 'invoice_footer',
      });
      return this.currentIn(manager);
    });
  }
}
