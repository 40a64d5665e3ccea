/**
 * Where the client keeps what must survive a reload: the session's tokens, the guest cart's
 * token, guest orders' tokens and idempotency keys of unfinished attempts. `localStorage` in a
 * browser; anything with the same three methods elsewhere (React Native's AsyncStorage wrapped,
 * a test's memory).
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/** `localStorage` when there is one that works (not in private modes that throw), else memory. */
export function browserStorage(): KeyValueStorage {
  const candidate = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
  try {
    if (candidate) {
      candidate.setItem('chance.probe', '1');
      candidate.removeItem('chance.probe');
      return candidate;
    }
  } catch {
    /* storage disabled */
  }
  return memoryStorage();
}

/** A JSON value under one key; unreadable or missing → undefined. */
export function jsonEntry<T>(storage: KeyValueStorage, key: string) {
  return {
    read(): T | undefined {
      try {
        const raw = storage.getItem(key);
        return raw ? (JSON.parse(raw) as T) : undefined;
      } catch {
        return undefined;
      }
    },
    write(value: T): void {
      storage.setItem(key, JSON.stringify(value));
    },
    clear(): void {
      storage.removeItem(key);
    },
  };
}
