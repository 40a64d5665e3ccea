import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, DomainError, OutboxRelay, RateLimiter, notFound, publish, validationFailed, type AppConfig } from '@chance/core';
import { DataSource, type EntityManager } from 'typeorm';
import { OTP_TTL_SECONDS, hashOtp, newOtpCode, otpVerdict, sameHash } from './otp.js';
import { OtpSender } from './otp-sender.js';

@Injectable()
export class OtpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: OtpSender,
    private readonly limiter: RateLimiter,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A new code; the previous one stops working now. By SMS it is made and sent through the sender
   * port at once; by e-mail it goes through the outbox to the mail port (`otp.requested`), and the
   * code is made when the e-mail is sent (`issue`), so it is never stored readable.
   */
  async request(userId: number, channel: 'email' | 'sms'): Promise<void> {
    const [user] = await this.dataSource.query('SELECT u.email, p.phone FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = $1', [userId]);
    if (!user) throw notFound('User');
    if (channel === 'sms' && !user.phone) throw validationFailed({ channel: 'add a phone number to your profile first' });
    const { otpRequests, otpWindowSeconds } = this.config.rateLimits;
    await this.limiter.consume({ key: `otp:${userId}`, limit: otpRequests, windowSeconds: otpWindowSeconds });
    if (channel === 'email') {
      await this.dataSource.transaction(async (manager) => {
        await this.spendCodes(manager, userId);
        await publish(manager, 'otp.requested', { userId, channel });
      });
      this.relay.kick();
      return;
    }
    const code = await this.issue(userId, channel);
    await this.sender.send({ channel, email: user.email, phone: user.phone, code });
  }

  /** Makes the user's new code for a channel (the previous one stops working) and returns it to be sent. */
  async issue(userId: number, channel: 'email' | 'sms'): Promise<string> {
    const code = newOtpCode();
    await this.dataSource.transaction(async (manager) => {
      await this.spendCodes(manager, userId);
      await manager.query(
        `INSERT INTO otp_codes (user_id, channel, code_hash, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
        [userId, channel, hashOtp(this.config.jwtSecret, userId, code), OTP_TTL_SECONDS],
      );
    });
    return code;
  }

  private async spendCodes(manager: EntityManager, userId: number): Promise<void> {
    await manager.query('UPDATE otp_codes SET consumed_at = now() WHERE user_id = $1 AND consumed_at IS NULL', [userId]);
  }

  /** Checks the latest code; a match marks the channel verified and spends the code. */
  async verify(userId: number, code: string): Promise<void> {
    const verdict = await this.dataSource.transaction(async (manager) => {
      const [otp] = await manager.query(
        `SELECT id, channel, code_hash, expires_at, failed_attempts, now() AS now FROM otp_codes
          WHERE user_id = $1 AND consumed_at IS NULL ORDER BY id DESC LIMIT 1 FOR UPDATE`,
        [userId],
      );
      if (!otp) return 'invalid' as const;
      const matches = sameHash(otp.code_hash, hashOtp(this.config.jwtSecret, userId, code));
      const verdict = otpVerdict({ expiresAt: otp.expires_at, failedAttempts: otp.failed_attempts }, otp.now, matches);
      if (verdict === 'invalid') {
        await manager.query('UPDATE otp_codes SET failed_attempts = failed_attempts + 1 WHERE id = $1', [otp.id]);
      } else if (verdict === 'ok') {
        await manager.query('UPDATE otp_codes SET consumed_at = now() WHERE id = $1', [otp.id]);
        const column = otp.channel === 'sms' ? 'phone_verified_at' : 'email_verified_at';
        await manager.query(`UPDATE users SET ${column} = now(), updated_at = now() WHERE id = $1`, [userId]);
      }
      return verdict;
    });
    switch (verdict) {
      case 'ok':
        return;
      case 'locked':
        throw new DomainError('OTP_LOCKED', 'Too many wrong codes: request a new one');
      case 'expired':
        throw new DomainError('OTP_EXPIRED', 'This code has expired: request a new one');
      default:
        throw new DomainError('OTP_INVALID', 'Wrong code', { code: 'is not the code we sent' });
    }
  }
}
