import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { withDeadline } from '@chance/core';
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
 * a 2xx within `timeoutMs` (the answer's body included: `withDeadline` aborts the request then);
 * a redirect is an answer like any other (not followed: it is a failure); unless private addresses
 * are allowed, the address connected to must be public (checked when connecting, so DNS rebinding
 * does not get through). Never throws.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<SendResult> {
  const started = performance.now();
  const timed = (outcome: Omit<SendResult, 'durationMs'>): SendResult => ({ ...outcome, durationMs: Math.round(performance.now() - started) });
  try {
    const target = deliverableTarget(url, options.allowPrivate);
    return timed(await withDeadline((signal) => post(target, body, headers, options.allowPrivate, signal), options.timeoutMs));
  } catch (error) {
    return timed({ status: null, body: null, error: describe(error as Error, options.timeoutMs) });
  }
}

/** The URL to send to: http(s), and not a literal private address unless those are allowed. */
function deliverableTarget(url: string, allowPrivate: boolean): URL {
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`${target.protocol} URLs are not delivered to`);
  const host = hostOf(target);
  if (!allowPrivate && isIP(host) && !isPublicAddress(host)) throw new PrivateAddressError(`${host} is not a public address`);
  return target;
}

/** The POST itself, until the answer has been read (its start kept); rejects when there is no answer. */
function post(target: URL, body: string, headers: Record<string, string>, allowPrivate: boolean, signal: AbortSignal): Promise<Omit<SendResult, 'durationMs'>> {
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'POST',
      agent: agents[target.protocol as 'http:' | 'https:'],
      lookup: allowPrivate ? undefined : guardedLookup,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'ChanceStore-Webhooks/1', ...headers },
      signal,
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const kept: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < RESPONSE_KEPT) kept.push(chunk.subarray(0, RESPONSE_KEPT - size));
        size += chunk.length;
      });
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        resolve({
          status,
          body: Buffer.concat(kept).toString('utf8'),
          error: ok ? null : `answered ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`,
        });
      });
    });
    request.end(body);
  });
}

function describe(error: Error, timeoutMs: number): string {
  // withDeadline's: "no answer within <timeoutMs> ms"
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (error instanceof PrivateAddressError) return `refused: ${error.message} (WEBHOOK_ALLOW_PRIVATE_URLS=true allows it)`;
  const code = (error as NodeJS.ErrnoException).code;
  return (code ? `${code}: ` : '') + error.message;
}
