import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where the reference storefront (apps/storefront) is served. */
export const STOREFRONT_PREFIX = '/shop/';

/** For @fastify/static's `allowedPath`: source maps are never served, even if a build left some (docs/api.md#limits). */
export const withoutSourceMaps = (pathName: string) => !pathName.endsWith('.map');

/**
 * Serves the built storefront at /shop/: its files (hashed assets cached for a year, index.html
 * always revalidated), and index.html for every other path under /shop/ so that a reload or a
 * shared link of a client-side route (/shop/products/12) opens the app there. A missing asset is
 * the contract's 404, not the page.
 */
export async function serveStorefront(app: NestFastifyApplication, root: string): Promise<void> {
  const index = readFileSync(join(root, 'index.html'));
  await app.register(fastifyStatic, {
    root,
    prefix: STOREFRONT_PREFIX,
    wildcard: false,
    index: ['index.html'],
    decorateReply: false,
    allowedPath: withoutSourceMaps,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('Cache-Control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get(STOREFRONT_PREFIX.slice(0, -1), (_request: FastifyRequest, reply: FastifyReply) => reply.redirect(STOREFRONT_PREFIX, 301));
  fastify.get(`${STOREFRONT_PREFIX}*`, (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (path.startsWith(`${STOREFRONT_PREFIX}assets/`) || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    return reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(index);
  });
}
