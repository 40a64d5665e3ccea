import { Injectable, Logger } from '@nestjs/common';
import {
  ADMIN_MAX_ROWS,
  findPage,
  inTransaction,
  notFound,
  parseInstant,
  validationFailed,
  type ListColumns,
  type ListPage,
  type ListQuery,
  type ListSpec,
} from '@chance/core';
import { DataSource } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity.js';
import { API_KEY_PREFIX_LENGTH, hashApiKeySecret, lastUsedIsStale, newApiKeySecret } from './api-key-secret.js';
import { API_KEY_ROLES, type ApiKeyRole, type ApiKeyView, type CreateApiKeyDto, type CreatedApiKeyView } from './dto/api-key.dto.js';
import type { Role } from './roles.js';

export const API_KEY_LIST: ListSpec = {
  resource: 'api-keys',
  maxRows: ADMIN_MAX_ROWS,
  sortable: ['id', 'name', 'createdAt', 'lastUsedAt', 'expiresAt'],
  defaultSort: ['id', 'DESC'],
  searchable: true,
  filters: { role: { type: 'enum', values: API_KEY_ROLES }, revoked: { type: 'boolean' } },
};

const COLUMNS: ListColumns = {
  columns: { id: 'k.id', name: 'k.name', createdAt: 'k.createdAt', lastUsedAt: 'k.lastUsedAt', expiresAt: 'k.expiresAt', role: 'k.role' },
  search: ['k.name', 'k.prefix'],
  custom: { revoked: (qb, value) => qb.andWhere(`k.revokedAt IS ${value ? 'NOT ' : ''}NULL`) },
};

export const toApiKeyView = (k: ApiKeyEntity): ApiKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  createdById: k.createdById,
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  expiresAt: k.expiresAt,
  revokedAt: k.revokedAt,
});

/** Who a valid key lets in: its role, and the admin it acts for. */
export interface ApiKeyHolder {
  keyId: number;
  keyRole: ApiKeyRole;
  userId: number;
  email: string;
}

/** The caller role a key acts with: read_only keys read what staff read (and the guard refuses them every write). */
export const callerRoleOf = (keyRole: ApiKeyRole): Role => (keyRole === 'admin' ? 'admin' : 'staff');

/**
 * API keys (docs/api.md#api-keys): created with a secret shown once and stored as its hash; a key acts
 * with its role for the admin who created it, while that admin is active and still an admin; it is
 * refused from the moment it is revoked or expires. Checking one is a single indexed query; its
 * `lastUsedAt` moves at most once a minute (a conditional write, not one per request).
 */
@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger('ApiKeys');

  constructor(private readonly dataSource: DataSource) {}

  async create(input: CreateApiKeyDto, creatorId: number): Promise<CreatedApiKeyView> {
    const expiresAt = input.expiresAt ? parseInstant(input.expiresAt, { endOfDay: true }) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw validationFailed({ expiresAt: 'must be in the future' });
    const secret = newApiKeySecret();
    const key = await inTransaction(this.dataSource, async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO api_keys (name, prefix, secret_hash, role, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.name.trim(), secret.slice(0, API_KEY_PREFIX_LENGTH), hashApiKeySecret(secret), input.role, creatorId, expiresAt],
      );
      return manager.findOneByOrFail(ApiKeyEntity, { id: row.id });
    });
    return { ...toApiKeyView(key), secret };
  }

  async list(query: ListQuery): Promise<ListPage<ApiKeyView>> {
    return (await findPage('api-keys', this.dataSource.manager.createQueryBuilder(ApiKeyEntity, 'k'), query, COLUMNS)).map(toApiKeyView);
  }

  async get(id: number): Promise<ApiKeyView> {
    const key = await this.dataSource.manager.findOneBy(ApiKeyEntity, { id });
    if (!key) throw notFound('API key');
    return toApiKeyView(key);
  }

  /** Revokes the key (once; revoking again changes nothing): it is refused from this commit on. */
  async revoke(id: number): Promise<ApiKeyView> {
    return inTransaction(this.dataSource, async (manager) => {
      await manager.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
      const key = await manager.findOneBy(ApiKeyEntity, { id });
      if (!key) throw notFound('API key');
      return toApiKeyView(key);
    });
  }

  /** The holder of a secret when the key is usable now; otherwise null. One query (plus, at most once a minute, the lastUsedAt write). */
  async holderOf(secret: string): Promise<ApiKeyHolder | null> {
    const [row] = await this.dataSource.query(
      `SELECT k.id, k.role, k.last_used_at, u.id AS user_id, u.email, now() AS now
         FROM api_keys k JOIN users u ON u.id = k.created_by
        WHERE k.secret_hash = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
          AND u.is_active AND u.role = 'admin'`,
      [hashApiKeySecret(secret)],
    );
    if (!row) return null;
    if (lastUsedIsStale(row.last_used_at, row.now)) this.touch(row.id);
    return { keyId: row.id, keyRole: row.role, userId: row.user_id, email: row.email };
  }

  /** Moves lastUsedAt unless another request (or process) did within the minute; not awaited by the request. */
  private touch(id: number): void {
    this.dataSource
      .query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [id])
      .catch((error: Error) => this.logger.warn(`lastUsedAt of API key ${id} not updated: ${error.message}`));
  }
}
