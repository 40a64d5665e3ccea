import fc from 'fast-check';
import { Admission, AdmissionRefused } from './admission.js';

/** A job the test finishes by hand. */
function job() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, work: () => done };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Admission', () => {
  it('runs `concurrency` at once, queues `queue` more, refuses the rest at once', async () => {
    const gate = new Admission(2, 1);
    const jobs = [job(), job(), job()];
    const started: number[] = [];
    const runs = jobs.map((j, i) => gate.run(async () => (started.push(i), j.work())));
    await settle();
    expect(started).toEqual([0, 1]);
    expect([gate.active, gate.queued]).toEqual([2, 1]);
    await expect(gate.run(async () => 'late')).rejects.toBeInstanceOf(AdmissionRefused);
    jobs[1].finish();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    expect([gate.active, gate.queued]).toEqual([2, 0]);
    jobs[0].finish();
    jobs[2].finish();
    await Promise.all(runs);
    expect([gate.active, gate.queued]).toEqual([0, 0]);
  });

  it('frees the slot when the work fails', async () => {
    const gate = new Admission(1, 0);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.run(async () => 'ok')).resolves.toBe('ok');
  });

  it('never runs more than `concurrency` at once and admits exactly concurrency + queue of a burst', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 20 }), async (concurrency, queue, burst) => {
        const gate = new Admission(concurrency, queue);
        let running = 0;
        let peak = 0;
        const jobs = Array.from({ length: burst }, job);
        const outcomes = jobs.map((j) =>
          gate
            .run(async () => {
              peak = Math.max(peak, ++running);
              await j.work();
              running--;
            })
            .then(
              () => 'ran',
              (e) => (e instanceof AdmissionRefused ? 'refused' : 'error'),
            ),
        );
        await settle();
        for (const j of jobs) j.finish();
        const results = await Promise.all(outcomes);
        expect(peak).toBeLessThanOrEqual(concurrency);
        expect(results.filter((r) => r === 'ran')).toHaveLength(Math.min(burst, concurrency + queue));
        expect(results.filter((r) => r === 'refused')).toHaveLength(Math.max(0, burst - concurrency - queue));
      }),
    );
  });
});
