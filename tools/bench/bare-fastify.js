// The HTTP reference: a bare Fastify server (same version as the API's) answering every request
// with the given bytes, as the API answers the store product list. Run as its own process:
//   node tools/bench/bare-fastify.js <port> <body-file> [content-range]
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [port, bodyFile, contentRange] = process.argv.slice(2);
const body = readFileSync(bodyFile);
const app = Fastify({ logger: false });
app.get('/*', async (_request, reply) => {
  reply.header('content-type', 'application/json; charset=utf-8');
  if (contentRange) reply.header('content-range', contentRange);
  return reply.send(body);
});
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.stdout.write('listening\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
