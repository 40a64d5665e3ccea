import { Injectable } from '@nestjs/common';
import {
  computeTotals,
  costOfGoods,
  idempotent,
  inTransaction,
  invalidTransition,
  requestHash,
  validationFailed,
  type IdempotentResult,
  discountOfCoupon,
} from '@chance/core';
import { CouponsService } from '@chance/coupons';
import { emailOf } from '@chance/identity';
import { SettingsService } from '@chance/settings';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateDraftOrderDto, UpdateOrderDto } from './dto/order-edit.dto.js';
import type { OrderView } from './dto/order.dto.js';
import { OrderLineEntity, type OrderEntity, type ShippingAddress } from './order.entities.js';
import { OrderEditingService } from './order-editing.service.js';
import { OrderLifecycleService } from './order-lifecycle.service.js';
import { keepLine, resolveLines, writeLines, type ResolvedLine } from './order-lines.js';
import { OrderPlacement } from './order-placement.js';
import { OrderReaderService } from './order-reader.service.js';
import { assertEditable, estimatedDeliveryDate } from './order-rules.js';

/**
 * Orders created by staff (docs/api.md#draft-orders-and-order-editing): a phone or counter order
 * starts as a draft, which takes no stock, has no number and no invoice, and counts in no
 * report; it is edited and deleted freely, and placed through the one placement of checkout
 * (order-placement.ts: stock, coupon, number, invoice, events), under the same id. PUT on a placed
 * order (pending or processing) is an edit (order-editing.service.ts).
 */
