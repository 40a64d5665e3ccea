import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A line of a credit note: a returned line (with its snapshot), or a direct refund's one line. */
export interface CreditNoteLine {
  description: string;
  productName?: string;
  sku?: string;
  attributes?: Record<string, string>;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

/** Whom a credit note is addressed to, as at the refund: the order's address, the in-store customer, the booking's customer. */
export interface CreditNoteParty {
  name: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  lines?: string[];
}

@Entity('credit_notes')
export class CreditNoteEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) number: string;
  @Column({ name: 'invoice_id', type: 'integer', nullable: true }) invoiceId: number | null;
  @Column({ name: 'order_id', type: 'integer', nullable: true }) orderId: number | null;
  @Column({ name: 'offline_sale_id', type: 'integer', nullable: true }) offlineSaleId: number | null;
  @Column({ name: 'booking_id', type: 'integer', nullable: true }) bookingId: number | null;
  @Column({ name: 'refund_id', type: 'integer' }) refundId: number;
  @Column({ name: 'return_id', type: 'integer', nullable: true }) returnId: number | null;
  @Column({ name: 'record_number', type: 'text' }) recordNumber: string;
  @Column({ name: 'customer_id', type: 'integer', nullable: true }) customerId: number | null;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'bill_to', type: 'jsonb' }) billTo: CreditNoteParty;
  @Column({ type: 'text' }) currency: string;
  @Column({ name: 'tax_rate_bps', type: 'integer' }) taxRateBps: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'jsonb' }) lines: CreditNoteLine[];
  @Column({ type: 'integer' }) subtotal: number;
  @Column({ name: 'discount_total', type: 'integer' }) discountTotal: number;
  @Column({ name: 'shipping_total', type: 'integer' }) shippingTotal: number;
  @Column({ name: 'tax_total', type: 'integer' }) taxTotal: number;
  @Column({ type: 'integer' }) total: number;
}
