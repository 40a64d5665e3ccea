import { Injectable } from '@nestjs/common';
import { moveStock } from '@chance/catalog';
import {
  DomainError,
  DomainEventBus,
  balanceToPay,
  idempotent,
  inTransaction,
  notFound,
  paymentRefusal,
  paymentRefused,
  pendingAmountOf,
  publish,
  requestHash,
  type IdempotencyRequest,
  type IdempotentResult,
  type PayableRecord,
  type PaymentRefusal,
  invalidTransition,
} from '@chance/core';
import { CouponsService } from '@chance/coupons';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import type { MarkPaidDto, OrderView, RecordPaymentDto } from './dto/order.dto.js';
import { OrderEntity, PaymentEntity } from './order.entities.js';
import { OrderReaderService } from './order-reader.service.js';
import { assertMove, paymentState, statusAfterPayment, type OrderStatus, type PaymentMethod } from './order-rules.js';

/**
 * Everything that happens to an order after checkout: payments recorded by staff, status moves
 * and cancellation, each in one transaction that also applies the sync rules (paid ⇒ delivered;
 * cancelled ⇒ stock and coupon use returned, and `order.cancelled` raised in the transaction, on
 * which the refunds library gives back what was paid), and raises what changed: in the
 * transaction for the records that follow the order (its invoice), after commit through the outbox.
 * Card payments charged online go through CardPaymentsService, which settles them here.
 */
