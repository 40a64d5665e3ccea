import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReturnSource, ReturnStatus } from './return-rules.js';

/** What a refund's credit note will say (docs/api.md#refunds-and-returns): written with the refund, issued when it succeeds. */
export interface CreditNoteContent {
  lines: {
    description: string;
    productName?: string;
    sku?: string;
    attributes?: Record<string, string>;
    quantity: number;
    unitPrice: number;
    lineTotal: number;
  }[];
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  taxRateBps: number;
}

export type RefundKind = 'direct' | 'return' | 'cancellation';
export type RefundStatus = 'pending' | 'succeeded' | 'failed';

@Entity('refunds')
export class RefundEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) number: string;
  @Column({ name: 'order_id', type: 'integer', nullable: true }) orderId: number | null;
  @Column({ name: 'offline_sale_id', type: 'integer', nullable: true }) offlineSaleId: number | null;
  @Column({ name: 'booking_id', type: 'integer', nullable: true }) bookingId: number | null;
  @Column({ name: 'return_id', type: 'integer', nullable: true }) returnId: number | null;
  @Column({ name: 'record_number', type: 'text' }) recordNumber: string;
  @Column({ type: 'text' }) kind: RefundKind;
  @Column({ name: 'payment_id', type: 'integer', nullable: true }) paymentId: number | null;
  /** the payments it was drawn on */
  @Column({ type: 'jsonb' }) draws: { paymentId: number; amount: number }[];
  @Column({ type: 'integer' }) amount: number;
  @Column({ type: 'text' }) method: string;
  @Column({ name: 'via_provider', type: 'boolean' }) viaProvider: boolean;
  /** the provider's reference of the charge it gives back (via the provider only) */
  @Column({ name: 'charge_reference', type: 'text', nullable: true }) chargeReference: string | null;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text' }) status: RefundStatus;
  @Column({ name: 'failure_reason', type: 'text', nullable: true }) failureReason: string | null;
  /** the record was cancelled: the refund does not count in revenue reports */
  @Column({ name: 'record_cancelled', type: 'boolean' }) recordCancelled: boolean;
  @Column({ name: 'profit_effect', type: 'integer' }) profitEffect: number;
  @Column({ name: 'credit_note', type: 'jsonb' }) creditNote: CreditNoteContent;
  @Column({ name: 'credit_note_id', type: 'integer' }) creditNoteId: number;
  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true }) refundedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'recorded_by_id', type: 'integer', nullable: true }) recordedById: number | null;
  @Column({ name: 'provider_key', type: 'text', nullable: true }) providerKey: string | null;
  @Column({ name: 'request_scope', type: 'text', nullable: true }) requestScope: string | null;
  @Column({ name: 'request_key', type: 'text', nullable: true }) requestKey: string | null;
  @Column({ name: 'next_check_at', type: 'timestamptz', nullable: true }) nextCheckAt: Date | null;
}

@Entity('returns')
export class ReturnEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) number: string;
  @Column({ name: 'order_id', type: 'integer', nullable: true }) orderId: number | null;
  @Column({ name: 'offline_sale_id', type: 'integer', nullable: true }) offlineSaleId: number | null;
  @Column({ name: 'record_number', type: 'text' }) recordNumber: string;
  @Column({ name: 'customer_id', type: 'integer', nullable: true }) customerId: number | null;
  @Column({ type: 'text' }) status: ReturnStatus;
  @Column({ type: 'text' }) source: ReturnSource;
  @Column({ type: 'integer' }) subtotal: number;
  @Column({ name: 'discount_total', type: 'integer' }) discountTotal: number;
  @Column({ name: 'shipping_total', type: 'integer' }) shippingTotal: number;
  @Column({ name: 'tax_total', type: 'integer' }) taxTotal: number;
  /** what its refund gave back, once refunded */
  @Column({ name: 'refund_amount', type: 'integer', nullable: true }) refundAmount: number | null;
  @Column({ name: 'reject_reason', type: 'text', nullable: true }) rejectReason: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt: Date | null;
  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true }) refundedAt: Date | null;
  /** rejected or cancelled */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'refund_id', type: 'integer', nullable: true }) refundId: number | null;
  @Column({ name: 'created_by_id', type: 'integer', nullable: true }) createdById: number | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('return_lines')
export class ReturnLineEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'return_id', type: 'integer' }) returnId: number;
  /** the order's or sale's line */
  @Column({ name: 'line_id', type: 'integer' }) lineId: number;
  @Column({ name: 'product_id', type: 'integer' }) productId: number;
  @Column({ name: 'variant_id', type: 'integer' }) variantId: number;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ type: 'text' }) sku: string;
  @Column({ type: 'jsonb' }) attributes: Record<string, string>;
  @Column({ name: 'unit_price', type: 'integer' }) unitPrice: number;
  @Column({ name: 'cost_price', type: 'integer' }) costPrice: number;
  @Column({ type: 'integer' }) quantity: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'boolean' }) restock: boolean;
}

export const RETURNS_ENTITIES = [RefundEntity, ReturnEntity, ReturnLineEntity];
