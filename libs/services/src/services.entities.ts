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
  @Column({ name: 'customer_id', type: 'integer' }) customerId: number;
  @Column({ name: 'service_type_id', type: 'integer' }) serviceTypeId: number;
  @Column({ name: 'service_name', type: 'text' }) serviceName: string;
  @Column({ type: 'integer' }) price: number;
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

export const SERVICES_ENTITIES = [ServiceTypeEntity, BookingEntity];
