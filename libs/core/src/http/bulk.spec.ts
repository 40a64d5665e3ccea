import fc from 'fast-check';
import { DomainError, validationFailed } from '../errors/domain-error.js';
import { applyToEach } from './bulk.js';

describe('applyToEach', () => {
  it('reports each refused record with its contract error and goes on with the next', async () => {
    const done: number[] = [];
    const result = await applyToEach([1, 2, 3, 4], async (id) => {
      if (id === 2) throw new DomainError('INVALID_TRANSITION', 'An order cannot go from cancelled to shipped');
      if (id === 3) throw validationFailed({ categoryId: 'does not exist' });
      done.push(id);
    });
    expect(done).toEqual([1, 4]);
    expect(result).toEqual({
      succeeded: [1, 4],
      failed: [
        { id: 2, code: 'INVALID_TRANSITION', message: 'An order cannot go from cancelled to shipped' },
        { id: 3, code: 'VALIDATION_FAILED', message: 'Validation failed', errors: { categoryId: 'does not exist' } },
      ],
    });
  });

  it('reports an unexpected error for its record only, as the API would answer it (no stack, no detail)', async () => {
    const result = await applyToEach([7, 8], async (id) => {
      if (id === 7) throw new Error('connection reset by a cosmic ray at /srv/secret/path');
    });
    expect(result.succeeded).toEqual([8]);
    expect(result.failed).toEqual([{ id: 7, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' }]);
  });

  it('runs the commands one after another, in the order given', async () => {
    let running = 0;
    const order: number[] = [];
    await applyToEach([3, 1, 2], async (id) => {
      running += 1;
      expect(running).toBe(1);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(id);
      running -= 1;
    });
    expect(order).toEqual([3, 1, 2]);
  });

  it('accounts for every id exactly once, in the order given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 100 }), fc.func(fc.boolean()), async (ids, fails) => {
        const result = await applyToEach(ids, async (id) => {
          if (fails(id)) throw new DomainError('NOT_FOUND', 'Order not found');
        });
        expect(result.succeeded).toEqual(ids.filter((id) => !fails(id)));
        expect(result.failed.map((f) => f.id)).toEqual(ids.filter((id) => fails(id)));
      }),
    );
  });
});
