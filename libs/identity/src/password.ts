import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { APP_CONFIG, Admission, AdmissionRefused, DomainError, type AppConfig } from '@chance/core';

/** argon2id at the OWASP floor: 19 MiB memory, 2 iterations, 1 lane. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with no admission control: for the command line and start-up, never per request. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

async function matches(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

const busy = () =>
  new DomainError('SERVICE_UNAVAILABLE', 'The server is busy checking passwords: try again in a moment', undefined, {
    'Retry-After': '1',
  });

/**
 * Every password hash and check a request needs, through one gate: argon2 is made to be slow
 * (and runs on libuv's small thread pool), so a flood of sign-ins or registrations would
 * otherwise queue every real user behind it. At most PASSWORD_HASH_CONCURRENCY run at once and
 * PASSWORD_HASH_QUEUE wait; beyond that the request is refused at once with 503 and Retry-After.
 * Callers hash before they open a transaction, so no database connection waits on a hash.
 */
@Injectable()
export class PasswordHasher {
  private readonly gate: Admission;
  private dummy?: Promise<string>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.gate = new Admission(config.passwordHashing.concurrency, config.passwordHashing.queue);
  }

  hash(password: string): Promise<string> {
    return this.admit(() => hashPassword(password));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.admit(() => matches(hash, password));
  }

  /** Spends the same work as a real check, so an unknown e-mail cannot be told from a wrong password. */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= hashPassword('not-a-real-password');
    const hash = await this.dummy;
    await this.admit(() => matches(hash, password));
    return false;
  }

  private async admit<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.gate.run(work);
    } catch (error) {
      throw error instanceof AdmissionRefused ? busy() : error;
    }
  }
}
