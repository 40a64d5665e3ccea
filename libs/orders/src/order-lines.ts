import { variantSnapshots, variantThumbnails } from '@chance/catalog';
import { DomainError, validationFailed, type FieldErrors } from '@chance/core';
import type { EntityManager } from 'typeorm';
import type { OrderLineInputDto } from './dto/order-edit.dto.js';
import type { OrderLineEntity } from './order.entities.js';
import { LINE_COLUMNS, LINE_RECORD, snapshotOf, snapshotRow, type LineSnapshot } from './order-placement.js';

/** A requested line resolved to its snapshot: an existing line kept (`lineId`) or a new one. */
export interface ResolvedLine extends LineSnapshot {
  lineId: number | null;
  isActive: boolean;
  priceOverridden: boolean;
  thumbnailUrl: string | null;
}

/**
 * The lines an order will have (docs/api.md#draft-orders-and-order-editing): a request's line
 * with the `lineId` of an existing line of the same variant keeps that line's snapshot (its name,
 * price and cost as sold); any other line is a new snapshot of the catalog. `reprice` (a draft,
 * which sells nothing yet) takes every line from the catalog again, except prices that staff set
 * by hand. A `unitPrice` given overrides the price. A new snapshot takes the variant's thumbnail
 * as the catalog shows it now (docs/api.md#catalog-media). Each variant once; a new line of a
 * product withdrawn from sale is 409 OUT_OF_STOCK, as at checkout.
 */
export async function resolveLines(
  manager: EntityManager,
  requested: readonly OrderLineInputDto[],
  existing: readonly OrderLineEntity[],
  options: { reprice: boolean },
): Promise<ResolvedLine[]> {
  const byId = new Map(existing.map((line) => [line.id, line]));
  const variantIds = requested.map((line) => line.variantId);
  const catalog = await variantSnapshots(manager, variantIds);
  const thumbnails = await variantThumbnails(manager, variantIds);
  const errors: FieldErrors = {};
  const seenVariants = new Set<number>();
  const seenLines = new Set<number>();
  const resolved: ResolvedLine[] = [];
  requested.forEach((line, i) => {
    if (seenVariants.has(line.variantId)) errors[`lines.${i}.variantId`] = 'appears twice: give one line the whole quantity';
    seenVariants.add(line.variantId);
    const old = line.lineId === undefined ? undefined : byId.get(line.lineId);
    if (line.lineId !== undefined && (!old || seenLines.has(line.lineId))) errors[`lines.${i}.lineId`] = 'is not a line of this order (or appears twice)';
    if (line.lineId !== undefined) seenLines.add(line.lineId);
    const kept = old && old.variantId === line.variantId ? old : undefined;
    const live = catalog.get(line.variantId);
    if (kept && !options.reprice) {
      resolved.push({
        ...snapshotOf(kept, kept.thumbnailUrl),
        quantity: line.quantity,
        lineId: kept.id,
        isActive: true,
        ...(line.unitPrice !== undefined ? { unitPrice: line.unitPrice, priceOverridden: true } : { priceOverridden: kept.priceOverridden }),
      });
      return;
    }
    if (!live) {
      errors[`lines.${i}.variantId`] = 'does not exist';
      return;
    }
    const keptOverride = kept?.priceOverridden ? kept.unitPrice : undefined;
    const unitPrice = line.unitPrice ?? keptOverride;
    resolved.push({
      productId: live.productId,
      variantId: live.variantId,
      productName: live.productName,
      sku: live.sku,
      attributes: live.attributes,
      unitPrice: unitPrice ?? live.price,
      costPrice: live.costPrice,
      shippingCost: live.shippingCost,
      estimatedDeliveryDays: live.estimatedDeliveryDays,
      quantity: line.quantity,
      lineId: kept?.id ?? null,
      isActive: live.isActive,
      priceOverridden: unitPrice !== undefined,
      thumbnailUrl: thumbnails.get(live.variantId) ?? null,
    });
  });
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
  const withdrawn = resolved.find((line) => !line.isActive && line.lineId === null);
  if (withdrawn)
    throw new DomainError('OUT_OF_STOCK', `${withdrawn.productName} is no longer for sale`, { [`variant.${withdrawn.variantId}`]: 'no longer for sale' });
  return resolved;
}

/** An existing line as a request that keeps it (for a draft priced again, or an edit that leaves the lines alone). */
export const keepLine = (line: OrderLineEntity): OrderLineInputDto => ({ lineId: line.id, variantId: line.variantId, quantity: line.quantity });

/**
 * Writes an order's new lines over its old ones: lines no longer there are deleted, kept ones
 * updated in place (the audit log shows each before and after), new ones inserted. Three statements.
 */
export async function writeLines(manager: EntityManager, orderId: number, lines: readonly ResolvedLine[], lineTotals: readonly number[]): Promise<void> {
  const rows = lines.map((s, i) => ({ id: s.lineId, ...snapshotRow(s), line_total: lineTotals[i] }));
  const kept = rows.filter((row) => row.id !== null);
  const added = rows.filter((row) => row.id === null);
  await manager.query('DELETE FROM order_lines WHERE order_id = $1 AND NOT (id = ANY($2::int[]))', [orderId, kept.map((row) => row.id)]);
  if (kept.length > 0) {
    await manager.query(
      `UPDATE order_lines l SET product_id = r.product_id, variant_id = r.variant_id, product_name = r.product_name, sku = r.sku,
              attributes = r.attributes, unit_price = r.unit_price, cost_price = r.cost_price, shipping_cost = r.shipping_cost,
              estimated_delivery_days = r.estimated_delivery_days, quantity = r.quantity, price_overridden = r.price_overridden,
              thumbnail_url = r.thumbnail_url, line_total = r.line_total
         FROM jsonb_to_recordset($2::jsonb) AS r(id int, ${LINE_RECORD})
        WHERE l.id = r.id AND l.order_id = $1`,
      [orderId, JSON.stringify(kept)],
    );
  }
  if (added.length > 0) {
    await manager.query(`INSERT INTO order_lines (order_id, ${LINE_COLUMNS}) SELECT $1, r.* FROM jsonb_to_recordset($2::jsonb) AS r(${LINE_RECORD})`, [
      orderId,
      JSON.stringify(added.map(({ id: _id, ...row }) => row)),
    ]);
  }
}
