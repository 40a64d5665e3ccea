import { randomSecret, sha256Hex } from '@chance/core';

/** Every API key's secret starts with this, so a credential can be told from a JWT without a lookup. */
export const API_KEY_PREFIX = 'ck_';

/** Characters of the secret shown in lists to tell keys apart (`ck_` and 7 more). */
export const API_KEY_PREFIX_LENGTH = 10;

/** A new secret: `ck_` + 32 random bytes in base64url (256 bits, above the 192 the contract asks for). */
export const newApiKeySecret = (): string => API_KEY_PREFIX + randomSecret(32);

/**
 * What is stored of a secret: its SHA-256. A key is 256 random bits, so a fast hash is as safe as
 * a slow one (nothing to guess) and lets the per-request check be one indexed lookup.
 */
export const hashApiKeySecret = (secret: string): string => sha256Hex(secret);

export const isApiKeyCredential = (credential: string): boolean => credential.startsWith(API_KEY_PREFIX);

/** `lastUsedAt` is written at most this often per key: a request checks the stored value and skips the write when it is fresh. */
export const LAST_USED_PRECISION_MS = 60_000;

/** Whether a request at `now` should move the key's `lastUsedAt`, given its stored value. */
export const lastUsedIsStale = (lastUsedAt: Date | null, now: Date): boolean =>
  lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS;
