// Load generators: autocannon for throughput runs (many connections, keep-alive), and a small
// closed-loop client for slow requests whose p95 matters more than their rate.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs autocannon; resolves with its result. `requests` may carry setupRequest/onResponse hooks. */
export function cannon(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 30, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
    // autocannon prints nothing itself when used as a library; keep it that way
    instance.on('error', () => undefined);
  });
}

/** Status code counts of an autocannon result, e.g. { '200': 1234, '409': 3 }. */
export function statusCounts(result) {
  return Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count]));
}

/**
 * A closed loop of `clients` concurrent users, each sending the next request as soon as the
 * previous one answered, for `durationMs` (and at least `minRequests`).
 * @param {{ url: string, paths: string[], headers?: Record<string,string>, clients?: number, durationMs?: number, minRequests?: number }} options
 */
export async function closedLoop({ url, paths, headers = {}, clients = 1, durationMs = 10_000, minRequests = 20 }) {
  const latencies = [];
  const statuses = {};
  const until = performance.now() + durationMs;
  let sent = 0;
  let bytes = 0;
  const worker = async () => {
    while (performance.now() < until || sent < minRequests) {
      const path = paths[sent++ % paths.length];
      const t0 = performance.now();
      const response = await fetch(url + path, { headers });
      const body = await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      bytes += body.byteLength;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    statuses,
    bytesPerResponse: bytes / Math.max(1, latencies.length),
  };
}
