/**
 * Runs work one at a time per key, in arrival order, in this process: requests that would only
 * queue on the same database lock (one rate-limit key under a flood) wait here instead, without
 * holding a pooled connection each, so a flood on one key cannot take the pool from everyone else.
 * Several keys are taken each once, in sorted order, so two runs never wait on each other.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)].sort();
    const step = (i: number): Promise<T> => (i === unique.length ? work() : this.one(unique[i], () => step(i + 1)));
    return step(0);
  }

  /** keys with work running or waiting */
  get size(): number {
    return this.tails.size;
  }

  private async one<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const tail = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
