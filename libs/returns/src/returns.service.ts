import { Injectable } from '@nestjs/common';
import { moveStock } from '@chance/catalog';
import { DOCUMENT_SERIES, DomainError, describeLine, documentNumberSql, inTransaction, notFound, validationFailed, type IdempotentResult } from '@chance/core';
import { OrderReaderService, type OrderCredentials } from '@chance/orders';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import type { ReceiveReturnDto, RefundReturnDto, ReturnLineInput, ReturnView } from './dto/returns.dto.js';
import { returnAmounts, returnLinesRefusal, returnRefundAmount, returnTotal, type EarlierReturn } from './refund-amounts.js';
import { RefundLedger } from './refund-ledger.js';
import { RefundableRecords, recordColumn, recordColumns, refOf, type RecordRef, type RefundableRecord } from './refundable-records.js';
import { RefundsService, refundScope } from './refunds.service.js';
import { ReturnProgress } from './return-progress.js';
import {
  LIVE_RETURN_STATUSES,
  OPEN_RETURN_STATUSES,
  assertReturnAllowed,
  returnMove,
  type ReturnAction,
  type ReturnableRecord,
  type ReturnSource,
  type ReturnStatus,
} from './return-rules.js';
import { ReturnsReader } from './returns-reader.js';
import { ReturnEntity, ReturnLineEntity, type CreditNoteContent } from './returns.entities.js';

const RETURN_NUMBER = documentNumberSql(DOCUMENT_SERIES.return);

/** What a return is made of: an order or an in-store sale (a booking has no goods to return). */
type ReturnableRef = RecordRef & { kind: ReturnableRecord['kind'] };

/** A return of the record that holds units (not rejected or cancelled), oldest first. */
interface LiveReturn extends EarlierReturn {
  id: number;
  status: ReturnStatus;
}

