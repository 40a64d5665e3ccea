import type { PaymentRowStatus } from '@chance/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrderStatus, PaymentMethod, PaymentStatus } from './order-rules.js';

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
  phone?: string;
}

@Entity('orders')
export class OrderEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  /** null while a draft: numbers are given at placing */
  @Column({ type: 'text', nullable: true }) number: string | null;
  @Column({ name: 'customer_id', type: 'integer', nullable: true }) customerId: number | null;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) status: OrderStatus;
  @Column({ name: 'payment_status', type: 'text' }) paymentStatus: PaymentStatus;
  @Column({ name: 'payment_method', type: 'text' }) paymentMethod: PaymentMethod;
  /** the coupon the order holds a use of (null once the coupon is deleted; its code stays) */
  @Column({ name: 'coupon_id', type: 'integer', nullable: true }) couponId: number | null;
  @Column({ name: 'coupon_code', type: 'text', nullable: true }) couponCode: string | null;
  @Column({ type: 'integer' }) subtotal: number;
  @Column({ name: 'discount_total', type: 'integer' }) discountTotal: number;
  @Column({ name: 'shipping_total', type: 'integer' }) shippingTotal: number;
  @Column({ name: 'tax_rate_bps', type: 'integer' }) taxRateBps: number;
  @Column({ name: 'tax_total', type: 'integer' }) taxTotal: number;
  @Column({ type: 'integer' }) total: number;
  @Column({ name: 'paid_amount', type: 'integer' }) paidAmount: number;
  @Column({ name: 'refunded_amount', type: 'integer' }) refundedAmount: number;
  @Column({ name: 'shipping_address', type: 'jsonb' }) shippingAddress: ShippingAddress;
  @Column({ name: 'estimated_delivery_date', type: 'date' }) estimatedDeliveryDate: string;
  @Column({ name: 'invoice_id', type: 'integer', nullable: true }) invoiceId: number | null;
  @Column({ name: 'placed_at', type: 'timestamptz' }) placedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  /** when it became delivered (the return window counts from here) */
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
}

@Entity('order_lines')
export class OrderLineEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'order_id', type: 'integer' }) orderId: number;
  @Column({ name: 'product_id', type: 'integer' }) productId: number;
  @Column({ name: 'variant_id', type: 'integer' }) variantId: number;
  @Column({ name: 'product_name', type: 'text' }) productName: string;
  @Column({ type: 'text' }) sku: string;
  @Column({ type: 'jsonb' }) attributes: Record<string, string>;
  @Column({ name: 'unit_price', type: 'integer' }) unitPrice: number;
  @Column({ name: 'cost_price', type: 'integer' }) costPrice: number;
  @Column({ name: 'shipping_cost', type: 'integer' }) shippingCost: number;
  @Column({ name: 'estimated_delivery_days', type: 'integer' }) estimatedDeliveryDays: number;
  @Column({ type: 'integer' }) quantity: number;
  @Column({ name: 'line_total', type: 'integer' }) lineTotal: number;
  /** the variant's thumbnail when ordered (docs/api.md#catalog-media) */
  @Column({ name: 'thumbnail_url', type: 'text', nullable: true }) thumbnailUrl: string | null;
  /** staff set the unit price by hand (audited) */
  @Column({ name: 'price_overridden', type: 'boolean' }) priceOverridden: boolean;
}

@Entity('payments')
export class PaymentEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'order_id', type: 'integer' }) orderId: number;
  @Column({ type: 'integer' }) amount: number;
  @Column({ type: 'text' }) method: PaymentMethod;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ type: 'text' }) status: PaymentRowStatus;
  @Column({ name: 'refunded_amount', type: 'integer' }) refundedAmount: number;
  @Column({ name: 'paid_at', type: 'timestamptz' }) paidAt: Date;
  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true }) refundedAt: Date | null;
  @Column({ name: 'recorded_by_id', type: 'integer', nullable: true }) recordedById: number | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** the key the payment provider received (card payments charged online) */
  @Column({ name: 'provider_key', type: 'text', nullable: true }) providerKey: string | null;
  /** the client's Idempotency-Key, completed when the payment is settled */
  @Column({ name: 'request_key', type: 'text', nullable: true }) requestKey: string | null;
  /** while pending: not before then may the reconciliation job claim it (a claim moves it one delay later) */
  @Column({ name: 'next_check_at', type: 'timestamptz', nullable: true }) nextCheckAt: Date | null;
}

export const ORDER_ENTITIES = [OrderEntity, OrderLineEntity, PaymentEntity];
