import { MicroCache } from './micro-cache.js';

describe('MicroCache', () => {
  it('serves a value for its TTL, then loads again', async () => {
    let clock = 1_000;
    const cache = new MicroCache<number>(50, 500, () => clock);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    clock += 49;
    expect(await cache.get('k', load)).toBe(1);
    clock += 1;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('shares one load among concurrent misses and forgets failures', async () => {
    const cache = new MicroCache<number>(1000);
    let loads = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++loads), 10));
    expect(await Promise.all([cache.get('k', slow), cache.get('k', slow), cache.get('k', slow)])).toEqual([1, 1, 1]);
    await expect(cache.get('bad', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('bad', async () => 7)).toBe(7);
  });

  it('is off with a TTL of 0 and stays within its size', async () => {
    let loads = 0;
    const off = new MicroCache<number>(0);
    await off.get('k', async () => ++loads);
    await off.get('k', async () => ++loads);
    expect(loads).toBe(2);
    const small = new MicroCache<number>(1000, 2);
    for (const key of ['a', 'b', 'c']) await small.get(key, async () => 1);
    let reloaded = false;
    await small.get('a', async () => ((reloaded = true), 1));
    expect(reloaded).toBe(true);
  });
});
