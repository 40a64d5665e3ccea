import fc from 'fast-check';
import { MAX_RETRY_DELAY_MS, RETRY_WINDOW_MS, failedLongEnough, nextRetryAt, retryDelayMs } from './retry-schedule.js';

const HOUR = 3_600_000;

/** Every attempt's start, failing each time, until the schedule gives up (attempts take `attemptMs` each). */
function attemptsUntilGivingUp(firstDelayMs: number, attemptMs = 0): number[] {
  const first = new Date(0);
  const starts = [0];
  for (let attempt = 1; ; attempt++) {
    const failedAt = new Date(starts[starts.length - 1] + attemptMs);
    const next = nextRetryAt(attempt, first, failedAt, firstDelayMs);
    if (!next) return starts;
    starts.push(next.getTime());
  }
}

describe('the retry schedule', () => {
  it('with the default 30 s: 30 s, 2 min, 8 min, 32 min, 2 h 8 min, then 6 h at most, ten attempts over 26.8 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, 30_000))).toEqual([30_000, 120_000, 480_000, 1_920_000, 7_680_000, 6 * HOUR, 6 * HOUR]);
    const starts = attemptsUntilGivingUp(30_000);
    expect(starts).toHaveLength(10);
    expect(starts[starts.length - 1]).toBe(30_000 + 120_000 + 480_000 + 1_920_000 + 7_680_000 + 4 * 6 * HOUR);
  });

  it('grows, never waits more than 6 h, and keeps trying for at least 24 h, whatever the first delay and the attempts’ length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: HOUR }), fc.integer({ min: 0, max: 10_000 }), (firstDelayMs, attemptMs) => {
        const starts = attemptsUntilGivingUp(firstDelayMs, attemptMs);
        const gaps = starts.slice(1).map((start, i) => start - starts[i]);
        for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]);
        for (const gap of gaps) expect(gap).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS + attemptMs);
        expect(starts[starts.length - 1] + attemptMs).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
        expect(starts.length).toBeLessThan(40);
      }),
    );
  });

  it('never retries at once, even with a first delay of 0', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), (attempt) => expect(retryDelayMs(attempt, 0)).toBeGreaterThanOrEqual(100)));
  });

  it('deactivates an endpoint after 24 h of failures, not before, and never one that is not failing', () => {
    const since = new Date('2026-12-01T00:00:00Z');
    expect(failedLongEnough(since, new Date(since.getTime() + RETRY_WINDOW_MS - 1))).toBe(false);
    expect(failedLongEnough(since, new Date(since.getTime() + RETRY_WINDOW_MS))).toBe(true);
    expect(failedLongEnough(null, new Date())).toBe(false);
  });
});
