import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, inTransaction, notFound, validationFailed, type AppConfig, type RateLimit, RateLimiter } from '@chance/core';
import { DataSource } from 'typeorm';
import type { LoginDto, RegisterDto } from './dto/index.js';
import { PasswordHasher } from './password.js';
import { SessionsService } from './sessions.service.js';
import { TokensService, type TokenPair } from './tokens.service.js';
import { createUserWithProfile, loadUser, normalizeEmail } from './users.service.js';
import type { UserEntity } from './user.entity.js';

export interface AuthResult extends TokenPair {
  user: UserEntity;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The password is hashed before the transaction opens: no connection waits on argon2. */
  async register(input: RegisterDto, ip: string): Promise<AuthResult> {
    await this.limiter.consume({ key: `register:${ip}`, limit: this.config.rateLimits.registerPerMinute, windowSeconds: 60 });
    const { password, ...rest } = input;
    const passwordHash = await this.hasher.hash(password);
    return inTransaction(this.dataSource, async (manager) => {
      const user = await createUserWithProfile(manager, { ...rest, passwordHash, role: 'customer' });
      return { user, ...(await this.tokens.issue(manager, user)) };
    });
  }

  /**
   * Same refusal for an unknown e-mail and a wrong password. Every attempt counts against the
   * caller's IP, and reserves one of the e-mail's failures before its password is checked (in one
   * atomic step), so however many arrive at once, no more than RATE_LIMIT_LOGIN_FAILURES passwords
   * are ever checked for an e-mail per window; a success clears them.
   */
  async login(input: LoginDto, ip: string): Promise<AuthResult> {
    const email = normalizeEmail(input.email);
    const { loginPerIpPerMinute } = this.config.rateLimits;
    const failures = this.failuresOf(email);
    await this.limiter.consumeAll([{ key: `login-ip:${ip}`, limit: loginPerIpPerMinute, windowSeconds: 60 }, failures]);
    const [row] = await this.dataSource.query('SELECT id, password_hash, is_active FROM users WHERE email = $1', [email]);
    const ok = await this.checked(failures, () => (row ? this.hasher.verify(row.password_hash, input.password) : this.hasher.verifyDummy(input.password)));
    if (!ok || !row.is_active) throw new DomainError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
    await this.limiter.clear(failures.key);
    return inTransaction(this.dataSource, async (manager) => {
      const user = await loadUser(manager, row.id);
      return { user, ...(await this.tokens.issue(manager, user)) };
    });
  }

  async refresh(refreshToken: string): Promise<AuthResult> {
    const { userId, pair } = await this.tokens.rotate(refreshToken);
    return { user: await loadUser(this.dataSource.manager, userId), ...pair };
  }

  /** Ends the refresh token's session, its access tokens included. */
  logout(refreshToken: string): Promise<void> {
    return this.tokens.endSessionOf(refreshToken);
  }

  /** Ends every session of the user, the caller's own included. */
  logoutEverywhere(userId: number): Promise<void> {
    return inTransaction(this.dataSource, (manager) => this.sessions.endAll(manager, userId));
  }

  /**
   * A new password for the signed-in user, who proves the current one (a wrong one counts as a
   * failed sign-in of the e-mail, so a stolen access token cannot guess it without limit); every
   * session ends, this one included.
   */
  async changePassword(caller: { id: number; email: string }, currentPassword: string, newPassword: string): Promise<void> {
    const failures = this.failuresOf(caller.email);
    await this.limiter.consumeAll([failures]);
    const [row] = await this.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [caller.id]);
    if (!row) throw notFound('User');
    const ok = await this.checked(failures, () => this.hasher.verify(row.password_hash, currentPassword));
    if (!ok) throw validationFailed({ currentPassword: 'is not your current password' });
    await this.limiter.clear(failures.key);
    const passwordHash = await this.hasher.hash(newPassword);
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [caller.id, passwordHash]);
      await this.sessions.endAll(manager, caller.id);
    });
  }

  private failuresOf(email: string): RateLimit {
    const { loginFailures, loginWindowSeconds } = this.config.rateLimits;
    return { key: `login:${normalizeEmail(email)}`, limit: loginFailures, windowSeconds: loginWindowSeconds };
  }

  /** Runs a password check that reserved a failure; when the check could not run at all (the server is busy), the reservation is given back. */
  private async checked(failures: RateLimit, check: () => Promise<boolean>): Promise<boolean> {
    try {
      return await check();
    } catch (error) {
      await this.limiter.release(failures.key);
      throw error;
    }
  }
}
