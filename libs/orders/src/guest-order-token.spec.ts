import { guestOrderToken } from './guest-order-token.js';

describe('guestOrderToken', () => {
  const secret = 'a-secret-of-enough-length-for-the-test-0123';
  const placedAt = new Date('2026-12-06T10:00:00.123Z');

  it('is the same for the same order, whether the instant comes as a Date or as its JSON', () => {
    expect(guestOrderToken(secret, { number: 'ORD-000042', placedAt })).toBe(
      guestOrderToken(secret, { number: 'ORD-000042', placedAt: placedAt.toISOString() }),
    );
  });

  it('is 256 bits in base64url, and differs with the number, the instant and the secret', () => {
    const token = guestOrderToken(secret, { number: 'ORD-000042', placedAt });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(guestOrderToken(secret, { number: 'ORD-000043', placedAt })).not.toBe(token);
    expect(guestOrderToken(secret, { number: 'ORD-000042', placedAt: new Date(placedAt.getTime() + 1) })).not.toBe(token);
    expect(guestOrderToken(`${secret}!`, { number: 'ORD-000042', placedAt })).not.toBe(token);
  });
});
