import { Injectable, type StreamableFile } from '@nestjs/common';
import { EXPORT_PAGE, ReadReplica, csvFile, inSnapshot } from '@chance/core';
import type { EntityManager } from 'typeorm';
import { exportHeader, writeRow } from './product-csv.js';

interface ExportRecord {
  product_id: number;
  position: number;
  id: number;
  sku: string;
  attributes: Record<string, string>;
  price: number;
  cost_price: number;
  stock: number;
  name: string;
  description: string;
  shipping_cost: number;
  estimated_delivery_days: number;
  is_active: boolean;
  category: string;
}

/**
 * The product export of docs/api.md#catalog-media: one row per variant, the import's columns, so the file
 * imports back unchanged. Streamed: pages of variants in (product, position, id) order, found by
 * keyset (never OFFSET), all read in one snapshot (`inSnapshot`, as the list exports are); only
 * one page and the socket's buffer are ever in memory. Read from the read replica when there is one.
 */
@Injectable()
export class ProductExportService {
  constructor(private readonly reads: ReadReplica) {}

  /** The CSV as a downloadable `products.csv`; closing it early (the client went away) ends the transaction. */
  csv(): StreamableFile {
    return csvFile(
      'products',
      inSnapshot(this.reads.source(), (manager) => this.rows(manager)),
    );
  }

  private async *rows(manager: EntityManager): AsyncGenerator<string[]> {
    const names: string[] = (await manager.query('SELECT DISTINCT jsonb_object_keys(attributes) AS name FROM variants ORDER BY 1')).map(
      (r: { name: string }) => r.name,
    );
    yield exportHeader(names);
    let after = [0, -1, 0];
    for (;;) {
      const page: ExportRecord[] = await manager.query(
        `SELECT v.product_id, v.position, v.id, v.sku, v.attributes, COALESCE(v.price, p.price) AS price, COALESCE(v.cost_price, p.cost_price) AS cost_price,
                v.stock, p.name, p.description, p.shipping_cost, p.estimated_delivery_days, p.is_active, c.name AS category
           FROM variants v JOIN products p ON p.id = v.product_id JOIN categories c ON c.id = p.category_id
          WHERE (v.product_id, v.position, v.id) > ($1, $2, $3)
          ORDER BY v.product_id, v.position, v.id
          LIMIT ${EXPORT_PAGE}`,
        after,
      );
      for (const r of page) {
        yield writeRow(
          {
            sku: r.sku,
            product: r.name,
            category: r.category,
            description: r.description,
            price: r.price,
            costPrice: r.cost_price,
            shippingCost: r.shipping_cost,
            estimatedDeliveryDays: r.estimated_delivery_days,
            isActive: r.is_active,
            stock: r.stock,
            attributes: r.attributes,
          },
          names,
        );
      }
      if (page.length < EXPORT_PAGE) break;
      const last = page[page.length - 1];
      after = [last.product_id, last.position, last.id];
    }
  }
}
