import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DiscountType } from './coupon-rules.js';

@Entity('coupons')
export class CouponEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'discount_type', type: 'text' }) discountType: DiscountType;
  @Column({ name: 'discount_value', type: 'integer' }) discountValue: number;
  @Column({ name: 'max_discount', type: 'integer', nullable: true }) maxDiscount: number | null;
  @Column({ name: 'min_purchase', type: 'integer', nullable: true }) minPurchase: number | null;
  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true }) validFrom: Date | null;
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true }) validTo: Date | null;
  @Column({ name: 'usage_limit', type: 'integer', nullable: true }) usageLimit: number | null;
  @Column({ name: 'per_customer_limit', type: 'integer', nullable: true }) perCustomerLimit: number | null;
  @Column({ name: 'is_active', type: 'boolean' }) isActive: boolean;
  @Column({ name: 'times_used', type: 'integer' }) timesUsed: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
