import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../database/transaction.js';

/**
 * An external call that must happen at most once and never be lost (docs/architecture.md, Transactions:
 * card charges, card refunds): its intent is recorded before the call, the call is made outside
 * any transaction with the intent's key (the other system does at most one thing per key), and
 * the outcome is recorded after it. A transaction may be retried (deadlock, serialization
 * failure); the call is not, because it sits between the two.
 */
export interface IntentCall<I, O, R> {
  /**
   * The first, short transaction: checks the command and writes the intent (a `pending` row
   * with its key), or finds there is nothing to call (`{ result }`, e.g. a replayed request).
   */
  record(manager: EntityManager): Promise<{ intent: I } | { result: R }>;
  /** Outside any transaction: the call itself, keyed by the intent. */
  call(intent: I, signal: AbortSignal): Promise<O>;
  /** The second transaction: records the outcome (a no-op when a reconciliation settled it first). */
  settle(manager: EntityManager, intent: I, outcome: O): Promise<R>;
  /**
   * The call failed or did not answer within `timeoutMs`: its outcome is unknown, so the intent
   * stays `pending` for the reconciliation job. Returns the error to answer with.
   */
  unknownOutcome(intent: I, cause: unknown): Error;
  timeoutMs: number;
}

export async function callWithIntent<I, O, R>(dataSource: DataSource, steps: IntentCall<I, O, R>): Promise<R> {
  const recorded = await inTransaction(dataSource, (manager) => steps.record(manager));
  if ('result' in recorded) return recorded.result;
  let outcome: O;
  try {
    outcome = await withDeadline((signal) => steps.call(recorded.intent, signal), steps.timeoutMs);
  } catch (error) {
    throw steps.unknownOutcome(recorded.intent, error);
  }
  // should this fail too (the database gone), the intent stays pending and is reconciled
  return inTransaction(dataSource, (manager) => steps.settle(manager, recorded.intent, outcome));
}

/**
 * Settling intents a crash (or a lost answer) left `pending`: claim the due ones in one statement
 * (`FOR UPDATE SKIP LOCKED`, pushing their next check forward, so several processes
 * share the work and a crashed one's claim lapses), ask the other system about each by its key
 * outside any transaction, and settle each in a transaction of its own.
 */
export interface PendingIntents<I, O> {
  /** Claims up to `limit` intents due for a check and moves their next check later, in one statement (`manager` is not in a transaction). */
  claimDue(manager: EntityManager, limit: number): Promise<I[]>;
  /** What became of the intent's call, by its key: null when the other system never received it. */
  lookup(intent: I, signal: AbortSignal): Promise<O | null>;
  /** Records the outcome (null: the call never happened), unless the intent was settled meanwhile. */
  settle(manager: EntityManager, intent: I, outcome: O | null): Promise<unknown>;
  timeoutMs: number;
}

/** One reconciliation pass; returns how many intents were settled. A failed lookup leaves its intent for a later pass. */
export async function reconcileIntents<I, O>(dataSource: DataSource, intents: PendingIntents<I, O>, limit = 50): Promise<number> {
  const due = await intents.claimDue(dataSource.manager, limit);
  let settled = 0;
  for (const intent of due) {
    let outcome: O | null;
    try {
      outcome = await withDeadline((signal) => intents.lookup(intent, signal), intents.timeoutMs);
    } catch {
      continue; // unreachable now: its claim lapses and a later pass asks again
    }
    await inTransaction(dataSource, (manager) => intents.settle(manager, intent, outcome));
    settled++;
  }
  return settled;
}

/** Runs `work` with an AbortSignal that fires after `ms`; rejects then even if the work ignores it. */
export async function withDeadline<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no answer within ${ms} ms`);
      error.name = 'TimeoutError';
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
