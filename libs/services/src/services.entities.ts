import type { SettlementStatus } from '@chance/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BookingStatus } from './booking-rules.js';

@Entity('service_types')
export class ServiceTypeEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'integer' }) price: number;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes: number;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
}

@Entity('bookings')
export class BookingEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  /** the account it is for, or null when it is for an in-store customer */
  @Column({ name: 'customer_id', type: 'integer', nullable: true }) customerId: number | null;
  @Column({ name: 'offline_customer_id', type: 'integer', nullable: true }) offlineCustomerId: number | null;
  @Column({ name: 'assignee_id', type: 'integer', nullable: true }) assigneeId: number | null;
  @Column({ name: 'service_type_id', type: 'integer' }) serviceTypeId: number;
  @Column({ name: 'service_name', type: 'text' }) serviceName: string;
  @Column({ type: 'integer' }) price: number;
  /** the price snapshot, taxed at the store's rate when booked */
  @Column({ type: 'integer' }) subtotal: number;
  @Column({ name: 'tax_rate_bps', type: 'integer' }) taxRateBps: number;
  @Column({ name: 'tax_total', type: 'integer' }) taxTotal: number;
  @Column({ type: 'integer' }) total: number;
  /** what was ever paid (refunds are counted apart); 0 once cancelled */
  @Column({ name: 'paid_amount', type: 'integer' }) paidAmount: number;
  @Column({ name: 'payment_status', type: 'text' }) paymentStatus: SettlementStatus;
  /** its invoice, issued when it is completed */
  @Column({ name: 'invoice_id', type: 'integer', nullable: true }) invoiceId: number | null;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes: number;
  @Column({ name: 'scheduled_at', type: 'timestamptz' }) scheduledAt: Date;
  @Column({ type: 'text' }) address: string;
  @Column({ type: 'text' }) notes: string;
  @Column({ type: 'text' }) status: BookingStatus;
  /** what was given back through refunds (docs/api.md#refunds-and-returns) */
  @Column({ name: 'refunded_amount', type: 'integer' }) refundedAmount: number;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('booking_payments')
export class BookingPaymentEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'booking_id', type: 'integer' }) bookingId: number;
  @Column({ type: 'integer' }) amount: number;
  @Column({ type: 'text' }) method: string;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  /** what was given back of it (refunds) */
  @Column({ name: 'refunded_amount', type: 'integer' }) refundedAmount: number;
  @Column({ name: 'paid_at', type: 'timestamptz' }) paidAt: Date;
  @Column({ name: 'recorded_by_id', type: 'integer', nullable: true }) recordedById: number | null;
}

export const SERVICES_ENTITIES = [ServiceTypeEntity, BookingEntity, BookingPaymentEntity];
