import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  /** the raw body, as signed */
  body: string;
  json: any;
}

/** What the receiver answers a call: a status (with an optional body), or `hang` (no answer until it is closed). */
export type Answer = number | { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface WebhookReceiver {
  url: string;
  calls: ReceivedCall[];
  /** the most calls it has held unanswered at one time */
  maxOpen(): number;
  /** how the receiver answers from now on; called with each call and how many came before it */
  answer(respond: (call: ReceivedCall, index: number) => Answer): void;
  /** answers every call left hanging with 200 */
  release(): void;
  close(): Promise<void>;
}

/** A real HTTP endpoint in the test process: records every call (its raw body included) and answers as told (200 by default). */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const calls: ReceivedCall[] = [];
  const hanging: ServerResponse[] = [];
  let open = 0;
  let maxOpen = 0;
  let respond: (call: ReceivedCall, index: number) => Answer = () => 200;
  const server = createServer((request, response) => {
    maxOpen = Math.max(maxOpen, ++open);
    response.on('close', () => open--);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      const call = { path: request.url ?? '/', headers: request.headers, body, json };
      const index = calls.push(call) - 1;
      const answer = respond(call, index);
      if (answer === 'hang') {
        hanging.push(response);
        return;
      }
      const { status, body: text, headers } = typeof answer === 'number' ? { status: answer, body: 'ok', headers: {} } : answer;
      response.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(text ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    maxOpen: () => maxOpen,
    answer(next) {
      respond = next;
    },
    release() {
      for (const response of hanging.splice(0)) if (!response.writableEnded) response.writeHead(200).end('late');
    },
    async close() {
      for (const response of hanging.splice(0)) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
