import { DomainError } from '@chance/core';

/** The return's status machine and who may return what (docs/api.md#refunds-and-returns), as pure functions. */
export const RETURN_STATUSES = ['requested', 'approved', 'received', 'refunded', 'rejected', 'cancelled'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Returns that hold units of their lines: every one that is not rejected or cancelled. */
export const LIVE_RETURN_STATUSES: readonly ReturnStatus[] = ['requested', 'approved', 'received', 'refunded'];
/** Returns still under way: their amounts follow when another return of the record is rejected or cancelled. */
export const OPEN_RETURN_STATUSES: readonly ReturnStatus[] = ['requested', 'approved', 'received'];

export type ReturnAction = 'approve' | 'reject' | 'receive' | 'refund' | 'cancel';

const TARGET: Record<ReturnAction, ReturnStatus> = {
  approve: 'approved',
  reject: 'rejected',
  receive: 'received',
  refund: 'refunded',
  cancel: 'cancelled',
};

/** From which statuses each action may be taken: refund from received, or from approved when nothing needs to come back. */
const FROM: Record<ReturnAction, readonly ReturnStatus[]> = {
  approve: ['requested'],
  reject: ['requested'],
  receive: ['approved'],
  refund: ['received', 'approved'],
  cancel: ['requested', 'approved'],
};

export function canTake(action: ReturnAction, from: ReturnStatus): boolean {
  return FROM[action].includes(from);
}

/** The status the action leads to; 409 INVALID_TRANSITION when it may not be taken from `from`. */
export function returnMove(action: ReturnAction, from: ReturnStatus): ReturnStatus {
  if (!canTake(action, from)) throw new DomainError('INVALID_TRANSITION', `A ${from} return cannot be ${TARGET[action]}`);
  return TARGET[action];
}

export type ReturnSource = 'store' | 'admin';

/** The record a return is asked for, as far as the rules go. */
export interface ReturnableRecord {
  kind: 'order' | 'offline_sale';
  status: string;
  deliveredAt: Date | null;
}

/**
 * May a return be made? A customer returns their own `delivered` order within `windowDays` of
 * its delivery; staff return an order that is `shipped` or `delivered` (an online order returned
 * at the counter), or a `completed` in-store sale, with no window. Otherwise 409
 * RETURN_NOT_ALLOWED, with the reason.
 */
export function returnRefusal(record: ReturnableRecord, source: ReturnSource, windowDays: number, now: Date): string | null {
  if (record.kind === 'offline_sale') {
    if (source === 'store') return 'In-store sales are returned at the counter';
    return record.status === 'completed' ? null : `A ${record.status} sale cannot be returned`;
  }
  if (source === 'admin') return record.status === 'shipped' || record.status === 'delivered' ? null : `A ${record.status} order cannot be returned`;
  if (record.status !== 'delivered' || !record.deliveredAt) return `Only a delivered order can be returned (this one is ${record.status})`;
  const until = record.deliveredAt.getTime() + windowDays * 86_400_000;
  return now.getTime() <= until ? null : `The return window of ${windowDays} days after delivery has passed`;
}

export function assertReturnAllowed(record: ReturnableRecord, source: ReturnSource, windowDays: number, now: Date): void {
  const refusal = returnRefusal(record, source, windowDays, now);
  if (refusal) throw new DomainError('RETURN_NOT_ALLOWED', refusal);
}
