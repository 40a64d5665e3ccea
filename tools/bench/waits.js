// What the API's database connections are doing during a load, sampled from pg_stat_activity every
// 50 ms: running, waiting for a lock (and on which statement), for the WAL flush of a commit, or idle
// in a transaction while the API works between two statements; and how many of the pool's are in use.

const SAMPLE_MS = 50;

export function sampleWaits(db, { application = 'chance-store-api' } = {}) {
  const states = new Map();
  const lockedOn = new Map();
  let samples = 0;
  let connections = 0;
  let busy = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const rows = (
        await db.query(
          `SELECT state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
             FROM pg_stat_activity WHERE application_name = $1 AND backend_type = 'client backend'`,
          [application],
        )
      ).rows;
      samples++;
      connections += rows.length;
      for (const row of rows) {
        if (row.state === 'idle') continue;
        busy++;
        const label =
          row.state === 'idle in transaction'
            ? 'idle in transaction (the API between two statements)'
            : row.wait_event_type
              ? `${row.wait_event_type}: ${row.wait_event}`
              : 'running on CPU';
        states.set(label, (states.get(label) ?? 0) + 1);
        if (row.wait_event_type === 'Lock') lockedOn.set(row.query, (lockedOn.get(row.query) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    const per = (n) => n / Math.max(1, samples);
    return {
      samples,
      connections: per(connections),
      inTransactionOrActive: per(busy),
      states: [...states.entries()].sort((a, b) => b[1] - a[1]).map(([state, n]) => ({ state, average: per(n) })),
      lockedOn: [...lockedOn.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([query, n]) => ({ query, average: per(n) })),
    };
  };
}
