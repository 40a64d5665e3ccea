import { bigintNumber } from '@chance/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message as sent (docs/api.md#messages): the account's name and e-mail are snapshots of the time of sending. */
@Entity('messages')
export class MessageEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber }) id: number;
  @Column({ type: 'text' }) direction: 'to_customer' | 'from_customer';
  @Column({ name: 'user_id', type: 'integer', nullable: true }) userId: number | null;
  @Column({ name: 'user_name', type: 'text', nullable: true }) userName: string | null;
  @Column({ name: 'user_email', type: 'text', nullable: true }) userEmail: string | null;
  @Column({ name: 'sender_id', type: 'integer' }) senderId: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
