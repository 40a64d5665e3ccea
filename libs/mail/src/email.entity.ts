import { bigintNumber } from '@chance/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Template } from './mail-templates.js';
import type { MailParams } from './mail-rules.js';

@Entity('emails')
export class EmailEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber }) id: number;
  @Column({ name: 'to_address', type: 'text' }) to: string;
  @Column({ type: 'text' }) template: Template;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'jsonb' }) params: MailParams;
  @Column({ type: 'text' }) status: 'pending' | 'sent' | 'failed';
  @Column({ type: 'integer' }) attempts: number;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
