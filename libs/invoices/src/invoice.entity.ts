import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface InvoiceLine {
  productId: number;
  variantId: number;
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
  @Column({ name: 'order_id', type: 'integer' }) orderId: number;
  @Column({ name: 'order_number', type: 'text' }) orderNumber: string;
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
