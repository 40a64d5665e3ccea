import { Injectable } from '@nestjs/common';
import { moveStock } from '@chance/catalog';
import { DomainError, formatMoney, idempotent, inTransaction, notFound, publish, requestHash, type IdempotentResult } from '@chance/core';
import { CouponsService } from '@chance/coupons';
import { InvoicesService } from '@chance/invoices';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import type { MarkPaidDto, OrderView, RecordPaymentDto } from './dto/order.dto.js';
import { OrderEntity, PaymentEntity } from './order.entities.js';
import { OrderReaderService, type OrderCredentials } from './order-reader.service.js';
import { assertMove, paymentState, statusAfterPayment, type OrderStatus, type PaymentMethod } from './order-rules.js';
import { PaymentProvider } from './payment-provider.js';

/**
 * Everything that happens to an order after checkout: payments, status moves and cancellation,
 * each in one transaction that also applies the sync rules (paid ⇒ delivered; cancelled ⇒ stock
 * and coupon use returned, payments refunded) and keeps the invoice in step.
 */
@Injectable()
export class OrderLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: OrderReaderService,
    private readonly coupons: CouponsService,
    private readonly invoices: InvoicesService,
    private readonly settings: SettingsService,
    private readonly provider: PaymentProvider,
  ) {}

  recordPayment(orderId: number, input: RecordPaymentDto, actorId: number | null): Promise<OrderView> {
    return this.change(orderId, async (manager, order) => {
      await this.addPayment(manager, order, input.amount, input.method, input.reference ?? null, actorId);
    });
  }

  /** Records the remaining balance as one payment. */
  markPaid(orderId: number, input: MarkPaidDto, actorId: number | null): Promise<OrderView> {
    return this.change(orderId, async (manager, order) => {
      const balance = order.total - order.paidAmount;
      if (order.status === 'cancelled') throw cancelledRefusal();
      if (balance <= 0) throw new DomainError('INVALID_TRANSITION', 'This order is already paid');
      await this.addPayment(manager, order, balance, input.method ?? order.paymentMethod, input.reference ?? null, actorId);
    });
  }

  /** A manual move (409 INVALID_TRANSITION unless the machine allows it); `cancelled` cancels. */
  changeStatus(orderId: number, status: OrderStatus): Promise<OrderView> {
    if (status === 'cancelled') return this.cancel(orderId);
    return this.change(orderId, async (manager, order) => {
      assertMove(order.status, status);
      await this.setStatus(manager, order, status);
    });
  }

  cancel(orderId: number, onlyFrom?: OrderStatus): Promise<OrderView> {
    return this.change(orderId, async (manager, order) => {
      if (onlyFrom && order.status !== onlyFrom) throw new DomainError('INVALID_TRANSITION', `Only a ${onlyFrom} order can be cancelled here`);
      assertMove(order.status, 'cancelled');
      const lines: { variant_id: number; quantity: number }[] = await manager.query('SELECT variant_id, quantity FROM order_lines WHERE order_id = $1', [
        order.id,
      ]);
      await moveStock(
        manager,
        lines.map((l) => ({ variantId: l.variant_id, delta: l.quantity })),
        { reason: 'order_cancelled', reference: order.number, skipMissing: true },
      );
      await this.coupons.release(manager, order.id);
      await manager.query(`UPDATE payments SET status = 'refunded', refunded_at = now() WHERE order_id = $1 AND status = 'succeeded'`, [order.id]);
      await manager.query('UPDATE orders SET cancelled_at = now() WHERE id = $1', [order.id]);
      await this.setStatus(manager, order, 'cancelled');
    });
  }

  /** The customer's card payment of the balance through the provider port, idempotent per key. */
  payOnline(orderId: number, credentials: OrderCredentials, paymentToken: string, idempotencyKey: string): Promise<IdempotentResult<OrderView>> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.reader.reach(orderId, credentials, manager);
      return idempotent(manager, { scope: `order-payment:${orderId}`, key: idempotencyKey, hash: requestHash({ paymentToken }) }, async () => {
        const order = await this.lock(manager, orderId);
        if (order.status === 'cancelled') throw cancelledRefusal();
        const balance = order.total - order.paidAmount;
        if (balance <= 0) throw new DomainError('INVALID_TRANSITION', 'This order is already paid');
        const { currency } = await this.settings.current(manager);
        const charge = await this.provider.charge({ amount: balance, currency, paymentToken, description: `Order ${order.number}` });
        if (charge.status === 'declined') throw new DomainError('PAYMENT_DECLINED', charge.reason);
        await this.addPayment(manager, order, balance, 'card', charge.reference, null);
        return { status: 201, body: await this.reader.view(orderId, 'store', manager) };
      });
    });
  }

  private change(orderId: number, work: (manager: EntityManager, order: OrderEntity) => Promise<void>): Promise<OrderView> {
    return inTransaction(this.dataSource, async (manager) => {
      const order = await this.lock(manager, orderId);
      await work(manager, order);
      return this.reader.view(orderId, 'admin', manager);
    });
  }

  private async lock(manager: EntityManager, orderId: number): Promise<OrderEntity> {
    const order = await manager.createQueryBuilder(OrderEntity, 'o').setLock('pessimistic_write').where('o.id = :orderId', { orderId }).getOne();
    if (!order) throw notFound('Order');
    return order;
  }

  private async addPayment(
    manager: EntityManager,
    order: OrderEntity,
    amount: number,
    method: PaymentMethod,
    reference: string | null,
    actorId: number | null,
  ): Promise<void> {
    if (order.status === 'cancelled') throw cancelledRefusal();
    const balance = order.total - order.paidAmount;
    if (amount > balance) {
      const due = formatMoney(balance, (await this.settings.current(manager)).currency);
      throw new DomainError('OVERPAYMENT', `The balance due is ${due}`, { amount: `must not exceed the balance due (${due})` });
    }
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
   * (paid ⇒ delivered), the invoice, and the events of whatever changed.
   */
  private async setStatus(manager: EntityManager, order: OrderEntity, wanted: OrderStatus): Promise<void> {
    const payments = await manager.findBy(PaymentEntity, { orderId: order.id });
    const state = paymentState(order.total, payments, wanted === 'cancelled');
    const status = statusAfterPayment(wanted, state.paymentStatus);
    await manager.query('UPDATE orders SET status = $2, payment_status = $3, paid_amount = $4, refunded_amount = $5, updated_at = now() WHERE id = $1', [
      order.id,
      status,
      state.paymentStatus,
      state.paidAmount,
      state.refundedAmount,
    ]);
    await this.invoices.followPayment(manager, order.id, state.paidAmount, state.paymentStatus);
    const about = { orderId: order.id, number: order.number, customerId: order.customerId, email: order.email };
    if (status !== order.status) await publish(manager, 'orders.status_changed', { ...about, from: order.status, to: status });
    if (state.paymentStatus !== order.paymentStatus) {
      await publish(manager, 'orders.payment_status_changed', { ...about, from: order.paymentStatus, to: state.paymentStatus });
    }
  }
}

const cancelledRefusal = () => new DomainError('INVALID_TRANSITION', 'A cancelled order cannot be paid');
