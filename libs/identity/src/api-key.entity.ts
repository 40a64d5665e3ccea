import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ApiKeyRole } from './dto/api-key.dto.js';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'integer' }) id: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) prefix: string;
  @Column({ type: 'text' }) role: ApiKeyRole;
  @Column({ name: 'created_by', type: 'integer' }) createdById: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
