import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionLimiter, clientKey, defaultMaxConnections, openFilesLimit } from './connection-limits.js';

describe('ConnectionLimiter', () => {
  it('admits up to the limit per address, and again once one closes', () => {
    const limiter = new ConnectionLimiter(2);
    expect([limiter.admit('10.0.0.1'), limiter.admit('10.0.0.1'), limiter.admit('10.0.0.1')]).toEqual([true, true, false]);
    expect(limiter.admit('10.0.0.2')).toBe(true);
    limiter.release('10.0.0.1');
    expect(limiter.admit('10.0.0.1')).toBe(true);
    expect(limiter.count('10.0.0.1')).toBe(2);
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', () => {
    const limiter = new ConnectionLimiter(1);
    expect(limiter.admit('::ffff:127.0.0.2')).toBe(true);
    expect(limiter.admit('127.0.0.2')).toBe(false);
    expect(clientKey('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(clientKey('::1')).toBe('::1');
  });

  it('has no limit at 0', () => {
    const limiter = new ConnectionLimiter(0);
    for (let i = 0; i < 1000; i++) expect(limiter.admit('10.0.0.1')).toBe(true);
  });

  it('never holds more than the limit, and forgets every address whose connections all closed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.boolean()), { maxLength: 200 }), (max, steps) => {
        const limiter = new ConnectionLimiter(max);
        const open: Record<string, number> = { a: 0, b: 0, c: 0 };
        for (const [address, connect] of steps) {
          if (connect) {
            const admitted = limiter.admit(address);
            expect(admitted).toBe(open[address] < max);
            if (admitted) open[address]++;
          } else if (open[address] > 0) {
            limiter.release(address);
            open[address]--;
          }
          expect(limiter.count(address)).toBe(open[address]);
        }
        expect(limiter.addresses).toBe(Object.values(open).filter((n) => n > 0).length);
      }),
    );
  });
});

describe('the file-descriptor limit', () => {
  it('reads the soft limit from /proc, and keeps a reserve below it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'limits-'));
    const file = join(dir, 'limits');
    writeFileSync(
      file,
      'Limit                     Soft Limit           Hard Limit           Units\nMax open files            20000                20000                files\n',
    );
    expect(openFilesLimit(file)).toBe(20000);
    expect(openFilesLimit(join(dir, 'missing'))).toBeUndefined();
    expect(defaultMaxConnections(20000)).toBe(18000);
    expect(defaultMaxConnections(1024)).toBe(768);
    expect(defaultMaxConnections(100)).toBe(64);
    expect(defaultMaxConnections(undefined)).toBe(0);
  });
});
