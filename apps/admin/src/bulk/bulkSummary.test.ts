import { describe, expect, it } from 'vitest';
import { bulkSummary } from './bulkSummary';
import { BULK_MAX_IDS, inChunks } from './useBulkAction';

const words = { one: 'order', many: 'orders', done: 'moved to shipped' };
const labelOf = (id: number | string) => `ORD-${String(id).padStart(6, '0')}`;

describe('bulkSummary', () => {
  it('counts what was done when nothing failed', () => {
    expect(bulkSummary({ succeeded: [1, 2], failed: [] }, words, labelOf)).toEqual({
      headline: '2 orders were moved to shipped.',
      failures: [],
      severity: 'success',
    });
    expect(bulkSummary({ succeeded: [1], failed: [] }, words, labelOf).headline).toBe('1 order was moved to shipped.');
  });

  it('names the one refused record and why, beside what was done', () => {
    const summary = bulkSummary(
      { succeeded: [41, 42], failed: [{ id: 43, code: 'INVALID_TRANSITION', message: 'An order cannot go from cancelled to shipped' }] },
      words,
      labelOf,
    );
    expect(summary.headline).toBe('2 orders moved to shipped, 1 failed: ORD-000043 — An order cannot go from cancelled to shipped.');
    expect(summary.severity).toBe('warning');
    expect(summary.failures).toEqual([{ id: 43, label: 'ORD-000043', reason: 'An order cannot go from cancelled to shipped' }]);
  });

  it('lists several refusals, with their field messages, when none was done', () => {
    const summary = bulkSummary(
      {
        succeeded: [],
        failed: [
          { id: 7, code: 'VALIDATION_FAILED', message: 'Validation failed', errors: { categoryId: 'does not exist' } },
          { id: 8, code: 'NOT_FOUND', message: 'Order not found' },
        ],
      },
      words,
      labelOf,
    );
    expect(summary.headline).toBe('None of the 2 orders were moved to shipped.');
    expect(summary.severity).toBe('error');
    expect(summary.failures.map((f) => f.reason)).toEqual(['Validation failed: categoryId does not exist', 'Order not found']);
  });
});

describe('inChunks', () => {
  it('sends at most 100 ids per request, in order, and adds up the answers', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => i + 1);
    const sent: number[][] = [];
    const result = await inChunks(ids, async (part) => {
      sent.push(part as number[]);
      return {
        succeeded: (part as number[]).filter((id) => id % 50 !== 0),
        failed: (part as number[]).filter((id) => id % 50 === 0).map((id) => ({ id, code: 'NOT_FOUND', message: 'gone' })),
      };
    });
    expect(sent.map((part) => part.length)).toEqual([BULK_MAX_IDS, BULK_MAX_IDS, 50]);
    expect(sent.flat()).toEqual(ids);
    expect(result.succeeded).toHaveLength(245);
    expect(result.failed.map((f) => f.id)).toEqual([50, 100, 150, 200, 250]);
  });
});
