// Evidence for the report: the built app in this process with a query logger, asked each measured
// request once (Fastify inject, no network); every SELECT it ran is then EXPLAIN (ANALYZE, BUFFERS)-ed
// with its own parameters, so the slow spots come with the plans that show why.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { importBuilt } from '../seed/database.js';

class CapturingLogger {
  queries = [];
  logQuery(query, parameters) {
    this.queries.push({ sql: query, params: parameters ?? [], at: performance.now() });
  }
  /** (a TypeORM subscriber's hook) when the database's answer is back: the statement's own round trip ends */
  afterQuery(event) {
    const query = this.queries.findLast((q) => q.endAt === undefined && q.sql === event.query);
    if (query) query.endAt = performance.now();
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

const silent = { log() {}, error() {}, warn() {}, debug() {}, verbose() {}, fatal() {} };

/** Boots the app in-process against `url`; returns a function that runs one request and reports its queries. */
export async function startProbe({ url, dataDir, jwtSecret }) {
  const { createApp } = await importBuilt('apps/api/src/app.js');
  const { loadConfig } = await importBuilt('apps/api/src/config.js');
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: jwtSecret, OUTBOX_RELAY: 'off', LOG_LEVEL: 'error', DATA_DIR: dataDir });
  const logger = new CapturingLogger();
  const app = await createApp(config, url, { logger: silent, queryLogger: logger });
  await app.init();
  // the logger hears when each statement's answer is back too (subscribers without listenTo() hear every query)
  app.get(DataSource).subscribers.push(logger);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  return {
    async request({ method = 'GET', path, headers = {}, body = undefined }) {
      logger.queries = [];
      const t0 = performance.now();
      const response = await fastify.inject({
        method,
        url: path,
        headers: body ? { 'content-type': 'application/json', ...headers } : headers,
        payload: body ? JSON.stringify(body) : undefined,
      });
      const ms = performance.now() - t0;
      // each statement's time ≈ until the next one starts (one connection, one statement at a time);
      // dbMs: from sending it to its answer (the round trip to PostgreSQL and the driver's parsing)
      const queries = logger.queries.map((q, i, all) => ({
        ...q,
        ms: (all[i + 1]?.at ?? t0 + ms) - q.at,
        dbMs: q.endAt === undefined ? null : q.endAt - q.at,
      }));
      return { status: response.statusCode, body: response.body, ms, startMs: (logger.queries[0]?.at ?? t0 + ms) - t0, queries };
    },
    close: () => app.close(),
  };
}

const explainable = (sql) =>
  /^\s*(SELECT|WITH)\b/i.test(sql) && !/\bFOR\s+(UPDATE|SHARE|NO KEY UPDATE)\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE)\b/i.test(sql);

/** EXPLAIN (ANALYZE, BUFFERS) of every read query of a request, slowest first. */
export async function explainQueries(db, queries) {
  const plans = [];
  for (const query of queries) {
    if (!explainable(query.sql)) continue;
    const result = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params);
    const text = result.rows.map((r) => r['QUERY PLAN']).join('\n');
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? 0);
    const planningMs = Number(/Planning Time: ([\d.]+) ms/.exec(text)?.[1] ?? 0);
    plans.push({ sql: query.sql, params: query.params, executionMs, planningMs, plan: text });
  }
  return plans.sort((a, b) => b.executionMs - a.executionMs);
}
