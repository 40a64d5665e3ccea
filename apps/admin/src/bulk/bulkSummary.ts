/**
 * What a bulk action did, in words (docs/api.md#bulk-actions): the API answers `{succeeded, failed}`
 * with each refused record's code and message; the back office says "2 orders moved, 1 failed" and
 * names each refused record with why.
 */
import type { BulkResult } from '../types';

export interface BulkWords {
  /** "order" / "orders" */
  one: string;
  many: string;
  /** what happened to the ones that succeeded: "moved to shipped", "deactivated" */
  done: string;
}

export interface BulkFailureLine {
  id: BulkResult['failed'][number]['id'];
  /** how people name the record: "ORD-000043", "Brass lamp" */
  label: string;
  reason: string;
}

export interface BulkSummary {
  /** one sentence for the toast */
  headline: string;
  /** every refused record, in the order they were sent */
  failures: BulkFailureLine[];
  severity: 'success' | 'warning' | 'error';
}

const counted = (n: number, words: BulkWords) => `${n.toLocaleString('en-US')} ${n === 1 ? words.one : words.many}`;

/** The refusal's message, with its field messages when it has any ("Validation failed: categoryId does not exist"). */
function reasonOf(failure: BulkResult['failed'][number]): string {
  const fields = Object.entries(failure.errors ?? {}).map(([field, message]) => `${field} ${message}`);
  return fields.length > 0 ? `${failure.message}: ${fields.join('; ')}` : failure.message;
}

export function bulkSummary(result: BulkResult, words: BulkWords, labelOf: (id: BulkResult['succeeded'][number]) => string): BulkSummary {
  const done = result.succeeded.length;
  const failed = result.failed.length;
  const failures = result.failed.map((failure) => ({ id: failure.id, label: labelOf(failure.id), reason: reasonOf(failure) }));
  if (failed === 0) return { headline: `${counted(done, words)} ${done === 1 ? 'was' : 'were'} ${words.done}.`, failures, severity: 'success' };
  const failedPart = `${failed.toLocaleString('en-US')} failed`;
  if (done === 0) {
    const only = failures.length === 1 ? `: ${failures[0].label} — ${failures[0].reason}` : '';
    return { headline: `None of the ${counted(failed, words)} ${failed === 1 ? 'was' : 'were'} ${words.done}${only}.`, failures, severity: 'error' };
  }
  const first = failures.length === 1 ? `: ${failures[0].label} — ${failures[0].reason}` : ' (see the list)';
  return { headline: `${counted(done, words)} ${words.done}, ${failedPart}${first}.`, failures, severity: 'warning' };
}
