import { IdempotencyKeys, newIdempotencyKey } from './idempotency.js';
import { memoryStorage } from './storage.js';

describe('IdempotencyKeys', () => {
  it('keeps one key per attempt: the same scope and body get it again, also after a reload', () => {
    const storage = memoryStorage();
    const key = new IdempotencyKeys(storage).keyFor('checkout:1', { cartId: 1, paymentMethod: 'card' });
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(new IdempotencyKeys(storage).keyFor('checkout:1', { cartId: 1, paymentMethod: 'card' })).toBe(key);
  });

  it('a changed body, another scope or a settled attempt takes a new key', () => {
    const keys = new IdempotencyKeys(memoryStorage());
    const first = keys.keyFor('payment:7', { paymentToken: 'tok_declined' });
    expect(keys.keyFor('payment:8', { paymentToken: 'tok_declined' })).not.toBe(first);
    const changed = keys.keyFor('payment:7', { paymentToken: 'tok_visa' });
    expect(changed).not.toBe(first);
    keys.settle('payment:7');
    expect(keys.keyFor('payment:7', { paymentToken: 'tok_visa' })).not.toBe(changed);
  });

  it('only an answer that may still change keeps the attempt open', () => {
    expect(IdempotencyKeys.isFinal(201, undefined)).toBe(true);
    expect(IdempotencyKeys.isFinal(402, 'PAYMENT_DECLINED')).toBe(true);
    expect(IdempotencyKeys.isFinal(409, 'OUT_OF_STOCK')).toBe(true);
    expect(IdempotencyKeys.isFinal(409, 'IDEMPOTENCY_IN_PROGRESS')).toBe(false);
    expect(IdempotencyKeys.isFinal(503, 'SERVICE_UNAVAILABLE')).toBe(false);
  });

  it('keys are random', () => {
    const keys = new Set(Array.from({ length: 200 }, newIdempotencyKey));
    expect(keys.size).toBe(200);
  });
});
