import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Compares two secrets (or their hashes) without leaking where they differ through timing. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A bearer secret of `bytes` random bytes (32 = 256 bits), URL-safe. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/**
 * The store's ownership rule (docs/api.md#roles, a record that is not yours): a record with an owner is reached only by that
 * signed-in user; one without (a guest's cart or order) only with its token, whose hash it keeps.
 */
export function reachable(record: { ownerId: number | null; tokenHash: string | null }, credentials: { userId?: number; token?: string }): boolean {
  if (record.ownerId !== null) return credentials.userId === record.ownerId;
  return credentials.token !== undefined && record.tokenHash !== null && constantTimeEqual(record.tokenHash, sha256Hex(credentials.token));
}
