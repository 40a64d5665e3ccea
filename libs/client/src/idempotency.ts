/**
 * `Idempotency-Key` for checkout and card payments (docs/api.md#idempotency): one key per logical
 * attempt, reused when that same attempt is retried (a timeout, a lost connection, a reload in the
 * middle, 409 IDEMPOTENCY_IN_PROGRESS, a 5xx), so a retry never places a second order or charges
 * twice; a new key once the attempt has a final answer (success, or a refusal such as
 * PAYMENT_DECLINED, whose key keeps answering the same 402), or when the request itself changes.
 * Unfinished attempts are kept in the storage, so they survive a reload.
 */
import { jsonEntry, type KeyValueStorage } from './storage.js';

interface Attempt {
  key: string;
  body: string;
}

/** 128 random bits as 32 hex digits (crypto.getRandomValues exists outside secure contexts too). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class IdempotencyKeys {
  private readonly entry;

  constructor(storage: KeyValueStorage) {
    this.entry = jsonEntry<Record<string, Attempt>>(storage, 'chance.attempts');
  }

  /** The key of the unfinished attempt of `scope` with this body, or a new one. */
  keyFor(scope: string, body: unknown): string {
    const attempts = this.entry.read() ?? {};
    const text = JSON.stringify(body ?? null);
    const open = attempts[scope];
    if (open && open.body === text) return open.key;
    const key = newIdempotencyKey();
    this.entry.write({ ...attempts, [scope]: { key, body: text } });
    return key;
  }

  /** The attempt has its final answer: the next one takes a new key. */
  settle(scope: string): void {
    const attempts = this.entry.read() ?? {};
    if (!(scope in attempts)) return;
    delete attempts[scope];
    this.entry.write(attempts);
  }

  /**
   * Whether an answer ends the attempt: any answer but 409 IDEMPOTENCY_IN_PROGRESS and 5xx (the
   * first request may still complete: retry with the same key).
   */
  static isFinal(status: number, code: string | undefined): boolean {
    if (status >= 500) return false;
    return !(status === 409 && code === 'IDEMPOTENCY_IN_PROGRESS');
  }
}
