import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { pgCode } from './transaction.js';

/** How long a look at the replica's state is trusted before the next read looks again. */
const REPLICA_CHECK_MS = 1000;

type ReplicaState = 'none' | 'ready' | 'behind' | 'down';

/**
 * Where reads that may be a moment old go (docs/operations.md, "A read replica"): with
 * `DATABASE_REPLICA_URL` set, to the streaming replica, as long as it is reachable, streaming from
 * the primary and at most `DATABASE_REPLICA_MAX_LAG_MS` behind it; otherwise to the primary.
 * Reports and admin lists read through `onReplica`; writes, and reads that must see what the same
 * client just wrote (a record after its creation, a cart, a checkout), use the DataSource as always.
 */
@Injectable()
export class ReadReplica implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReadReplica');
  /** the replica's own connections (same entities, same pool size), opened at the first look that reaches it */
  private replica: DataSource | undefined;
  /** what the last look found (`none`: no replica configured) */
  private current: ReplicaState;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.current = config.databaseReplicaUrl ? 'down' : 'none';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.databaseReplicaUrl) await this.check();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replica?.destroy().catch(() => undefined);
  }

  /**
   * Runs read-only `work` on the replica when it is fit to answer, else on the primary. A read the
   * replica fails to answer for a reason of its own (connection lost, a query cancelled by WAL
   * replay) is answered by the primary instead.
   */
  async onReplica<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.current === 'none') return work(this.dataSource.manager);
    this.lookAgainWhenDue();
    if (this.current !== 'ready' || !this.replica) return work(this.dataSource.manager);
    try {
      return await work(this.replica.manager);
    } catch (error) {
      if (!replicaFault(error)) throw error;
      this.became('down', (error as Error).message);
      return work(this.dataSource.manager);
    }
  }

  /**
   * Where a read that cannot be retried elsewhere half-way goes (a streamed export, one snapshot
   * from its first row to its last): the replica when it is fit to answer now, else the primary.
   */
  source(): DataSource {
    if (this.current === 'none') return this.dataSource;
    this.lookAgainWhenDue();
    return this.current === 'ready' && this.replica ? this.replica : this.dataSource;
  }

  /** Starts a look at the replica when the last one is older than REPLICA_CHECK_MS (one at a time); the read at hand goes by the last. */
  private lookAgainWhenDue(): void {
    if (Date.now() - this.checkedAt > REPLICA_CHECK_MS) this.checking ??= this.check().finally(() => (this.checking = undefined));
  }

  /** Looks at the replica: a standby, streaming, and how far its replay is behind what it received. */
  private async check(): Promise<void> {
    this.checkedAt = Date.now();
    try {
      this.replica ??= await this.open();
      const [row] = await this.replica.query(
        `SELECT pg_is_in_recovery() AS standby,
                EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') AS streaming,
                CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                     ELSE COALESCE(extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000, 0) END::float8 AS lag_ms`,
      );
      if (!row.standby) this.became('down', 'DATABASE_REPLICA_URL is not a standby server');
      else if (!row.streaming) this.became('behind', 'not streaming from the primary');
      else if (row.lag_ms > this.config.replicaMaxLagMs) this.became('behind', `${Math.round(row.lag_ms)} ms behind`);
      else this.became('ready');
    } catch (error) {
      this.became('down', (error as Error).message);
    }
  }

  private async open(): Promise<DataSource> {
    const options = this.dataSource.options as DataSourceOptions & { extra?: Record<string, unknown> };
    const replica = new DataSource({
      ...options,
      url: this.config.databaseReplicaUrl,
      extra: { ...options.extra, application_name: 'chance-store-api-replica' },
    } as DataSourceOptions);
    return replica.initialize();
  }

  private became(state: ReplicaState, why?: string): void {
    if (state === this.current) return;
    if (state === 'ready') this.logger.log('the read replica answers lists and reports again');
    else this.logger.warn(`the primary answers lists and reports: the read replica is ${state} (${why})`);
    this.current = state;
  }
}

/**
 * Errors that are the replica's, not the query's: no SQLSTATE (the connection failed), connection
 * exceptions (08), the server shutting down (57P), and a query cancelled because WAL replay needed
 * what it read (40001 on a standby).
 */
export function replicaFault(error: unknown): boolean {
  const code = pgCode(error);
  // no SQLSTATE: a socket error (ECONNREFUSED, ECONNRESET) or a connection ended under the query
  if (code === undefined || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('08') || code.startsWith('57P') || code === '40001';
}
