/**
 * A tiny per-process cache of recent answers for public, read-mostly data (store product
 * lists): under load the same page is asked for many times a second, and a second of staleness
 * costs nothing there (adding to a cart always checks live stock). Bounded in size; TTL 0 = off.
 */
export class MicroCache<T> {
  private readonly entries = new Map<string, { expires: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.entries.size >= this.maxEntries) {
      for (const [k, entry] of this.entries) if (entry.expires <= now) this.entries.delete(k);
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    // concurrent misses share one load; a failed load is not kept
    const value = load().catch((error) => {
      this.entries.delete(key);
      throw error;
    });
    this.entries.set(key, { expires: now + this.ttlMs, value });
    return value;
  }
}
