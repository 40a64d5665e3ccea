import type { RetentionRule } from '@chance/core';

/**
 * How long identity keeps what sign-ins leave behind (docs/operations.md, "Retention"): sessions
 * that can authenticate nothing any more (their refresh tokens go with them), refresh tokens and
 * OTP codes past their expiry. A token naming a removed session is refused like an ended one.
 */
export const IDENTITY_RETENTION: RetentionRule[] = [
  {
    name: 'sessions-ended',
    table: 'sessions',
    age: 'ended_at',
    keepDays: 1,
    why: 'an ended session refuses its tokens whether its row is there or not; kept a day to look into a sign-out',
  },
  {
    name: 'sessions-lapsed',
    table: 'sessions',
    age: 'created_at',
    keepDays: 1,
    where: 'NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = sessions.id AND t.expires_at > now())',
    why: 'every refresh token of the session has expired, so nothing can renew it (its access tokens expired long before)',
  },
  {
    name: 'refresh-tokens',
    table: 'refresh_tokens',
    age: 'expires_at',
    keepDays: 1,
    why: 'an expired token is refused anyway; a live session keeps one row per refresh, so without this an active session grows forever',
  },
  {
    name: 'otp-codes',
    table: 'otp_codes',
    age: 'expires_at',
    keepDays: 1,
    why: 'a code lives 10 minutes; the requests per user are counted in rate_limit_hits, not here',
  },
  {
    name: 'password-reset-tokens',
    table: 'password_reset_tokens',
    age: 'expires_at',
    keepDays: 1,
    why: 'a reset link lives an hour and is refused once expired or used; the requests per e-mail are counted in rate_limit_hits',
  },
];
