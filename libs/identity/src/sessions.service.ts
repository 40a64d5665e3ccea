import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from './roles.js';

/**
 * The channel PostgreSQL announces ended sessions on, payload `<userId>:<sessionId>` or
 * `<userId>:*` (every session of the user): every API process closes the notification streams
 * of those sessions at once (NOTIFY is sent on commit, so only an ending that happened counts).
 */
export const SESSIONS_CHANNEL = 'chance_sessions';

/** Who an open session belongs to, as the sign-in check reads it. */
export interface SessionUser {
  id: number;
  role: Role;
  email: string;
}

/**
 * Sessions (docs/api.md#tokens-and-sessions): a sign-in starts one; its id is the family of its refresh
 * tokens and the `sid` claim of its access tokens. Every authenticated request reads the user and
 * the session in one query, so an ended session or a deactivated user is refused at once.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly dataSource: DataSource) {}

  async start(manager: EntityManager, userId: number): Promise<string> {
    const id = randomUUID();
    await manager.query('INSERT INTO sessions (id, user_id) VALUES ($1, $2)', [id, userId]);
    return id;
  }

  /** The user of an open session, when that user is active; otherwise null. One query. */
  async userOf(userId: number, sessionId: string): Promise<SessionUser | null> {
    const [row] = await this.dataSource.query(
      `SELECT u.id, u.role, u.email FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND u.is_active`,
      [sessionId, userId],
    );
    return row ? { id: row.id, role: row.role, email: row.email } : null;
  }

  /** Ends one session: its refresh tokens are revoked, its access tokens refused from now on. */
  async end(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(
      `WITH ended AS (UPDATE sessions SET ended_at = now() WHERE id = $1 AND ended_at IS NULL RETURNING id, user_id),
            revoked AS (UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL)
       SELECT pg_notify('${SESSIONS_CHANNEL}', user_id::text || ':' || id::text) FROM ended`,
      [sessionId],
    );
  }

  /** Ends every session of the user (logout everywhere, a password change, a role change, a deactivation). */
  async endAll(manager: EntityManager, userId: number): Promise<void> {
    await manager.query(
      `WITH ended AS (UPDATE sessions SET ended_at = now() WHERE user_id = $1::int AND ended_at IS NULL),
            revoked AS (UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1::int AND revoked_at IS NULL)
       SELECT pg_notify('${SESSIONS_CHANNEL}', $1::int::text || ':*')`,
      [userId],
    );
  }
}
