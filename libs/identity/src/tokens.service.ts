import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, DomainError, constantTimeEqual, randomSecret, sha256Hex as sha256, type AppConfig } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from './roles.js';

export const JWT_ALGORITHM = 'HS256' as const;

export interface AccessClaims {
  sub: number;
  role: Role;
  typ: 'access';
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const unauthenticated = (message = 'Sign in again') => new DomainError('UNAUTHENTICATED', message);

/**
 * Access tokens: JWT, HS256 only, short-lived. Refresh tokens: opaque `<id>.<secret>`, stored
 * hashed, single use; each use issues the next one in the same family, and a reused (spent)
 * token revokes the whole family (it has been stolen or replayed).
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(manager: EntityManager, user: { id: number; role: Role }, familyId: string = randomUUID()): Promise<TokenPair> {
    const id = randomUUID();
    const secret = randomSecret();
    await manager.query(
      `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [id, familyId, user.id, sha256(secret), this.config.refreshTokenTtlSeconds],
    );
    const claims: AccessClaims = { sub: user.id, role: user.role, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: JWT_ALGORITHM,
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    return { accessToken, refreshToken: `${id}.${secret}`, expiresIn: this.config.accessTokenTtlSeconds };
  }

  /** Verifies an access token; anything else (alg none, other key, expired, a refresh token) is refused. */
  async verifyAccess(token: string): Promise<AccessClaims> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: [JWT_ALGORITHM] });
      if (claims.typ !== 'access' || !Number.isInteger(claims.sub)) throw new Error('not an access token');
      return claims;
    } catch {
      throw unauthenticated('The access token is invalid or expired');
    }
  }

  /** Spends a refresh token and returns the user it belongs to, or refuses (revoking on reuse). */
  async rotate(refreshToken: string): Promise<{ userId: number; pair: TokenPair; role: Role }> {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw unauthenticated();
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
        await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [row.family_id]);
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

  /** Ends the session the token belongs to (its whole family). Unknown tokens change nothing. */
  async revokeFamily(refreshToken: string): Promise<void> {
    const [id, secret] = refreshToken.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return;
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE id = $1 AND token_hash = $2)`,
      [id, sha256(secret)],
    );
  }
}
