import pg from 'pg';

/**
 * A `pg` client or pool emits `error` when the server ends its connection while it is idle (a
 * restart, `pg_terminate_backend`, `DROP DATABASE … WITH (FORCE)` racing a client that is
 * closing). An EventEmitter without an `error` listener throws that as an uncaught exception and
 * takes the whole process down, so every client and pool made here gets one: the broken
 * connection is dropped (a pool replaces it on the next query) and the reason is reported.
 */
export function newClient(config: pg.ClientConfig, onError: (error: Error) => void = ignore): pg.Client {
  const client = new pg.Client(config);
  client.on('error', onError);
  return client;
}

export function newPool(config: pg.PoolConfig, onError: (error: Error) => void = ignore): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('error', onError);
  return pool;
}

/** Opens a client, runs `work` with it and closes it, whatever happens. */
export async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = newClient({ connectionString });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(ignore);
  }
}

// the connection is gone and a pool has already discarded it: the next query opens another
function ignore(): void {
  return undefined;
}
