import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, hostOf, isPublicAddress, PrivateAddressError } from './address-guard.js';

export interface SendResult {
  /** the HTTP status, null when there was no answer (refused, timed out, reset) */
  status: number | null;
  /** the start of the answer's body (at most RESPONSE_KEPT bytes), for the delivery log */
  body: string | null;
  durationMs: number;
  /** why it failed, null on a 2xx */
  error: string | null;
}

/** How much of an endpoint's answer the delivery log keeps. */
export const RESPONSE_KEPT = 2048;

/** Connections are kept open between deliveries to the same endpoint (a burst of events is one handshake, not thousands). */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 }),
};

/**
 * One delivery attempt: `POST url` with the body and headers, outside any transaction. Success is
 * a 2xx within `timeoutMs`; a redirect is an answer like any other (not followed: it is a failure);
 * unless private addresses are allowed, the address connected to must be public (checked when
 * connecting, so DNS rebinding does not get through). Never throws.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const deadline: { timer?: NodeJS.Timeout } = {};
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const fail = (error: Error) => finish({ status: null, body: null, error: describe(error, options.timeoutMs) });
    let target: URL;
    try {
      target = new URL(url);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`${target.protocol} URLs are not delivered to`);
      const host = hostOf(target);
      if (!options.allowPrivate && isIP(host) && !isPublicAddress(host)) throw new PrivateAddressError(`${host} is not a public address`);
    } catch (error) {
      fail(error as Error);
      return;
    }
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'POST',
      agent: agents[target.protocol as 'http:' | 'https:'],
      lookup: options.allowPrivate ? undefined : guardedLookup,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'ChanceStore-Webhooks/1', ...headers },
    });
    deadline.timer = setTimeout(() => request.destroy(new TimeoutError()), options.timeoutMs);
    request.on('error', fail);
    request.on('response', (response) => {
      const kept: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < RESPONSE_KEPT) kept.push(chunk.subarray(0, RESPONSE_KEPT - size));
        size += chunk.length;
      });
      response.on('error', fail);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        finish({
          status,
          body: Buffer.concat(kept).toString('utf8'),
          error: ok ? null : `answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`,
        });
      });
    });
    request.end(body);
  });
}

class TimeoutError extends Error {}

function describe(error: Error, timeoutMs: number): string {
  if (error instanceof TimeoutError) return `no answer within ${timeoutMs} ms`;
  if (error instanceof PrivateAddressError) return `refused: ${error.message} (WEBHOOK_ALLOW_PRIVATE_URLS=true allows it)`;
  const code = (error as NodeJS.ErrnoException).code;
  return (code ? `${code}: ` : '') + error.message;
}
