// The attackers of tools/bench/attacks.js, each in a worker thread of its own, so that the
// client measuring /api/health never waits on the attack's event loop, only on the server's.
import http from 'node:http';
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

/** `clients` connections each posting `body` again and again (keep-alive) until stopped; the statuses they got. */
function bodyFlood(url, path, body, clients) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const statuses = {};
  let running = true;
  let largestAnswer = 0;
  const post = () =>
    new Promise((done) => {
      const request = http.request(
        { hostname, port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          let size = 0;
          response.on('data', (chunk) => (size += chunk.length));
          response.on('end', () => {
            statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
            largestAnswer = Math.max(largestAnswer, size);
            done();
          });
        },
      );
      request.on('error', (error) => {
        statuses[error.code ?? 'error'] = (statuses[error.code ?? 'error'] ?? 0) + 1;
        done();
      });
      request.end(body);
    });
  const loops = Array.from({ length: clients }, async () => {
    while (running) await post();
  });
  return async () => {
    running = false;
    await Promise.all(loops);
    agent.destroy();
    return { statuses, largestAnswer };
  };
}

/**
 * Slow sockets: `perAddress` connections from each of `addresses` loopback addresses, each
 * sending the start of a request and one more header line a second, never finishing it.
 */
async function slowSockets(url, { addresses, perAddress }) {
  const port = Number(new URL(url).port);
  const sockets = new Set();
  let closedByServer = 0;
  let failed = 0;
  let stopping = false;
  let peak = 0;
  const connect = (localAddress) =>
    new Promise((done) => {
      const socket = net.connect({ port, host: '127.0.0.1', localAddress });
      socket.resume();
      socket.on('error', () => undefined);
      socket.once('connect', () => {
        sockets.add(socket);
        peak = Math.max(peak, sockets.size);
        socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
        done();
      });
      socket.once('close', () => {
        if (!sockets.delete(socket)) {
          failed++;
          done();
        } else if (!stopping) closedByServer++;
      });
    });
  // loopback addresses of this run's own (all of 127.0.0.0/8 is this machine), so runs side by side
  // never share the ~28,000 ephemeral ports one source address has
  const base = `127.${1 + Math.floor(Math.random() * 254)}.${Math.floor(Math.random() * 256)}`;
  for (let a = 0; a < addresses; a++) {
    const localAddress = `${base}.${a + 2}`;
    for (let started = 0; started < perAddress; started += 250) {
      await Promise.all(Array.from({ length: Math.min(250, perAddress - started) }, () => connect(localAddress)));
    }
  }
  const opened = addresses * perAddress - failed;
  const heldAfterConnecting = sockets.size;
  let line = 0;
  const trickle = setInterval(() => {
    line++;
    for (const socket of sockets) if (socket.writable) socket.write(`X-Slow-${line}: ${line}\r\n`);
  }, 1000);
  return async () => {
    stopping = true;
    clearInterval(trickle);
    const heldAtEnd = sockets.size;
    for (const socket of sockets) socket.resetAndDestroy();
    sockets.clear();
    return { opened, failed, heldAfterConnecting, peak, heldAtEnd, closedByServer };
  };
}

const start = {
  bodyFlood: ({ url, path, body, clients }) => bodyFlood(url, path, body, clients),
  slowSockets: ({ url, ...options }) => slowSockets(url, options),
};
const stop = await start[workerData.kind](workerData);
parentPort.postMessage({ started: true });
parentPort.once('message', async () => {
  parentPort.postMessage({ result: await stop() });
});
