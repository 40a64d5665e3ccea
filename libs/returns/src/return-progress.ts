import { Injectable } from '@nestjs/common';
import { publish } from '@chance/core';
import type { EntityManager } from 'typeorm';
import { RefundableRecords, recordColumn, type RefundableRecord } from './refundable-records.js';
import type { ReturnStatus } from './return-rules.js';

/**
 * What follows a return's refunds, in the caller's transaction (the record locked): the return is
 * refunded once a refund ask of it has settled with every refund succeeded (or there was nothing to
 * give back), and an order whose every unit came back and was refunded becomes `returned`.
 */
@Injectable()
export class ReturnProgress {
  constructor(private readonly records: RefundableRecords) {}

  /** After the refunds of one ask (`batch`) of the return were written or settled. */
  async afterRefunds(manager: EntityManager, record: RefundableRecord, returnId: number, batch: { scope: string; key: string }): Promise<void> {
    const [batchState] = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM refunds WHERE return_id = $1 AND request_scope = $2 AND request_key = $3`,
      [returnId, batch.scope, batch.key],
    );
    if (batchState.pending > 0 || batchState.failed > 0) return;
    await this.markRefunded(manager, record, returnId);
  }

  /** The return is refunded (with what its succeeded refunds gave back); the order may be `returned` now. */
  async markRefunded(manager: EntityManager, record: RefundableRecord, returnId: number): Promise<void> {
    const [ret] = await manager.query('SELECT status FROM returns WHERE id = $1 FOR UPDATE', [returnId]);
    if (ret.status === 'refunded') return;
    const [given] = await manager.query(
      `SELECT COALESCE(sum(amount), 0)::int AS amount, min(id) AS first FROM refunds WHERE return_id = $1 AND status = 'succeeded'`,
      [returnId],
    );
    await manager.query(`UPDATE returns SET status = 'refunded', refund_amount = $2, refund_id = $3, refunded_at = now(), updated_at = now() WHERE id = $1`, [
      returnId,
      given.amount,
      given.first,
    ]);
    await this.published(manager, record, returnId, ret.status);
    if (await this.everyUnitRefunded(manager, record)) await this.records.markReturned(manager, record.ref);
  }

  /** `return.updated` for the return's move from `from` (null: it was just made) to its current status; `record` is the one it returns units of. */
  async published(manager: EntityManager, record: RefundableRecord, returnId: number, from: ReturnStatus | null): Promise<void> {
    const [r] = await manager.query(
      `SELECT id, number, order_id AS "orderId", offline_sale_id AS "offlineSaleId", record_number AS "recordNumber",
              customer_id AS "customerId", status FROM returns WHERE id = $1`,
      [returnId],
    );
    await publish(manager, 'return.updated', {
      returnId: r.id,
      number: r.number,
      orderId: r.orderId,
      offlineSaleId: r.offlineSaleId,
      recordNumber: r.recordNumber,
      customerId: r.customerId,
      from,
      to: r.status,
      email: record.billTo.email ?? null,
    });
  }

  /** Every unit of every line is in a refunded return. */
  private async everyUnitRefunded(manager: EntityManager, record: RefundableRecord): Promise<boolean> {
    if (record.lines.length === 0) return false;
    const rows: { line_id: number; quantity: number }[] = await manager.query(
      `SELECT l.line_id, sum(l.quantity)::int AS quantity FROM return_lines l JOIN returns r ON r.id = l.return_id
        WHERE r.${recordColumn(record.ref)} = $1 AND r.status = 'refunded' GROUP BY l.line_id`,
      [record.ref.id],
    );
    const back = new Map(rows.map((r) => [r.line_id, r.quantity]));
    return record.lines.every((line) => (back.get(line.id) ?? 0) >= line.quantity);
  }
}
