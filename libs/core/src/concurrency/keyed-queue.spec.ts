import fc from 'fast-check';
import { KeyedQueue } from './keyed-queue.js';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedQueue', () => {
  it('runs one at a time per key, in arrival order, and other keys meanwhile', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let finishA!: () => void;
    const a = queue.run(['k'], () => new Promise<void>((resolve) => ((finishA = resolve), log.push('a'))));
    const b = queue.run(['k'], async () => void log.push('b'));
    const c = queue.run(['other'], async () => void log.push('c'));
    await settle();
    expect(log).toEqual(['a', 'c']);
    finishA();
    await Promise.all([a, b, c]);
    expect(log).toEqual(['a', 'c', 'b']);
    expect(queue.size).toBe(0);
  });

  it('holds every key of a multi-key run, and a repeated key once', async () => {
    const queue = new KeyedQueue();
    let finish!: () => void;
    let running = false;
    const both = queue.run(['ip', 'mail', 'ip'], () => new Promise<void>((resolve) => ((finish = resolve), (running = true))));
    await settle();
    expect(running).toBe(true);
    let later = false;
    const mailOnly = queue.run(['mail'], async () => void (later = true));
    await settle();
    expect(later).toBe(false);
    finish();
    await Promise.all([both, mailOnly]);
    expect(later).toBe(true);
  });

  it('goes on after a failure', async () => {
    const queue = new KeyedQueue();
    await expect(queue.run(['k'], async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(['k'], async () => 'next')).resolves.toBe('next');
  });

  it('never runs two jobs of one key at once, whatever the keys', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }), { maxLength: 25 }), async (jobs) => {
        const queue = new KeyedQueue();
        const busy = new Set<string>();
        let clash = false;
        await Promise.all(
          jobs.map((keys) =>
            queue.run(keys, async () => {
              if (keys.some((k) => busy.has(k))) clash = true;
              keys.forEach((k) => busy.add(k));
              await settle();
              keys.forEach((k) => busy.delete(k));
            }),
          ),
        );
        expect(clash).toBe(false);
        expect(queue.size).toBe(0);
      }),
    );
  });
});
