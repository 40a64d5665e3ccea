import { readFileSync } from 'node:fs';

/**
 * Counts the open connections of each client address, so one client cannot hold more than its
 * share of the server's sockets (and file descriptors): a slowloris from one address is refused
 * at the door instead of starving everyone else. `max` 0 means no limit.
 */
export class ConnectionLimiter {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Records a new connection from `address`; false (and nothing recorded) when that address is at its limit. */
  admit(address: string): boolean {
    if (this.max <= 0) return true;
    const key = clientKey(address);
    const count = this.open.get(key) ?? 0;
    if (count >= this.max) return false;
    this.open.set(key, count + 1);
    return true;
  }

  /** Forgets a connection admitted before. */
  release(address: string): void {
    if (this.max <= 0) return;
    const key = clientKey(address);
    const count = this.open.get(key) ?? 0;
    if (count <= 1) this.open.delete(key);
    else this.open.set(key, count - 1);
  }

  /** Open connections of `address` (for tests and diagnostics). */
  count(address: string): number {
    return this.open.get(clientKey(address)) ?? 0;
  }

  /** Addresses with at least one open connection. */
  get addresses(): number {
    return this.open.size;
  }
}

/** One client, one key: an IPv4 address written as IPv6 (`::ffff:1.2.3.4`) is the IPv4 address. */
export function clientKey(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

/**
 * The soft limit on this process's open files (`ulimit -n`; Node raises it to the hard limit at
 * start), read from /proc on Linux; undefined elsewhere.
 */
export function openFilesLimit(limitsFile = '/proc/self/limits'): number | undefined {
  try {
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(limitsFile, 'utf8'));
    if (!match || match[1] === 'unlimited') return undefined;
    return Number(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * The default cap on open connections: the file-descriptor limit less a reserve for everything
 * else the process opens (database connections, static files, logs), so a flood of connections is
 * dropped at the door before it can exhaust the descriptors the rest of the server needs.
 */
export function defaultMaxConnections(fdLimit: number | undefined): number {
  if (fdLimit === undefined) return 0;
  return Math.max(64, fdLimit - Math.max(256, Math.floor(fdLimit / 10)));
}
