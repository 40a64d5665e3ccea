import Fastify, { type FastifyInstance } from 'fastify';
import { registerAnswerCache } from './answer-cache.js';

// A real Fastify server: the route counts how often it runs, an onRequest hook stands for the
// security headers and CORS, an onSend hook for the request id.
async function server(
  ttlMs: number,
): Promise<{ app: FastifyInstance; runs: () => number; get: (path: string, headers?: Record<string, string>) => Promise<Answer> }> {
  const app = Fastify();
  let runs = 0;
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('X-Frame-Options', 'DENY');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('X-Request-Id', request.id);
    return payload;
  });
  registerAnswerCache(app, { ttlMs, paths: ['/api/store/products'] });
  app.get('/api/store/products', async (request, reply) => {
    runs += 1;
    const { fail } = request.query as { fail?: string };
    if (fail) return reply.status(400).send({ code: 'VALIDATION_FAILED' });
    void reply.header('Content-Range', `products 0-0/${runs}`);
    return [{ run: runs }];
  });
  app.get('/api/store/categories', async () => [{ run: ++runs }]);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const get = async (path: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const reply = await fetch(base + path, { headers });
    return { status: reply.status, body: await reply.text(), headers: reply.headers };
  };
  return { app, runs: () => runs, get };
}

interface Answer {
  status: number;
  body: string;
  headers: Headers;
}

describe('registerAnswerCache', () => {
  it('answers a repeat with the same bytes and list range without running the route; the hooks before and after still run', async () => {
    const { app, runs, get } = await server(60_000);
    const first = await get('/api/store/products?range=[0,9]');
    const again = await get('/api/store/products?range=[0,9]');
    expect(runs()).toBe(1);
    expect(again.body).toBe(first.body);
    expect(again.headers.get('content-range')).toBe('products 0-0/1');
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('x-frame-options')).toBe('DENY');
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    await app.close();
  });

  it('runs the route for another query, another route, a request with credentials, a refusal, and with a TTL of 0', async () => {
    const { app, runs, get } = await server(60_000);
    await get('/api/store/products?range=[0,9]');
    await get('/api/store/products?range=[10,19]');
    expect(runs()).toBe(2);
    const withToken = await get('/api/store/products?range=[0,9]', { authorization: 'Bearer x' });
    expect([runs(), JSON.parse(withToken.body)]).toEqual([3, [{ run: 3 }]]);
    await get('/api/store/categories');
    await get('/api/store/categories');
    expect(runs()).toBe(5);
    for (let i = 0; i < 2; i++) expect((await get('/api/store/products?fail=1')).status).toBe(400);
    expect(runs()).toBe(7);
    await app.close();

    const off = await server(0);
    await off.get('/api/store/products');
    await off.get('/api/store/products');
    expect(off.runs()).toBe(2);
    await off.app.close();
  });
});
