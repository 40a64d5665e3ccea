import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `delayMs`: what was typed once typing pauses, so a
 * search input asks the API once per pause, not once per key.
 */
export function useDebounced<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
