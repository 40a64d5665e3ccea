import { Injectable } from '@nestjs/common';
import { OfflineSaleView, SaleRefunds } from '@chance/offline-sales';
import { OrderReaderService, OrderRefunds, type OrderView } from '@chance/orders';
import { BookingRefunds, BookingView } from '@chance/services';
import type { EntityManager } from 'typeorm';
import type { SoldRecord } from './refund-amounts.js';
import type { RefundSucceeded } from './returns.events.js';

export type RecordKind = 'order' | 'offline_sale' | 'booking';

/** Which order, in-store sale or booking. */
export interface RecordRef {
  kind: RecordKind;
  id: number;
}

/** A record's line as returns copy it. */
export interface RecordLine {
  id: number;
  productId: number;
  variantId: number;
  productName: string;
  sku: string;
  attributes: Record<string, string>;
  unitPrice: number;
  costPrice: number;
  quantity: number;
}

/** A payment of the record that counts (it was received), as refunds draw on it. */
export interface RecordPayment {
  id: number;
  amount: number;
  method: string;
  refundedAmount: number;
  /** the provider's charge reference, when the provider charged it: refunded through the provider */
  providerReference: string | null;
  paidAt: Date;
}

/** An order, in-store sale or booking, locked, as far as money and goods going back are concerned. */
export interface RefundableRecord extends SoldRecord {
  ref: RecordRef;
  number: string;
  status: string;
  cancelled: boolean;
  customerId: number | null;
  deliveredAt: Date | null;
  billTo: RefundSucceeded['billTo'];
  total: number;
  paid: number;
  refunded: number;
  lines: RecordLine[];
  payments: RecordPayment[];
}

export type RecordView = OrderView | OfflineSaleView | BookingView;

/**
 * The one face the refunds library gives the three kinds of record it gives money back on
 * (docs/api.md#refunds-and-returns). Each record's own library keeps its rows: it locks the record with what may
 * be given back, and applies a succeeded refund to its payments (a database-guarded update) with
 * its payment status, invoice and events following, in the caller's transaction.
 */
@Injectable()
export class RefundableRecords {
  constructor(
    private readonly orders: OrderRefunds,
    private readonly orderReader: OrderReaderService,
    private readonly sales: SaleRefunds,
    private readonly bookings: BookingRefunds,
  ) {}

  /** The record, locked until the caller's transaction ends (refunds and returns of a record queue here, as its payments do). */
  async lock(manager: EntityManager, ref: RecordRef): Promise<RefundableRecord> {
    switch (ref.kind) {
      case 'order': {
        const o = await this.orders.lockForRefund(manager, ref.id);
        const a = o.shippingAddress;
        return {
          ref,
          number: o.number,
          status: o.status,
          cancelled: o.status === 'cancelled',
          customerId: o.customerId,
          deliveredAt: o.deliveredAt,
          billTo: {
            name: a.name,
            email: o.email,
            phone: a.phone ?? null,
            lines: [a.line1, a.line2 ?? '', `${a.postalCode} ${a.city}`, a.country].filter(Boolean),
          },
          subtotal: o.subtotal,
          discountTotal: o.discountTotal,
          shippingTotal: o.shippingTotal,
          taxRateBps: o.taxRateBps,
          taxTotal: o.taxTotal,
          total: o.total,
          paid: o.paid,
          refunded: o.refunded,
          lines: o.lines,
          payments: o.payments,
        };
      }
      case 'offline_sale': {
        const s = await this.sales.lockForRefund(manager, ref.id);
        return {
          ref,
          number: s.number,
          status: s.status,
          cancelled: s.status === 'cancelled',
          customerId: null,
          deliveredAt: null,
          billTo: { name: s.customer.name, email: s.customer.email, phone: s.customer.phone, address: s.customer.address },
          subtotal: s.subtotal,
          discountTotal: s.discountTotal,
          shippingTotal: 0,
          taxRateBps: s.taxRateBps,
          taxTotal: s.taxTotal,
          total: s.total,
          paid: s.paid,
          refunded: s.refunded,
          lines: s.lines,
          payments: s.payments.map((p) => ({ ...p, providerReference: null })),
        };
      }
      case 'booking': {
        const b = await this.bookings.lockForRefund(manager, ref.id);
        return {
          ref,
          number: b.number,
          status: b.status,
          cancelled: b.status === 'cancelled',
          customerId: b.customerId,
          deliveredAt: null,
          billTo: b.billTo,
          subtotal: b.subtotal,
          discountTotal: 0,
          shippingTotal: 0,
          taxRateBps: b.taxRateBps,
          taxTotal: b.taxTotal,
          total: b.total,
          paid: b.paid,
          refunded: b.refunded,
          lines: [],
          payments: b.payments.map((p) => ({ ...p, providerReference: null })),
        };
      }
    }
  }

