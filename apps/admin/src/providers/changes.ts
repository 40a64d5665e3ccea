/**
 * What an edit form changed: the API takes partial bodies on update (docs/api.md#requests-and-bodies), and the
 * audit log records exactly the fields sent, so only the changed ones go over the wire.
 */

/** The fields of `data` whose values differ (deeply) from `previous`. */
export function changedFields<T extends object>(data: Partial<T>, previous: Partial<T> | undefined | null): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(data) as (keyof T)[]) {
    if (!sameValue(data[key], previous?.[key])) changes[key] = data[key];
  }
  return changes;
}

/** Structural equality of JSON-like values; `undefined` and `null` count as the same "empty". */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a == null || b == null) return a == null && b == null;
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    }
    return true;
  }
  return false;
}
