import { randomUUID } from 'node:crypto';
import { ConsoleLogger, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { JsonLimitStream, redactUrl, registerAnswerCache, registerMediaFiles, registerUploads, toErrorResponse, type AppConfig } from '@chance/core';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AppModule } from './app.module.js';
import { limitConnections } from './connections.js';
import { openApiDocument } from './openapi.js';
import { serveResetPasswordLink } from './reset-password.js';
import { serveStorefront, withoutSourceMaps } from './storefront.js';

const NEST_LEVELS: Record<string, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The bodies Fastify hands to the application/json parser: that media type, whatever its parameters. */
const isJson = (contentType: string | undefined) => contentType !== undefined && contentType.split(';', 1)[0].trim().toLowerCase() === 'application/json';

/**
 * Builds the HTTP application: Fastify with structured request logs and request ids, the error
 * contract for every failure (also Fastify's own: body limit, media type, malformed JSON or URL),
 * security headers, CORS allowlist, Swagger, the admin SPA at `/` and the storefront at `/shop/`.
 */
export interface AppOptions {
  logger?: LoggerService;
  /** receives every SQL query (tests count them) */
  queryLogger?: TypeOrmLogger;
  /** where Fastify writes its log lines (the request log); default: stdout */
  logStream?: { write(line: string): void };
}

export async function createApp(config: AppConfig, databaseUrl: string, { logger, queryLogger, logStream }: AppOptions = {}): Promise<NestFastifyApplication> {
  const hops = config.trustProxyHops;
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // a hop count, never `true`: with `true` every X-Forwarded-For entry is believed, and a client
    // picks its own address (docs/api.md#limits). The socket's peer is hop 0.
    trustProxy: hops > 0 ? (_address: string, hop: number) => hop < hops : false,
    // slow and idle connections are closed (docs/api.md#limits; headers, see limitConnections)
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logger: {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-cart-token"]', 'req.headers["x-order-token"]'], remove: true },
      // the request line without the secrets a query string may carry (the stream's ?accessToken=)
      serializers: {
        req: (request: Pick<FastifyRequest, 'method' | 'url' | 'host' | 'ip' | 'socket'>) => ({
          method: request.method,
          url: redactUrl(request.url),
          host: request.host,
          remoteAddress: request.ip,
          remotePort: request.socket?.remotePort,
        }),
      },
    },
    routerOptions: { maxParamLength: 300 },
    // errors raised before routing (a malformed URL) get the contract's body too
    frameworkErrors: (error: Error, _request: unknown, reply: FastifyReply) => {
      const { body } = toErrorResponse(error);
      void reply.status(body.statusCode).send(body);
    },
  });
  const fastify = adapter.getInstance();
  limitConnections(fastify.server, config.http);
  fastify.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Request-Id', request.id);
    if (request.url.startsWith('/api/') && !reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl, queryLogger), adapter, {
    logger:
      logger ?? new ConsoleLogger({ json: !process.stdout.isTTY, colors: process.stdout.isTTY, logLevels: NEST_LEVELS[config.logLevel] ?? NEST_LEVELS.info }),
    abortOnError: false,
    bodyParser: false, // Fastify's own JSON parser only: no form bodies
  });
  // only JSON bodies: anything else is 415 (Nest registers text and form parsers we do not want)
  for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
    if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
  }
  // JSON (docs/api.md#limits): the key, depth and array-element limits are checked on the raw bytes as
  // they arrive, before anything is decoded or converted, so a body over a limit is answered with
  // its 400 at the chunk that crosses it (milliseconds, whatever its size); then Fastify's own
  // parser (prototype-poisoning checks included). An empty body is no body at all (docs/api.md#requests-and-bodies,
  // bodiless actions).
  fastify.addHook('preParsing', async (request, _reply, payload) => (isJson(request.headers['content-type']) ? new JsonLimitStream(payload) : payload));
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
    if (body.trim() === '') return done(null, undefined);
    parseJson(request, body, done);
  });
  // any other media type is accepted only without a body (simple-REST clients send a bodiless
  // DELETE as text/plain); with a body it is a 415
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    done(Object.assign(new Error('Send the request body as application/json'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), undefined);
  });

  // security headers, the middleware built once: @fastify/helmet built it again for every request
  // (its CSP directives parsed each time: 16 % of the API's CPU under the store product list)
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'", 'https:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:', 'https:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  const allowed = new Set(config.corsOrigins);
  app.enableCors({
    origin: (origin, callback) => callback(null, !origin || allowed.has(origin)),
    // every response header a browser client reads: list ranges, tracing, back-off, replays, PDF names
    exposedHeaders: ['Content-Range', 'X-Request-Id', 'Retry-After', 'Idempotent-Replayed', 'Content-Disposition'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Cart-Token', 'X-Order-Token', 'X-Request-Id'],
    methods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  });
  app.setGlobalPrefix('api');
  // the store's product list: a repeat within STORE_CACHE_TTL_MS is its answer's bytes again, past Nest
  registerAnswerCache(fastify, { ttlMs: config.storeCacheTtlMs, paths: ['/api/store/products'] });
  app.enableShutdownHooks();

  const document = openApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json', useGlobalPrefix: false });

  // catalog media (docs/api.md#catalog-media): multipart bodies on the upload routes only, image files under /media/
  await registerUploads(app);
  await registerMediaFiles(app, config.mediaDir);

  if (config.adminDistDir) {
    await app.register(fastifyStatic, { root: config.adminDistDir, prefix: '/', wildcard: false, index: ['index.html'], allowedPath: withoutSourceMaps });
  }
  if (config.storefrontDistDir) await serveStorefront(app, config.storefrontDistDir);
  serveResetPasswordLink(app);
  return app;
}
