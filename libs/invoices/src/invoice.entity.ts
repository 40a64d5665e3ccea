import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface InvoiceLine {
  /** null on a booking's line (a service, no product) */
  productId: number | null;
  variantId: number | null;
  productName: string;
  sku: string;
  attributes: Record<string, string>;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  shippingCost: number;
}

export interface BillTo {
  name: string;
  email: string;
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  country: string;
  phone?: string | null;
}

@Entity('invoices')
export class InvoiceEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) number: string;
  /** the order it bills, or null for a booking's invoice */
  @Column({ name: 'order_id', type: 'integer', nullable: true }) orderId: number | null;
  @Column({ name: 'order_number', type: 'text', nullable: true }) orderNumber: string | null;
  /** the booking it bills (docs/api.md#services-and-notifications), or null for an order's invoice */
  @Column({ name: 'booking_id', type: 'integer', nullable: true }) bookingId: number | null;
  @Column({ type: 'integer' }) revision: number;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'bill_to', type: 'jsonb' }) billTo: BillTo;
  @Column({ type: 'jsonb' }) lines: InvoiceLine[];
  @Column({ type: 'text' }) currency: string;
  @Column({ type: 'integer' }) subtotal: number;
  @Column({ name: 'discount_total', type: 'integer' }) discountTotal: number;
  @Column({ name: 'shipping_total', type: 'integer' }) shippingTotal: number;
  @Column({ name: 'tax_rate_bps', type: 'integer' }) taxRateBps: number;
  @Column({ name: 'tax_total', type: 'integer' }) taxTotal: number;
  @Column({ type: 'integer' }) total: number;
  @Column({ name: 'paid_amount', type: 'integer' }) paidAmount: number;
  @Column({ name: 'payment_status', type: 'text' }) paymentStatus: string;
}
