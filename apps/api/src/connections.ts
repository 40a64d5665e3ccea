import type { Server } from 'node:http';
import { ConnectionLimiter, type AppConfig } from '@chance/core';

/**
 * Bounds how long and how many sockets the server holds (docs/api.md#limits):
 * - a request's headers must arrive within `headersTimeoutMs` (10 s), the whole request within
 *   `requestTimeoutMs` (30 s); Node checks every second instead of its default 30 s, so a socket
 *   that sends nothing, or headers a byte at a time, is closed within about 11 s. Idle keep-alive
 *   connections close after `keepAliveTimeoutMs` (set by Fastify). Responses are never timed: a
 *   notification stream stays open.
 * - at most `maxConnectionsPerIp` sockets from one client address: a slowloris from one client is
 *   refused at the door (its extra sockets are closed as soon as they are accepted);
 * - at most `maxConnections` in all, below the file-descriptor limit, so a flood never leaves the
 *   process without descriptors for its database connections.
 */
export function limitConnections(server: Server, http: AppConfig['http']): void {
  server.headersTimeout = http.headersTimeoutMs;
  server.requestTimeout = http.requestTimeoutMs;
  // read by Node when the server starts listening
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1000;
  if (http.maxConnections > 0) server.maxConnections = http.maxConnections;
  if (http.maxConnectionsPerIp > 0) {
    const limiter = new ConnectionLimiter(http.maxConnectionsPerIp);
    server.on('connection', (socket) => {
      const address = socket.remoteAddress;
      if (!address) return;
      if (!limiter.admit(address)) {
        socket.destroy();
        return;
      }
      socket.once('close', () => limiter.release(address));
    });
  }
}
