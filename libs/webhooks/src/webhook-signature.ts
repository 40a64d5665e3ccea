import { createHmac, timingSafeEqual } from 'node:crypto';
import { SecretBox, randomSecret } from '@chance/core';

/** A new signing secret: `whsec_` + 256 random bits, shown once at creation. */
export const newWebhookSecret = (): string => `whsec_${randomSecret(32)}`;

/** Where the signing secrets are kept sealed (a key of their own, derived from JWT_SECRET): the service seals, the dispatcher opens. */
export const webhookSecretBox = (jwtSecret: string): SecretBox => new SecretBox(jwtSecret, 'webhook-secrets');

export const SIGNATURE_HEADER = 'Chance-Signature';
export const EVENT_ID_HEADER = 'Chance-Event-Id';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the secret>` (docs/api.md#webhooks). */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * What a receiver does (docs/api.md, "Verifying a signature"): recompute the HMAC over `<t>.<body>`
 * with the secret, compare in constant time, and refuse a timestamp too far from now (a replay).
 */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}
