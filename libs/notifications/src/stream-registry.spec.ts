import fc from 'fast-check';
import { MAX_STREAMS_PER_USER, StreamRegistry } from './stream-registry.js';

describe('StreamRegistry', () => {
  it('closes the oldest when a sixth opens, per user', () => {
    const registry = new StreamRegistry();
    for (let i = 1; i <= 5; i++) expect(registry.opened(1, `a${i}`)).toEqual([]);
    expect(registry.opened(2, 'b1')).toEqual([]);
    expect(registry.opened(1, 'a6')).toEqual(['a1']);
    expect(registry.opened(1, 'a7')).toEqual(['a2']);
    registry.closed(1, 'a5');
    expect(registry.opened(1, 'a8')).toEqual([]);
    expect([registry.count(1), registry.count(2)]).toEqual([5, 1]);
  });

  it('ignores a repeated announcement and an unknown close', () => {
    const registry = new StreamRegistry(2);
    registry.opened(1, 'x');
    expect(registry.opened(1, 'x')).toEqual([]);
    registry.closed(1, 'nope');
    registry.closed(9, 'nope');
    expect(registry.count(1)).toBe(1);
  });

  it('never keeps more than the cap, whatever the sequence of opens and closes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 12 }))), (steps) => {
        const registry = new StreamRegistry();
        const open = new Map<number, Set<string>>();
        for (const [opening, user, n] of steps) {
          const id = `${user}:${n}`;
          const set = open.get(user) ?? new Set<string>();
          open.set(user, set);
          if (opening) {
            set.add(id);
            for (const evicted of registry.opened(user, id)) set.delete(evicted);
          } else {
            registry.closed(user, id);
            set.delete(id);
          }
          expect(set.size).toBeLessThanOrEqual(MAX_STREAMS_PER_USER);
          expect(registry.count(user)).toBe(set.size);
        }
      }),
    );
  });
});
