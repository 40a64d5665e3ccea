import type { DataSource, EntityManager } from 'typeorm';
import { callWithIntent, reconcileIntents, withDeadline } from './intent-call.js';

/** A stand-in DataSource that only tracks whether a transaction is open and can fail one attempt. */
function fakeDataSource() {
  const state = { open: 0, transactions: 0, failAt: new Map<number, string>() };
  const dataSource = {
    async transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
      state.transactions++;
      state.open++;
      try {
        const result = await work({} as EntityManager);
        const code = state.failAt.get(state.transactions);
        if (code) throw Object.assign(new Error('injected at commit'), { code });
        return result;
      } finally {
        state.open--;
      }
    },
    manager: {} as EntityManager,
  } as unknown as DataSource;
  return { dataSource, state };
}

describe('callWithIntent', () => {
  it('records, calls outside any transaction, then settles', async () => {
    const { dataSource, state } = fakeDataSource();
    const seen: string[] = [];
    const result = await callWithIntent(dataSource, {
      timeoutMs: 1000,
      record: async () => (seen.push(`record open=${state.open}`), { intent: 'i1' }),
      call: async (intent) => (seen.push(`call ${intent} open=${state.open}`), 'ok'),
      settle: async (_m, intent, outcome) => (seen.push(`settle ${intent} ${outcome} open=${state.open}`), 'done'),
      unknownOutcome: () => new Error('unknown'),
    });
    expect(result).toBe('done');
    expect(seen).toEqual(['record open=1', 'call i1 open=0', 'settle i1 ok open=1']);
  });

  it('retries a deadlocked record or settle transaction without calling again', async () => {
    const { dataSource, state } = fakeDataSource();
    let calls = 0;
    let settles = 0;
    state.failAt.set(1, '40P01'); // the record transaction's first commit: deadlock detected
    state.failAt.set(3, '40001'); // the settle transaction's first commit: serialization failure
    const steps = {
      timeoutMs: 1000,
      record: async () => ({ intent: 'i' }),
      call: async () => ++calls,
      settle: async () => ++settles,
      unknownOutcome: () => new Error('unknown'),
    };
    await callWithIntent(dataSource, steps);
    expect({ calls, settles, transactions: state.transactions }).toEqual({ calls: 1, settles: 2, transactions: 4 });
  });

  it('does not call when the record step answers by itself', async () => {
    const { dataSource } = fakeDataSource();
    let calls = 0;
    const result = await callWithIntent(dataSource, {
      timeoutMs: 1000,
      record: async () => ({ result: 'replayed' }),
      call: async () => ++calls,
      settle: async () => 'settled',
      unknownOutcome: () => new Error('unknown'),
    });
    expect([result, calls]).toEqual(['replayed', 0]);
  });

  it('leaves the intent unsettled and answers the unknown-outcome error when the call fails or hangs', async () => {
    const { dataSource } = fakeDataSource();
    let settles = 0;
    const settle = async () => String(++settles);
    const failing = callWithIntent(dataSource, {
      timeoutMs: 1000,
      record: async () => ({ intent: 'i' }),
      call: async () => {
        throw new Error('connection reset');
      },
      settle,
      unknownOutcome: (_i, cause) => new Error(`unknown: ${(cause as Error).message}`),
    });
    await expect(failing).rejects.toThrow('unknown: connection reset');
    const hanging = callWithIntent(dataSource, {
      timeoutMs: 20,
      record: async () => ({ intent: 'i' }),
      call: (_i, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      settle,
      unknownOutcome: (_i, cause) => new Error(`unknown: ${(cause as Error).name}`),
    });
    await expect(hanging).rejects.toThrow('unknown: TimeoutError');
    expect(settles).toBe(0);
  });
});

describe('reconcileIntents', () => {
  it('looks each claimed intent up outside a transaction and settles it; a failed lookup is left for later', async () => {
    const { dataSource, state } = fakeDataSource();
    const settled: [string, string | null][] = [];
    const count = await reconcileIntents(dataSource, {
      timeoutMs: 1000,
      claimDue: async (_m, limit) => ['a', 'b', 'c'].slice(0, limit),
      lookup: async (intent) => {
        expect(state.open).toBe(0);
        if (intent === 'b') throw new Error('provider down');
        return intent === 'a' ? 'succeeded' : null;
      },
      settle: async (_m, intent, outcome) => settled.push([intent, outcome]),
    });
    expect(count).toBe(2);
    expect(settled).toEqual([
      ['a', 'succeeded'],
      ['c', null],
    ]);
  });
});

describe('withDeadline', () => {
  it('answers what the work answers in time', async () => {
    await expect(withDeadline(async () => 42, 1000)).resolves.toBe(42);
  });
  it('rejects with a TimeoutError and aborts the signal when the work does not answer', async () => {
    let aborted: AbortSignal | undefined;
    const never = withDeadline((signal) => ((aborted = signal), new Promise<number>(() => undefined)), 10);
    await expect(never).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(aborted?.aborted).toBe(true);
  });
});