@Injectable()
export class OrderLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: OrderReaderService,
    private readonly coupons: CouponsService,
    private readonly settings: SettingsService,
    private readonly events: DomainEventBus,
  ) {}

  /** A payment recorded by staff; with an Idempotency-Key, a retried request records it once. */
  recordPayment(orderId: number, input: RecordPaymentDto, actorId: number, key?: string): Promise<IdempotentResult<OrderView>> {
    return this.command(orderId, 201, staffKey(orderId, actorId, key, { action: 'payment', ...input }), async (manager, order) => {
      const refusal = paymentRefusal(input.amount, await this.payable(manager, order));
      if (refusal) throw await this.refused(manager, refusal);
      await this.addPayment(manager, order, input.amount, input.method, input.reference ?? null, actorId);
    });
  }

  /** Records the remaining balance as one payment (not while a card payment of it is being confirmed). */
  markPaid(orderId: number, input: MarkPaidDto, actorId: number, key?: string): Promise<IdempotentResult<OrderView>> {
    return this.command(orderId, 200, staffKey(orderId, actorId, key, { action: 'mark-paid', ...input }), async (manager, order) => {
      const balance = balanceToPay(await this.payable(manager, order));
      if ('refusal' in balance) throw await this.refused(manager, balance.refusal);
      await this.addPayment(manager, order, balance.amount, input.method ?? order.paymentMethod, input.reference ?? null, actorId);
    });
  }

  /** A manual move (409 INVALID_TRANSITION unless the machine allows it); `cancelled` cancels. */
  async changeStatus(orderId: number, status: OrderStatus): Promise<OrderView> {
    if (status === 'cancelled') return this.cancel(orderId);
    const result = await this.command(orderId, 200, undefined, async (manager, order) => {
      assertMove(order.status, status);
      await this.setStatus(manager, order, status);
    });
    return result.body;
  }

  async cancel(orderId: number, onlyFrom?: OrderStatus): Promise<OrderView> {
    const result = await this.command(orderId, 200, undefined, async (manager, order) => {
      if (onlyFrom && order.status !== onlyFrom) throw invalidTransition(`Only a ${onlyFrom} order can be cancelled here`);
      assertMove(order.status, 'cancelled');
      // a card charge still being confirmed may yet succeed: cancel once it is settled
      if (pendingAmountOf(await this.paymentsOf(manager, order.id)) > 0) throw paymentRefused({ code: 'INVALID_TRANSITION', reason: 'in_progress' }, WORDING);
      const lines: { variant_id: number; quantity: number }[] = await manager.query('SELECT variant_id, quantity FROM order_lines WHERE order_id = $1', [
        order.id,
      ]);
      await moveStock(
        manager,
        lines.map((l) => ({ variantId: l.variant_id, delta: l.quantity })),
        { reason: 'order_cancelled', reference: order.number!, skipMissing: true },
      );
      await this.coupons.release(manager, { orderId: order.id });
      await manager.query('UPDATE orders SET cancelled_at = now() WHERE id = $1', [order.id]);
      await this.setStatus(manager, order, 'cancelled');
      // what was paid goes back through refunds (each with its credit note; card money through the provider)
      await this.events.raise(manager, 'order.cancelled', { orderId: order.id, number: order.number! });
    });
    return result.body;
  }

  /** The order, locked for the rest of the caller's transaction (every payment and move of an order queues here). */
  async lock(manager: EntityManager, orderId: number): Promise<OrderEntity> {
    const order = await manager.createQueryBuilder(OrderEntity, 'o').setLock('pessimistic_write').where('o.id = :orderId', { orderId }).getOne();
    if (!order) throw notFound('Order');
    return order;
  }

  /** What the locked order may still take: its total and payment rows (pending card charges count as taken). */
  async payable(manager: EntityManager, order: OrderEntity): Promise<PayableRecord> {
    return { total: order.total, cancelled: order.status === 'cancelled', payments: await this.paymentsOf(manager, order.id) };
  }

  /** The contract's error for a refused payment on an order (the balance in the store's currency). */
  async refused(manager: EntityManager, refusal: PaymentRefusal): Promise<DomainError> {
    return paymentRefused(refusal, { ...WORDING, currency: (await this.settings.currentIn(manager)).currency });
  }

  /** Re-derives the locked order's payment state after a payment was settled or refunded, with the sync rules (paid ⇒ delivered). */
  syncPayments(manager: EntityManager, order: OrderEntity): Promise<void> {
    return this.setStatus(manager, order, order.status);
  }

  /** The one other automatic move (docs/api.md#refunds-and-returns): every unit came back and was refunded. Only from shipped or delivered. */
  async markReturned(manager: EntityManager, order: OrderEntity): Promise<void> {
    if (order.status === 'shipped' || order.status === 'delivered') await this.setStatus(manager, order, 'returned');
  }

  private command(
    orderId: number,
    status: number,
    key: IdempotencyRequest | undefined,
    work: (manager: EntityManager, order: OrderEntity) => Promise<void>,
  ): Promise<IdempotentResult<OrderView>> {
    return inTransaction(this.dataSource, async (manager) => {
      const run = async () => {
        const order = await this.lock(manager, orderId);
        // a draft is placed (or deleted) before anything else happens to it
        if (order.status === 'draft') throw invalidTransition('This order is a draft: place it first');
        await work(manager, order);
        return { status, body: await this.reader.viewIn(manager, orderId, 'admin') };
      };
      return key ? idempotent(manager, key, run) : { ...(await run()), replayed: false };
    });
  }

  private paymentsOf(manager: EntityManager, orderId: number): Promise<PaymentEntity[]> {
    return manager.findBy(PaymentEntity, { orderId });
  }

  private async addPayment(
    manager: EntityManager,
    order: OrderEntity,
    amount: number,
    method: PaymentMethod,
    reference: string | null,
    actorId: number | null,
  ): Promise<void> {
    await manager.query('INSERT INTO payments (order_id, amount, method, reference, recorded_by_id) VALUES ($1, $2, $3, $4, $5)', [
      order.id,
      amount,
      method,
      reference,
      actorId,
    ]);
    await this.setStatus(manager, order, order.status);
  }

  /**
   * Applies a status and re-derives the payment state from the payments, then the sync rule
   * (paid ⇒ delivered), and raises the events of whatever changed: `order.payment_changed` in the
   * transaction (the invoice follows), `order.updated` / `order.cancelled` after commit.
   */
  private async setStatus(manager: EntityManager, order: OrderEntity, wanted: OrderStatus): Promise<void> {
    const payments = await this.paymentsOf(manager, order.id);
    const state = paymentState(order.total, payments, wanted === 'cancelled');
    const status = statusAfterPayment(wanted, state, order.total);
    await manager.query(
      `UPDATE orders SET status = $2, payment_status = $3, paid_amount = $4, refunded_amount = $5, updated_at = now(),
                         delivered_at = CASE WHEN $2 = 'delivered' THEN COALESCE(delivered_at, now()) ELSE delivered_at END
        WHERE id = $1`,
      [order.id, status, state.paymentStatus, state.paidAmount, state.refundedAmount],
    );
    if (state.paidAmount !== order.paidAmount || state.paymentStatus !== order.paymentStatus || state.refundedAmount !== order.refundedAmount) {
      await this.events.raise(manager, 'order.payment_changed', {
        orderId: order.id,
        paidAmount: state.paidAmount,
        refundedAmount: state.refundedAmount,
        paymentStatus: state.paymentStatus,
      });
    }
    const about = { orderId: order.id, number: order.number!, customerId: order.customerId, email: order.email };
    if (status !== order.status) {
      if (status === 'cancelled') await publish(manager, 'order.cancelled', { ...about, change: 'status', from: order.status, to: status });
      else await publish(manager, 'order.updated', { ...about, change: 'status', from: order.status, to: status });
    }
    if (state.paymentStatus !== order.paymentStatus) {
      await publish(manager, 'order.updated', { ...about, change: 'payment', from: order.paymentStatus, to: state.paymentStatus });
    }
  }
}

const WORDING = { noun: 'order', currency: '' };

/** Staff keys are scoped to the order and the member of staff; the action is part of the request, so one key serves one action. */
function staffKey(orderId: number, actorId: number, key: string | undefined, request: object): IdempotencyRequest | undefined {
  return key === undefined ? undefined : { scope: `order-payment:${orderId}:staff:${actorId}`, key, hash: requestHash(request) };
}
