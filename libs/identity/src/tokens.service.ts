import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, DomainError, constantTimeEqual, randomSecret, sha256Hex as sha256, type AppConfig } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from './roles.js';
import { SessionsService } from './sessions.service.js';

export const JWT_ALGORITHM = 'HS256' as const;

export interface AccessClaims {
  sub: number;
  role: Role;
  typ: 'access';
  /** the session (refresh-token family) the token belongs to */
  sid: string;
  iat?: number;
  exp: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The claims of a verified access token, or null when they are not an access token's (no `exp` included). */
export function accessClaims(payload: unknown): AccessClaims | null {
  const claims = payload as Partial<AccessClaims> | null;
  if (!claims || typeof claims !== 'object') return null;
  if (claims.typ !== 'access' || !Number.isInteger(claims.sub) || typeof claims.sid !== 'string' || !UUID.test(claims.sid)) return null;
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return null;
  return claims as AccessClaims;
}

const unauthenticated = (message = 'Sign in again') => new DomainError('UNAUTHENTICATED', message);

/**
 * Access tokens: JWT, HS256 only, short-lived, naming their session (`sid`); checked by the
 * passport strategy (jwt.strategy.ts). Refresh tokens: opaque `<id>.<secret>`, stored hashed,
 * single use; each use issues the next one in the same family (the session), and a reused (spent)
 * token ends the whole session (it has been stolen or replayed).
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new pair in the given session, or in a new session when none is given (a sign-in). */
  async issue(manager: EntityManager, user: { id: number; role: Role }, sessionId?: string): Promise<TokenPair> {
    const sid = sessionId ?? (await this.sessions.start(manager, user.id));
    const id = randomUUID();
    const secret = randomSecret();
    await manager.query(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [id, sid, user.id, sha256(secret), this.config.refreshTokenTtlSeconds],
    );
    const claims: Omit<AccessClaims, 'exp'> = { sub: user.id, role: user.role, typ: 'access', sid };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** Spends a refresh token and returns the user it belongs to, or refuses (ending the session on reuse). */
  async rotate(refreshToken: string): Promise<{ userId: number; pair: TokenPair; role: Role }> {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !UUID.test(id)) throw unauthenticated();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT t.family_id, t.token_hash, t.used_at, t.revoked_at, t.expires_at <= now() AS expired,
                u.id AS user_id, u.role, u.is_active
           FROM refresh_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.id = $1 FOR UPDATE OF t`,
        [id],
      );
      if (!row || !constantTimeEqual(row.token_hash, sha256(secret))) return { refused: true as const };
      if (row.used_at || row.revoked_at) {
        await this.sessions.end(manager, row.family_id);
        return { refused: true as const };
      }
      if (row.expired || !row.is_active) return { refused: true as const };
      await manager.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [id]);
      const pair = await this.issue(manager, { id: row.user_id, role: row.role }, row.family_id);
      return { refused: false as const, userId: row.user_id as number, role: row.role as Role, pair };
    });
    if (outcome.refused) throw unauthenticated();
    return outcome;
  }

  /** Ends the session the token belongs to, its access tokens included. Unknown tokens change nothing. */
  async endSessionOf(refreshToken: string): Promise<void> {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !UUID.test(id)) return;
    const [row] = await this.dataSource.query('SELECT family_id FROM refresh_tokens WHERE id = $1 AND token_hash = $2', [id, sha256(secret)]);
    if (row) await this.sessions.end(this.dataSource.manager, row.family_id);
  }
}
