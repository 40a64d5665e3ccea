import { bigintNumber } from '@chance/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('audit_logs')
export class AuditLogEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintNumber }) id: number;
  @Column({ name: 'actor_id', type: 'integer', nullable: true }) actorId: number | null;
  @Column({ name: 'api_key_id', type: 'integer', nullable: true }) apiKeyId: number | null;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text' }) resource: string;
  @Column({ name: 'resource_id', type: 'integer', nullable: true }) resourceId: number | null;
  @Column({ name: 'parent_resource', type: 'text', nullable: true }) parentResource: string | null;
  @Column({ name: 'parent_id', type: 'integer', nullable: true }) parentId: number | null;
  @Column({ type: 'text', nullable: true }) operation: string | null;
  @Column({ type: 'jsonb' }) changes: Record<string, [unknown, unknown]>;
  @Column({ type: 'timestamptz' }) at: Date;
}
