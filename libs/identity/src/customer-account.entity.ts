import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A user's customer record (docs/api.md#customers): the staff's notes, the in-store customer linked to
 * the account and the account's figures. The figures are maintained by database triggers in the
 * same transaction as every change to an order, in-store sale, booking or link (migration
 * Customers1765102700000), so the list sorts on indexed columns; nothing here writes them.
 */
@Entity('customer_accounts')
export class CustomerAccountEntity {
  @PrimaryColumn({ name: 'user_id', type: 'integer' }) userId: number;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ name: 'offline_customer_id', type: 'integer', nullable: true }) offlineCustomerId: number | null;
  @Column({ name: 'orders_count', type: 'integer' }) ordersCount: number;
  @Column({ name: 'offline_sales_count', type: 'integer' }) offlineSalesCount: number;
  @Column({ name: 'bookings_count', type: 'integer' }) bookingsCount: number;
  /** bigint: read as a string by the driver, converted by the view */
  @Column({ name: 'lifetime_value', type: 'bigint' }) lifetimeValue: string;
  @Column({ name: 'outstanding_balance', type: 'bigint' }) outstandingBalance: string;
  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true }) lastActivityAt: Date | null;
}
