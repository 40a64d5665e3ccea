/**
 * A bounded map whose entries expire `ttlMs` after they were set: the store of both caches below.
 * Full, it first drops what has expired, then the oldest entry.
 */
export class ExpiringMap<T> {
  private readonly entries = new Map<string, { expires: number; value: T }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  /** The value set for `key` less than `ttlMs` ago, if any. */
  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    if (hit.expires > this.now()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T): void {
    const now = this.now();
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      for (const [k, entry] of this.entries) if (entry.expires <= now) this.entries.delete(k);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, { expires: now + this.ttlMs, value });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * A tiny per-process cache of recent answers for public, read-mostly data (store product
 * lists): under load the same page is asked for many times a second, and a second of staleness
 * costs nothing there (adding to a cart always checks live stock). Bounded in size; TTL 0 = off.
 */
export class MicroCache<T> {
  private readonly entries: ExpiringMap<Promise<T>>;

  constructor(
    private readonly ttlMs: number,
    maxEntries = 500,
    now: () => number = Date.now,
  ) {
    this.entries = new ExpiringMap(ttlMs, maxEntries, now);
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit) return hit;
    // concurrent misses share one load; a failed load is not kept
    const value = load().catch((error) => {
      this.entries.delete(key);
      throw error;
    });
    this.entries.set(key, value);
    return value;
  }
}
