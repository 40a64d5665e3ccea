import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ExpiringMap } from './micro-cache.js';

/** What is kept of an answer: its bytes and the headers that describe them. */
interface CachedAnswer {
  body: string;
  contentType: string;
  contentRange: string | undefined;
}

export interface AnswerCacheOptions {
  /** how long an answer is served again; 0 turns the cache off */
  ttlMs: number;
  /** the public GET routes (as registered, e.g. `/api/store/products`) whose answers are the same for every caller */
  paths: readonly string[];
  /** distinct URLs kept at once */
  maxEntries?: number;
}

/**
 * Serves a public GET route's recent `200` answer again, as the bytes that were sent, for `ttlMs`,
 * keyed by the whole URL (path and query). A repeat skips Nest's pipeline (guard, interceptors,
 * parameter parsing, the handler) and JSON serialisation, the bulk of what such a request cost
 * (docs/benchmarks.md, the store product list's CPU profile); the store's product list is asked for
 * the same pages many times a second, and a second of staleness costs nothing there.
 *
 * The answer is served from `preHandler`, so everything before it still runs for each request:
 * request id and log, connection limits, security headers, CORS; `onSend` hooks too (X-Request-Id,
 * Cache-Control). Only the body, its Content-Type and the list's Content-Range are kept.
 */
export function registerAnswerCache(fastify: FastifyInstance, { ttlMs, paths, maxEntries = 200 }: AnswerCacheOptions): void {
  if (ttlMs <= 0 || paths.length === 0) return;
  const answers = new ExpiringMap<CachedAnswer>(ttlMs, maxEntries);
  const cached = new Set(paths);
  // a request with credentials goes through Nest (an API key is refused on the store's routes)
  const cacheable = (request: FastifyRequest) =>
    request.method === 'GET' && request.headers.authorization === undefined && cached.has(request.routeOptions.url ?? '');
  const repeats = new WeakSet<FastifyRequest>();

  fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!cacheable(request)) return;
    const hit = answers.get(request.url);
    if (hit === undefined) return;
    repeats.add(request);
    void reply.header('Content-Type', hit.contentType);
    if (hit.contentRange !== undefined) void reply.header('Content-Range', hit.contentRange);
    return reply.send(hit.body);
  });

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    // a fresh answer is kept; a repeat, served from here, passes this hook too and is not kept again
    if (reply.statusCode === 200 && typeof payload === 'string' && cacheable(request) && !repeats.has(request)) {
      const contentRange = reply.getHeader('Content-Range');
      answers.set(request.url, {
        body: payload,
        contentType: String(reply.getHeader('Content-Type') ?? 'application/json; charset=utf-8'),
        contentRange: contentRange === undefined ? undefined : String(contentRange),
      });
    }
    return payload;
  });
}
