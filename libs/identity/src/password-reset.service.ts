import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, OutboxRelay, RateLimiter, inTransaction, publish, randomSecret, sha256Hex, type AppConfig } from '@chance/core';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './password.js';
import type { Role } from './roles.js';
import { SessionsService } from './sessions.service.js';
import { normalizeEmail } from './users.service.js';

/** A reset link works this long after it is sent (docs/api.md#account-recovery: 30 minutes). */
export const PASSWORD_RESET_TTL_SECONDS = 30 * 60;

/** The path of the link in password-reset e-mails (docs/api.md#account-recovery): `<PUBLIC_URL>/reset-password?token=…`. */
export const RESET_PASSWORD_PATH = '/reset-password';

/** The link a reset e-mail carries. */
export const resetPasswordLink = (publicUrl: string, token: string): string => `${publicUrl}${RESET_PASSWORD_PATH}?token=${encodeURIComponent(token)}`;

const tokenInvalid = () =>
  new DomainError('TOKEN_INVALID', 'This reset link is wrong, used or expired: ask for a new one', { token: 'is wrong, used or expired' });

/**
 * Account recovery (docs/api.md#account-recovery). Asking for a link answers the same whether or not the
 * account exists, after the same work: the rate limits and one outbox event. The link's token is
 * made when its e-mail is sent (`issue`), kept as a SHA-256, valid 30 minutes, and spent by the
 * one statement that accepts it: a reset sets the password and ends every session of the user.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Queues the reset e-mail of an account with this address, if there is one; the caller learns nothing either way. */
  async request(email: string, ip: string): Promise<void> {
    const normalized = normalizeEmail(email);
    const { passwordResetsPerEmail, passwordResetsPerIp, passwordResetWindowSeconds } = this.config.rateLimits;
    await this.limiter.consumeAll([
      { key: `password-reset-ip:${ip}`, limit: passwordResetsPerIp, windowSeconds: passwordResetWindowSeconds },
      { key: `password-reset:${normalized}`, limit: passwordResetsPerEmail, windowSeconds: passwordResetWindowSeconds },
    ]);
    await inTransaction(this.dataSource, (manager) => publish(manager, 'password.reset_requested', { email: normalized }));
    this.relay.kick();
  }

  /** A new token for the user's reset link (earlier links stop working); called when its e-mail is sent. */
  async issue(userId: number): Promise<string> {
    const token = randomSecret(32);
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query('UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
      await manager.query(`INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`, [
        userId,
        sha256Hex(token),
        PASSWORD_RESET_TTL_SECONDS,
      ]);
    });
    return token;
  }

  /**
   * Sets a new password with a token: 400 TOKEN_INVALID for a wrong, used or expired one (checked
   * before the password is hashed, and again atomically when it is spent, so two resets with one
   * token cannot both succeed). Every session of the user ends.
   */
  async reset(token: string, password: string): Promise<void> {
    const tokenHash = sha256Hex(token);
    const [usable] = await this.dataSource.query(
      `SELECT 1 FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.is_active`,
      [tokenHash],
    );
    if (!usable) throw tokenInvalid();
    const passwordHash = await this.hasher.hash(password);
    const email = await inTransaction(this.dataSource, async (manager) => {
      const [spent] = await manager.query(
        `WITH spent AS (
           UPDATE password_reset_tokens SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id)
         SELECT user_id FROM spent`,
        [tokenHash],
      );
      if (!spent) throw tokenInvalid();
      const [user] = await manager.query(
        'WITH u AS (UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1 AND is_active RETURNING email) SELECT email FROM u',
        [spent.user_id, passwordHash],
      );
      if (!user) throw tokenInvalid();
      await manager.query('UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [spent.user_id]);
      await this.sessions.endAll(manager, spent.user_id);
      return user.email as string;
    });
    // the owner has proved the mailbox: a lock from failed sign-ins (often why they reset) is lifted
    await this.limiter.clear(`login:${normalizeEmail(email)}`);
  }

  /** Whose link a token is (a customer's or a back-office user's), to open the right app; null when it is not usable. */
  async audienceOf(token: string): Promise<Role | null> {
    const [row] = await this.dataSource.query(
      `SELECT u.role FROM password_reset_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()`,
      [sha256Hex(token)],
    );
    return row?.role ?? null;
  }
}
