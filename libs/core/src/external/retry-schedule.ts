/**
 * When a failed delivery to another system (a webhook, an e-mail) is tried again (docs/api.md#webhooks:
 * "retried with growing delays for at least 24 hours"). The first retry waits `firstDelayMs`; each
 * delay is four times the one before, up to six hours; retries go on until an attempt fails 24
 * hours or more after the first one did. With the default first delay of 30 s that is ten
 * attempts: 0, 30 s, 2.5 min, 10.5 min, 42.5 min, 2.8 h, 8.8 h, 14.8 h, 20.8 h and 26.8 h in.
 */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;
/** the smallest first delay accepted: never a busy loop against a failing endpoint */
export const MIN_FIRST_RETRY_DELAY_MS = 100;

/** The wait after attempt `failedAttempt` (1 = the first) failed, before the next one. */
export function retryDelayMs(failedAttempt: number, firstDelayMs: number): number {
  const first = Math.max(MIN_FIRST_RETRY_DELAY_MS, firstDelayMs);
  return Math.min(MAX_RETRY_DELAY_MS, first * 4 ** Math.min(Math.max(failedAttempt, 1) - 1, 20));
}

/**
 * When to try again after attempt `failedAttempt` failed at `failedAt`, or null to give up: once
 * the failure comes 24 hours or more after the first attempt (`firstAttemptAt`).
 */
export function nextRetryAt(failedAttempt: number, firstAttemptAt: Date, failedAt: Date, firstDelayMs: number): Date | null {
  if (failedAt.getTime() - firstAttemptAt.getTime() >= RETRY_WINDOW_MS) return null;
  return new Date(failedAt.getTime() + retryDelayMs(failedAttempt, firstDelayMs));
}

/** An endpoint is deactivated when it has failed for 24 hours without a success in between (docs/api.md#webhooks). */
export const FAILING_DEACTIVATES_AFTER_MS = RETRY_WINDOW_MS;

export function failedLongEnough(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= FAILING_DEACTIVATES_AFTER_MS;
}
