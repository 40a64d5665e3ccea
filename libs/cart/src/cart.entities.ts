import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CartStatus = 'active' | 'merged' | 'checked_out';

@Entity('carts')
export class CartEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' }) id: number;
  @Column({ name: 'customer_id', type: 'integer', nullable: true }) customerId: number | null;
  @Column({ name: 'token_hash', type: 'text', nullable: true, select: false }) tokenHash: string | null;
  @Column({ type: 'text' }) status: CartStatus;
  @Column({ name: 'coupon_id', type: 'integer', nullable: true }) couponId: number | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
