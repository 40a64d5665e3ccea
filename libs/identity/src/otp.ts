import { createHmac, randomInt } from 'node:crypto';
import { constantTimeEqual } from '@chance/core';

export const OTP_TTL_SECONDS = 600;
export const OTP_MAX_WRONG_TRIES = 5;

export interface OtpState {
  expiresAt: Date;
  failedAttempts: number;
}

export type OtpVerdict = 'ok' | 'invalid' | 'expired' | 'locked';

/**
 * The rule of docs/api.md#authentication: after five wrong tries every further try of that code, right or
 * wrong, is locked; then an expired code is refused; then the code must match.
 */
export function otpVerdict(state: OtpState, now: Date, matches: boolean): OtpVerdict {
  if (state.failedAttempts >= OTP_MAX_WRONG_TRIES) return 'locked';
  if (now.getTime() > state.expiresAt.getTime()) return 'expired';
  return matches ? 'ok' : 'invalid';
}

export function newOtpCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Codes are stored as a keyed hash: six digits are too few to survive a plain hash's brute force. */
export function hashOtp(secret: string, userId: number, code: string): string {
  return createHmac('sha256', secret).update(`otp:${userId}:${code}`).digest('hex');
}

export const sameHash = constantTimeEqual;
