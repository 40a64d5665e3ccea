import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, inTransaction, type AppConfig, RateLimiter } from '@chance/core';
import { DataSource } from 'typeorm';
import type { LoginDto, RegisterDto } from './dto/index.js';
import { verifyAgainstDummy, verifyPassword } from './password.js';
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
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: RegisterDto, ip: string): Promise<AuthResult> {
    await this.limiter.consume({ key: `register:${ip}`, limit: this.config.rateLimits.registerPerMinute, windowSeconds: 60 });
    return inTransaction(this.dataSource, async (manager) => {
      const user = await createUserWithProfile(manager, { ...input, role: 'customer' });
      return { user, ...(await this.tokens.issue(manager, user)) };
    });
  }

  /** Same refusal for an unknown e-mail and a wrong password; too many failures lock the e-mail for a while. */
  async login(input: LoginDto): Promise<AuthResult> {
    const email = normalizeEmail(input.email);
    const { loginFailures, loginWindowSeconds } = this.config.rateLimits;
    const rule = { key: `login:${email}`, limit: loginFailures, windowSeconds: loginWindowSeconds };
    await this.limiter.assertAllowed(rule);
    const [row] = await this.dataSource.query('SELECT id, password_hash, is_active FROM users WHERE email = $1', [email]);
    const ok = row ? await verifyPassword(row.password_hash, input.password) : await verifyAgainstDummy(input.password);
    if (!ok || !row.is_active) {
      await this.limiter.record(rule.key, rule.windowSeconds);
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
    }
    await this.limiter.clear(rule.key);
    return inTransaction(this.dataSource, async (manager) => {
      const user = await loadUser(manager, row.id);
      return { user, ...(await this.tokens.issue(manager, user)) };
    });
  }

  async refresh(refreshToken: string): Promise<AuthResult> {
    const { userId, pair } = await this.tokens.rotate(refreshToken);
    return { user: await loadUser(this.dataSource.manager, userId), ...pair };
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revokeFamily(refreshToken);
  }
}