  /** Adds a succeeded refund to the record's payments; its payment state, invoice and events follow. */
  applyRefund(manager: EntityManager, ref: RecordRef, draws: readonly { paymentId: number; amount: number }[]): Promise<void> {
    switch (ref.kind) {
      case 'order':
        return this.orders.applyRefund(manager, ref.id, draws);
      case 'offline_sale':
        return this.sales.applyRefund(manager, ref.id, draws);
      case 'booking':
        return this.bookings.applyRefund(manager, ref.id, draws);
    }
  }

  /** An order whose every unit came back and was refunded becomes `returned`. */
  async markReturned(manager: EntityManager, ref: RecordRef): Promise<void> {
    if (ref.kind === 'order') await this.orders.markReturned(manager, ref.id);
  }

  /** The record as the admin API shows it, in the caller's transaction (the answer of a refund). */
  view(manager: EntityManager, ref: RecordRef): Promise<RecordView> {
    switch (ref.kind) {
      case 'order':
        return this.orderReader.viewIn(manager, ref.id, 'admin');
      case 'offline_sale':
        return this.sales.viewIn(manager, ref.id);
      case 'booking':
        return this.bookings.viewIn(manager, ref.id);
    }
  }

  /** What was paid and given back on each order and sale, for the estimated refund of open returns. */
  async balances(manager: EntityManager, refs: readonly RecordRef[]): Promise<Map<string, { paid: number; refunded: number; cancelled: boolean }>> {
    const ids = (kind: RecordKind) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
    const orders = await this.orders.balancesIn(manager, ids('order'));
    const sales = await this.sales.balancesIn(manager, ids('offline_sale'));
    const result = new Map<string, { paid: number; refunded: number; cancelled: boolean }>();
    for (const [id, balance] of orders) result.set(refKey({ kind: 'order', id }), balance);
    for (const [id, balance] of sales) result.set(refKey({ kind: 'offline_sale', id }), balance);
    return result;
  }
}

export const refKey = (ref: RecordRef): string => `${ref.kind}:${ref.id}`;

/** The record a refund or return row belongs to. */
export function refOf(row: { orderId: number | null; offlineSaleId?: number | null; bookingId?: number | null }): RecordRef {
  if (row.orderId !== null) return { kind: 'order', id: row.orderId };
  if (row.offlineSaleId !== null && row.offlineSaleId !== undefined) return { kind: 'offline_sale', id: row.offlineSaleId };
  return { kind: 'booking', id: row.bookingId! };
}

/** The column of a refund or return row that names a record of this kind (returns have no booking's). */
const RECORD_COLUMN = { order: 'order_id', offline_sale: 'offline_sale_id', booking: 'booking_id' } as const;
export const recordColumn = (ref: RecordRef): (typeof RECORD_COLUMN)[RecordKind] => RECORD_COLUMN[ref.kind];

/** The row's columns for a record: `order_id`, `offline_sale_id`, `booking_id`. */
export function recordColumns(ref: RecordRef): { orderId: number | null; offlineSaleId: number | null; bookingId: number | null } {
  return {
    orderId: ref.kind === 'order' ? ref.id : null,
    offlineSaleId: ref.kind === 'offline_sale' ? ref.id : null,
    bookingId: ref.kind === 'booking' ? ref.id : null,
  };
}
