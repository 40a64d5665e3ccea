import type { SettlementStatus } from '@chance/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SalePaymentStatus = SettlementStatus;

@Entity('offline_customers')
export class OfflineCustomerEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) phone: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  /** the customer account it is linked to (docs/api.md#customers), unique */
  @Column({ name: 'user_id', type: 'integer', nullable: true }) userId: number | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('offline_sales')
export class OfflineSaleEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) number: string;
  /** null for a walk-in sale (paid in full at once) */
  @Column({ name: 'customer_id', type: 'integer', nullable: true }) customerId: number | null;
  @Column({ type: 'text' }) status: 'completed' | 'cancelled';
  @Column({ name: 'sold_at', type: 'timestamptz' }) soldAt: Date;
  @Column({ type: 'integer' }) subtotal: number;
  /** the manual discount or the coupon's (docs/api.md#in-store-sales) */
  @Column({ type: 'integer' }) discount: number;
  @Column({ name: 'coupon_id', type: 'integer', nullable: true }) couponId: number | null;
  @Column({ name: 'coupon_code', type: 'text', nullable: true }) couponCode: string | null;
  @Column({ name: 'tax_rate_bps', type: 'integer' }) taxRateBps: number;
  @Column({ name: 'tax_total', type: 'integer' }) taxTotal: number;
  @Column({ type: 'integer' }) total: number;
  /** what was ever paid (refunds are counted apart); 0 once cancelled */
  @Column({ name: 'paid_amount', type: 'integer' }) paidAmount: number;
  /** what was given back; once cancelled, what had been paid */
  @Column({ name: 'refunded_amount', type: 'integer' }) refundedAmount: number;
  @Column({ name: 'payment_status', type: 'text' }) paymentStatus: SalePaymentStatus;
  @Column({ name: 'created_by_id', type: 'integer', nullable: true }) createdById: number | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('offline_sale_lines')
export class OfflineSaleLineEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'sale_id', type: 'integer' }) saleId: number;
  @Column({ name: 'product_id', type: 'integer' }) productId: number;
  @Column({ name: 'variant_id', type: 'integer' }) variantId: number;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ type: 'text' }) sku: string;
  @Column({ type: 'jsonb' }) attributes: Record<string, string>;
  @Column({ name: 'unit_price', type: 'integer' }) unitPrice: number;
  @Column({ name: 'cost_price', type: 'integer' }) costPrice: number;
  @Column({ type: 'integer' }) quantity: number;
  @Column({ name: 'line_total', type: 'integer' }) lineTotal: number;
  /** the variant's thumbnail when sold (docs/api.md#catalog-media) */
  @Column({ name: 'thumbnail_url', type: 'text', nullable: true }) thumbnailUrl: string | null;
}

@Entity('offline_sale_payments')
export class OfflineSalePaymentEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'sale_id', type: 'integer' }) saleId: number;
  @Column({ type: 'integer' }) amount: number;
  @Column({ type: 'text' }) method: string;
  /** what was given back of it (refunds, docs/api.md#refunds-and-returns) */
  @Column({ name: 'refunded_amount', type: 'integer' }) refundedAmount: number;
  @Column({ name: 'paid_at', type: 'timestamptz' }) paidAt: Date;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by_id', type: 'integer', nullable: true }) recordedById: number | null;
}

export const OFFLINE_SALES_ENTITIES = [OfflineCustomerEntity, OfflineSaleEntity, OfflineSaleLineEntity, OfflineSalePaymentEntity];
