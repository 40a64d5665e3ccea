import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** replaces the data (after a change the server answered with the new record) */
  set: (data: T) => void;
}

/** Loads with `load` whenever `deps` change; the answer of a superseded load is dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [version, setVersion] = useState(0);
  const current = useRef(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    const id = ++current.current;
    setState((s) => ({ ...s, loading: true }));
    run().then(
      (data) => id === current.current && setState({ data, loading: false }),
      (error: unknown) => id === current.current && setState({ error, loading: false }),
    );
  }, [run, version]);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    reload: () => setVersion((v) => v + 1),
    set: (data) => setState({ data, loading: false }),
  };
}