/**
 * Returns (docs/api.md#refunds-and-returns): requested by a customer within the return window, or made by staff
 * (phone, counter) for a shipped or delivered order or a completed in-store sale; approved,
 * rejected, received (restocking what may be sold again), refunded or cancelled. Every command is
 * one transaction that locks the record first (its returns, refunds and payments queue there), so
 * the returnable quantity of a line is never exceeded, whatever runs at the same time.
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RefundableRecords,
    private readonly reader: ReturnsReader,
    private readonly orderReader: OrderReaderService,
    private readonly settings: SettingsService,
    private readonly refunds: RefundsService,
    private readonly ledger: RefundLedger,
    private readonly progress: ReturnProgress,
  ) {}

  /** A customer's request for their own delivered order (a guest's with the order's token): `requested`. */
  request(orderId: number, credentials: OrderCredentials, lines: ReturnLineInput[]): Promise<ReturnView> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.orderReader.reachIn(manager, orderId, credentials);
      const id = await this.make(manager, { kind: 'order', id: orderId }, 'store', lines, null);
      return this.reader.viewIn(manager, id, 'store');
    });
  }

  /** A return made by staff (phone, counter): `approved` at once, no return window. */
  create(input: { orderId?: number; offlineSaleId?: number; lines: ReturnLineInput[] }, actorId: number): Promise<ReturnView> {
    if ((input.orderId === undefined) === (input.offlineSaleId === undefined)) {
      const message = 'name either an order or an in-store sale';
      throw validationFailed({ orderId: message, offlineSaleId: message });
    }
    const ref: ReturnableRef = input.orderId !== undefined ? { kind: 'order', id: input.orderId } : { kind: 'offline_sale', id: input.offlineSaleId! };
    return inTransaction(this.dataSource, async (manager) => {
      const id = await this.make(manager, ref, 'admin', input.lines, actorId);
      return this.reader.viewIn(manager, id, 'admin');
    });
  }

  approve(id: number): Promise<ReturnView> {
    return this.act(id, 'approve', async (manager) => {
      await manager.query(`UPDATE returns SET status = 'approved', approved_at = now(), updated_at = now() WHERE id = $1`, [id]);
    });
  }

  reject(id: number, reason: string): Promise<ReturnView> {
    return this.act(id, 'reject', async (manager, record) => {
      await manager.query(`UPDATE returns SET status = 'rejected', reject_reason = $2, closed_at = now(), updated_at = now() WHERE id = $1`, [
        id,
        reason.trim(),
      ]);
      await this.reprice(manager, record);
    });
  }

  cancel(id: number): Promise<ReturnView> {
    return this.act(id, 'cancel', async (manager, record) => {
      await manager.query(`UPDATE returns SET status = 'cancelled', closed_at = now(), updated_at = now() WHERE id = $1`, [id]);
      await this.reprice(manager, record);
    });
  }

  /** The goods are here: each line's units go back into stock (`return_restocked`) unless staff say they cannot be sold again. */
  receive(id: number, input: ReceiveReturnDto, actorId: number): Promise<ReturnView> {
    return this.act(id, 'receive', async (manager, _record, ret) => {
      const lines = await manager.findBy(ReturnLineEntity, { returnId: id });
      const restock = new Map(lines.map((l) => [l.lineId, true]));
      (input.lines ?? []).forEach((given, i) => {
        if (!restock.has(given.lineId)) throw validationFailed({ [`lines.${i}.lineId`]: 'is not a line of this return' });
        restock.set(given.lineId, given.restock);
      });
      const kept = lines.filter((l) => !restock.get(l.lineId)).map((l) => l.id);
      await manager.query('UPDATE return_lines SET restock = NOT (id = ANY($2::int[])) WHERE return_id = $1', [id, kept]);
      await moveStock(
        manager,
        lines.filter((l) => restock.get(l.lineId)).map((l) => ({ variantId: l.variantId, delta: l.quantity })),
        { reason: 'return_restocked', reference: ret.number, actorId, skipMissing: true },
      );
      await manager.query(`UPDATE returns SET status = 'received', received_at = now(), updated_at = now() WHERE id = $1`, [id]);
    });
  }

  /**
   * Gives the return's amount back (from received, or from approved when nothing needs to come
   * back): min(its total, what is left of what was paid), through the record's payments as any
   * refund goes, with the return's credit note. Nothing left to give back (nothing was paid):
   * refunded at once with no refund.
   */
  refund(id: number, input: RefundReturnDto, actorId: number, key?: string): Promise<IdempotentResult<ReturnView>> {
    return this.refunds.run<ReturnView>({
      scope: refundScope({ returnId: id }, actorId),
      key,
      body: input,
      ask: async (manager, batch) => {
        const { record, ret } = await this.lockReturn(manager, id);
        returnMove('refund', ret.status);
        const [given] = await manager.query(
          `SELECT COALESCE(sum(amount) FILTER (WHERE status = 'succeeded'), 0)::int AS succeeded, count(*) FILTER (WHERE status = 'pending')::int AS pending
             FROM refunds WHERE return_id = $1`,
          [id],
        );
        if (given.pending > 0) throw new DomainError('INVALID_TRANSITION', 'A refund of this return is being confirmed: try again in a minute');
        const pending = [...(await this.ledger.pendingByPayment(manager, record.ref)).values()].reduce((sum, amount) => sum + amount, 0);
        const amount = returnRefundAmount(returnTotal(ret), given.succeeded, {
          paid: record.paid,
          refunded: record.refunded,
          pending,
          cancelled: record.cancelled,
        });
        if (amount === 0) {
          await this.progress.markRefunded(manager, record, id);
          return { record, ask: null };
        }
        const lines = await manager.findBy(ReturnLineEntity, { returnId: id });
        const content: CreditNoteContent = {
          lines: lines.map((l) => ({
            description: describeLine(l.productName, l.sku, l.attributes),
            productName: l.productName,
            sku: l.sku,
            attributes: l.attributes,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            lineTotal: l.unitPrice * l.quantity,
          })),
          subtotal: ret.subtotal,
          discountTotal: ret.discountTotal,
          shippingTotal: ret.shippingTotal,
          taxTotal: ret.taxTotal,
          taxRateBps: record.taxRateBps,
        };
        // the goods' revenue goes; the cost of what came back to the shelf comes back
        const restocked = ret.status === 'received' ? lines.filter((l) => l.restock).reduce((sum, l) => sum + l.costPrice * l.quantity, 0) : 0;
        return {
          record,
          ask: {
            kind: 'return',
            amount,
            reason: `Return ${ret.number}`,
            paymentId: input.paymentId,
            method: input.method,
            returnId: id,
            returnNote: { content, profitEffect: -(ret.subtotal - ret.discountTotal) + restocked },
            batch,
          },
        };
      },
    });
  }

  /** Writes a return of the locked record after every check; its id. */
  private async make(manager: EntityManager, ref: ReturnableRef, source: ReturnSource, input: ReturnLineInput[], actorId: number | null): Promise<number> {
    const record = await this.records.lock(manager, ref);
    const { returnWindowDays } = await this.settings.currentIn(manager);
    assertReturnAllowed({ kind: ref.kind, status: record.status, deliveredAt: record.deliveredAt }, source, returnWindowDays, new Date());
    const lines = input.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    const live = await this.liveReturns(manager, record);
    const refusal = returnLinesRefusal(record, lines, live);
    if (refusal) {
      const noun = ref.kind === 'order' ? 'order' : 'sale';
      const errors = Object.fromEntries(Object.entries(refusal.errors).map(([k, v]) => [k, v.replace('this record', `this ${noun}`)]));
      throw new DomainError(refusal.code, refusal.code === 'VALIDATION_FAILED' ? 'Validation failed' : 'More than is left to return', errors);
    }
    const figures = returnAmounts(record, lines, live);
    const status: ReturnStatus = source === 'store' ? 'requested' : 'approved';
    const columns = recordColumns(ref);
    const [{ id }] = await manager.query(
      `WITH ${RETURN_NUMBER.with}
       INSERT INTO returns (number, order_id, offline_sale_id, record_number, customer_id, status, source, subtotal, discount_total, shipping_total,
                            tax_total, approved_at, created_by_id)
       SELECT ${RETURN_NUMBER.number}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $5 = 'approved' THEN now() END, $11 FROM next_number
       RETURNING id`,
      [
        columns.orderId,
        columns.offlineSaleId,
        record.number,
        record.customerId,
        status,
        source,
        figures.subtotal,
        figures.discountTotal,
        figures.shippingTotal,
        figures.taxTotal,
        actorId,
      ],
    );
    const byId = new Map(record.lines.map((l) => [l.id, l]));
    await manager.query(
      `INSERT INTO return_lines (return_id, line_id, product_id, variant_id, product_name, sku, attributes, unit_price, cost_price, quantity, reason)
       SELECT $1, * FROM jsonb_to_recordset($2::jsonb) AS l(line_id int, product_id int, variant_id int, product_name text, sku text, attributes jsonb,
              unit_price int, cost_price int, quantity int, reason text)`,
      [
        id,
        JSON.stringify(
          input.map((l) => {
            const sold = byId.get(l.lineId)!;
            return {
              line_id: sold.id,
              product_id: sold.productId,
              variant_id: sold.variantId,
              product_name: sold.productName,
              sku: sold.sku,
              attributes: sold.attributes,
              unit_price: sold.unitPrice,
              cost_price: sold.costPrice,
              quantity: l.quantity,
              reason: (l.reason ?? '').trim(),
            };
          }),
        ),
      ],
    );
    await this.progress.published(manager, record, id, null);
    return id;
  }

  /** One action on a return, in one transaction: the record locked first, then the return; the move checked; `return.updated` published. */
  private act(
    id: number,
    action: ReturnAction,
    work: (manager: EntityManager, record: RefundableRecord, ret: ReturnEntity) => Promise<void>,
  ): Promise<ReturnView> {
    return inTransaction(this.dataSource, async (manager) => {
      const { record, ret } = await this.lockReturn(manager, id);
      returnMove(action, ret.status);
      await work(manager, record, ret);
      await this.progress.published(manager, record, id, ret.status);
      return this.reader.viewIn(manager, id, 'admin');
    });
  }

  private async lockReturn(manager: EntityManager, id: number): Promise<{ record: RefundableRecord; ret: ReturnEntity }> {
    const found = await manager.findOneBy(ReturnEntity, { id });
    if (!found) throw notFound('Return');
    const record = await this.records.lock(manager, refOf(found));
    const ret = await manager.createQueryBuilder(ReturnEntity, 'r').setLock('pessimistic_write').where('r.id = :id', { id }).getOneOrFail();
    return { record, ret };
  }

  /** The record's returns that hold units, oldest first, with their lines and figures. */
  private async liveReturns(manager: EntityManager, record: RefundableRecord): Promise<LiveReturn[]> {
    const rows: {
      id: number;
      status: ReturnStatus;
      subtotal: number;
      discount_total: number;
      shipping_total: number;
      tax_total: number;
      lines: { lineId: number; quantity: number }[];
    }[] = await manager.query(
      `SELECT r.id, r.status, r.subtotal, r.discount_total, r.shipping_total, r.tax_total,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('lineId', l.line_id, 'quantity', l.quantity)) FROM return_lines l WHERE l.return_id = r.id), '[]') AS lines
         FROM returns r WHERE r.${recordColumn(record.ref)} = $1 AND r.status = ANY($2) ORDER BY r.id`,
      [record.ref.id, LIVE_RETURN_STATUSES],
    );
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      lines: r.lines,
      figures: { subtotal: r.subtotal, discountTotal: r.discount_total, shippingTotal: r.shipping_total, taxTotal: r.tax_total },
    }));
  }

  /**
   * After a return of the record was rejected or cancelled, the open ones are priced again, each
   * with the live returns before it: the one that completed every unit may complete no longer.
   */
  private async reprice(manager: EntityManager, record: RefundableRecord): Promise<void> {
    const live = await this.liveReturns(manager, record);
    const repriced: { id: number; subtotal: number; discount_total: number; shipping_total: number; tax_total: number }[] = [];
    for (const [i, r] of live.entries()) {
      if (!OPEN_RETURN_STATUSES.includes(r.status)) continue;
      const { subtotal, discountTotal, shippingTotal, taxTotal } = returnAmounts(record, r.lines, live.slice(0, i));
      r.figures = { subtotal, discountTotal, shippingTotal, taxTotal };
      repriced.push({ id: r.id, subtotal, discount_total: discountTotal, shipping_total: shippingTotal, tax_total: taxTotal });
    }
    if (repriced.length === 0) return;
    await manager.query(
      `UPDATE returns r SET subtotal = f.subtotal, discount_total = f.discount_total, shipping_total = f.shipping_total, tax_total = f.tax_total
         FROM jsonb_to_recordset($1::jsonb) AS f(id int, subtotal int, discount_total int, shipping_total int, tax_total int)
        WHERE r.id = f.id`,
      [JSON.stringify(repriced)],
    );
  }
}
