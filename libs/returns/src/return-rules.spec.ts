import { DomainError } from '@chance/core';
import { RETURN_STATUSES, assertReturnAllowed, canTake, returnMove, returnRefusal, type ReturnAction } from './return-rules.js';

describe('return status machine', () => {
  const allowed: [ReturnAction, string][] = [
    ['approve', 'requested'],
    ['reject', 'requested'],
    ['cancel', 'requested'],
    ['receive', 'approved'],
    ['refund', 'approved'],
    ['cancel', 'approved'],
    ['refund', 'received'],
  ];
  it('allows exactly the contract’s actions', () => {
    for (const action of ['approve', 'reject', 'receive', 'refund', 'cancel'] as ReturnAction[])
      for (const from of RETURN_STATUSES)
        expect([action, from, canTake(action, from)]).toEqual([action, from, allowed.some(([a, f]) => a === action && f === from)]);
  });
  it('leads each action to its status and refuses the others with 409 INVALID_TRANSITION', () => {
    expect(returnMove('receive', 'approved')).toBe('received');
    expect(returnMove('refund', 'received')).toBe('refunded');
    try {
      returnMove('cancel', 'received');
      throw new Error('moved');
    } catch (e) {
      expect((e as DomainError).code).toBe('INVALID_TRANSITION');
    }
  });
});

describe('who may return what', () => {
  const now = new Date('2026-12-10T12:00:00Z');
  const delivered = (daysAgo: number) => ({ kind: 'order' as const, status: 'delivered', deliveredAt: new Date(now.getTime() - daysAgo * 86_400_000) });

  it('lets a customer return a delivered order within the window, up to its last instant', () => {
    expect(returnRefusal(delivered(30), 'store', 30, now)).toBeNull();
    expect(returnRefusal(delivered(30.0001), 'store', 30, now)).toMatch(/window/);
    expect(returnRefusal({ kind: 'order', status: 'shipped', deliveredAt: null }, 'store', 30, now)).toMatch(/delivered/);
  });
  it('lets staff return a shipped or delivered order with no window, and a completed in-store sale', () => {
    expect(returnRefusal(delivered(400), 'admin', 30, now)).toBeNull();
    expect(returnRefusal({ kind: 'order', status: 'shipped', deliveredAt: null }, 'admin', 30, now)).toBeNull();
    for (const status of ['pending', 'processing', 'cancelled', 'returned'])
      expect(returnRefusal({ kind: 'order', status, deliveredAt: null }, 'admin', 30, now)).not.toBeNull();
    expect(returnRefusal({ kind: 'offline_sale', status: 'completed', deliveredAt: null }, 'admin', 30, now)).toBeNull();
    expect(returnRefusal({ kind: 'offline_sale', status: 'cancelled', deliveredAt: null }, 'admin', 30, now)).not.toBeNull();
  });
  it('refuses with 409 RETURN_NOT_ALLOWED', () => {
    expect(() => assertReturnAllowed(delivered(31), 'store', 30, now)).toThrow(expect.objectContaining({ code: 'RETURN_NOT_ALLOWED' }));
  });
});