@Injectable()
export class DraftOrdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coupons: CouponsService,
    private readonly settings: SettingsService,
    private readonly reader: OrderReaderService,
    private readonly lifecycle: OrderLifecycleService,
    private readonly editing: OrderEditingService,
    private readonly placement: OrderPlacement,
  ) {}

  create(input: CreateDraftOrderDto): Promise<OrderView> {
    return inTransaction(this.dataSource, async (manager) => {
      const buyer = await this.buyer(manager, input);
      if (!buyer) throw validationFailed({ customerId: 'give a customer account or a guest’s e-mail', email: 'give a customer account or a guest’s e-mail' });
      const lines = await resolveLines(manager, input.lines, [], { reprice: true });
      const [{ id }] = await manager.query(
        `INSERT INTO orders (number, customer_id, email, status, payment_status, payment_method, subtotal, discount_total, shipping_total,
                             tax_rate_bps, tax_total, total, shipping_address, estimated_delivery_date, invoice_id, cost_of_goods)
         VALUES (NULL, $1, $2, 'draft', 'unpaid', $3, 0, 0, 0, 0, 0, 0, $4, now()::date, NULL, 0) RETURNING id`,
        [buyer.customerId, buyer.email, input.paymentMethod, JSON.stringify(input.shippingAddress)],
      );
      await this.write(manager, id, {
        ...buyer,
        lines,
        couponCode: input.couponCode ?? null,
        shippingAddress: input.shippingAddress,
        paymentMethod: input.paymentMethod,
      });
      return this.reader.viewIn(manager, id, 'admin');
    });
  }

  /** A draft's new fields, or an edit of a placed order; anything else is 409 INVALID_TRANSITION. */
  update(id: number, input: UpdateOrderDto): Promise<OrderView> {
    return inTransaction(this.dataSource, async (manager) => {
      const order = await this.lifecycle.lock(manager, id);
      assertEditable(order.status);
      if (order.status !== 'draft') await this.editing.edit(manager, order, input);
      else {
        const existing = await manager.findBy(OrderLineEntity, { orderId: id });
        const buyer = (await this.buyer(manager, input)) ?? { customerId: order.customerId, email: order.email };
        const lines = await resolveLines(manager, input.lines ?? existing.map(keepLine), existing, { reprice: true });
        await this.write(manager, id, {
          ...buyer,
          lines,
          couponCode: input.couponCode === undefined ? order.couponCode : input.couponCode,
          shippingAddress: input.shippingAddress ?? order.shippingAddress,
          paymentMethod: input.paymentMethod ?? order.paymentMethod,
        });
      }
      return this.reader.viewIn(manager, id, 'admin');
    });
  }

  /** Only a draft is deleted (a placed order is cancelled instead); the answer is the draft as it was. */
  delete(id: number): Promise<OrderView> {
    return inTransaction(this.dataSource, async (manager) => {
      const order = await this.lifecycle.lock(manager, id);
      if (order.status !== 'draft') throw invalidTransition('Only a draft can be deleted: cancel a placed order');
      const view = await this.reader.viewIn(manager, id, 'admin');
      await manager.query('DELETE FROM orders WHERE id = $1', [id]);
      return view;
    });
  }

  /**
   * Places the draft with the checkout's rules and transaction, priced again from the catalog
   * (but for prices set by hand). The draft's row is locked before its key is looked up, so a
   * retry running beside the first waits for it and then replays its answer.
   */
  place(id: number, key: string): Promise<IdempotentResult<OrderView>> {
    return inTransaction(this.dataSource, async (manager) => {
      const order = await this.lifecycle.lock(manager, id);
      const result = await idempotent(manager, { scope: `order-place:${id}`, key, hash: requestHash({ place: id }) }, async () => {
        if (order.status !== 'draft') throw invalidTransition(`This order is ${order.status}: only a draft can be placed`);
        const existing = await manager.findBy(OrderLineEntity, { orderId: id });
        const lines = await resolveLines(manager, existing.map(keepLine), existing, { reprice: true });
        const [{ coupon_id: couponId }] = await manager.query('SELECT coupon_id FROM orders WHERE id = $1', [id]);
        const { last } = await this.placement.place(manager, {
          lines,
          customerId: order.customerId,
          email: order.email,
          couponId,
          shippingAddress: order.shippingAddress,
          paymentMethod: order.paymentMethod,
          cartId: null,
          draftId: id,
        });
        return { status: 200, body: await this.reader.viewIn(manager, id, 'admin'), last };
      });
      const placed = result.body;
      return placed.customerId === null ? { ...result, body: { ...placed, accessToken: this.placement.guestToken(placed) } } : result;
    });
  }

  /** The buyer the request names, if it names one: a customer account (its e-mail) or a guest's e-mail, never both. */
  private async buyer(manager: EntityManager, input: { customerId?: number; email?: string }): Promise<{ customerId: number | null; email: string } | null> {
    if (input.customerId !== undefined && input.email !== undefined)
      throw validationFailed({ email: 'give either a customer account or a guest’s e-mail, not both' });
    if (input.customerId !== undefined) {
      const email = await emailOf(manager, input.customerId);
      if (email === null) throw validationFailed({ customerId: 'no such customer' });
      return { customerId: input.customerId, email };
    }
    return input.email !== undefined ? { customerId: null, email: input.email.trim().toLowerCase() } : null;
  }

  /** The draft's lines and figures: the shared totals function with the store's current tax rate, the coupon checked as a cart checks it. */
  private async write(
    manager: EntityManager,
    id: number,
    draft: {
      customerId: number | null;
      email: string;
      lines: ResolvedLine[];
      couponCode: string | null;
      shippingAddress: ShippingAddress;
      paymentMethod: OrderEntity['paymentMethod'];
    },
  ): Promise<void> {
    const { taxRateBps } = await this.settings.currentIn(manager);
    const subtotal = computeTotals(draft.lines, null, 0).subtotal;
    const coupon = draft.couponCode
      ? await this.coupons.applicable(manager, draft.couponCode, subtotal, { customerId: draft.customerId, email: draft.email }, 'couponCode')
      : null;
    const totals = computeTotals(draft.lines, coupon ? discountOfCoupon(coupon) : null, taxRateBps);
    const now = new Date();
    await writeLines(manager, id, draft.lines, totals.lineTotals);
    await manager.query(
      `UPDATE orders SET customer_id = $2, email = $3, payment_method = $4, coupon_id = $5, coupon_code = $6, subtotal = $7, discount_total = $8,
                         shipping_total = $9, tax_rate_bps = $10, tax_total = $11, total = $12, shipping_address = $13,
                         estimated_delivery_date = $14, cost_of_goods = $15, updated_at = now()
        WHERE id = $1`,
      [
        id,
        draft.customerId,
        draft.email,
        draft.paymentMethod,
        coupon?.id ?? null,
        coupon?.code ?? null,
        totals.subtotal,
        totals.discountTotal,
        totals.shippingTotal,
        totals.taxRateBps,
        totals.taxTotal,
        totals.total,
        JSON.stringify(draft.shippingAddress),
        estimatedDeliveryDate(
          now,
          draft.lines.map((l) => l.estimatedDeliveryDays),
        ),
        costOfGoods(draft.lines),
      ],
    );
  }
}
