/**
 * The admin API's actions beside the list protocol (docs/api.md#orders-payments-and-invoices, #suppliers-and-purchases, #in-store-sales): POSTs such as
 * `orders/:id/mark-paid` or `purchases/:id/receive` that answer with the changed record, and the
 * PDFs (invoices, purchase invoices, receipts), which need the bearer token and so are fetched as
 * blobs rather than opened as links.
 */
import { HttpError, type RaRecord } from 'react-admin';
import { adminApiUrl } from '../providers/dataProvider';
import { apiError, httpClient } from '../providers/httpClient';
import { readSession, refreshSession } from '../providers/session';

/**
 * POST /api/admin/<resource>/<id>/<action> with a JSON body; resolves to the record it returns.
 * `idempotencyKey` (one per dialog, reused when it is submitted again) makes a retried refund give
 * money back once.
 */
export async function postAction<T extends RaRecord = RaRecord>(
  resource: string,
  id: RaRecord['id'],
  action: string,
  body: object = {},
  { idempotencyKey }: { idempotencyKey?: string } = {},
): Promise<T> {
  const { json } = await httpClient<T>(`${adminApiUrl}/${resource}/${encodeURIComponent(String(id))}/${action}`, {
    method: 'POST',
    body: JSON.stringify(body),
    ...(idempotencyKey ? { headers: new Headers({ Accept: 'application/json', 'Idempotency-Key': idempotencyKey }) } : {}),
  });
  return json;
}

async function fetchWithToken(url: string, token: string | undefined, accept: string): Promise<Response> {
  return fetch(url, { headers: token ? { Authorization: `Bearer ${token}`, Accept: accept } : {} });
}

/** "INV-2026-000017.pdf" from `Content-Disposition: inline; filename="INV-2026-000017.pdf"`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Downloads a PDF of the admin API (path under /api/admin) with the session's token, refreshing it
 * once on a 401, and saves it under the server's file name.
 */
export function downloadPdf(path: string, fallbackName: string): Promise<void> {
  return downloadFile(path, fallbackName, 'application/pdf');
}

/** Downloads a file of the admin API (a PDF, the products CSV) as `downloadPdf` does. */
export async function downloadFile(path: string, fallbackName: string, accept: string): Promise<void> {
  const url = `${adminApiUrl}/${path}`;
  const token = readSession()?.accessToken;
  let response = await fetchWithToken(url, token, accept);
  if (response.status === 401 && token) {
    const renewed = (await refreshSession()).accessToken;
    response = await fetchWithToken(url, renewed, accept);
  }
  if (!response.ok) {
    const json = await response.json().catch(() => undefined);
    throw apiError(response.status, response.statusText, json);
  }
  const blob = await response.blob();
  if (blob.size === 0) throw new HttpError('The file is empty.', response.status, {});
  const objectUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/** A field error of an API answer (`errors.amount`), if any. */
export function fieldError(error: unknown, field: string): string | undefined {
  const errors = error instanceof HttpError ? (error.body?.errors as Record<string, unknown> | undefined) : undefined;
  const value = errors?.[field];
  return typeof value === 'string' ? value : undefined;
}

/** The API's stable error code (`OVERPAYMENT`, `INVALID_TRANSITION`, ...), if any. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof HttpError && typeof error.body?.code === 'string' ? error.body.code : undefined;
}

export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

/** 128 random bits as 32 hex digits (crypto.getRandomValues works outside secure contexts too, unlike randomUUID). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One `Idempotency-Key` per attempt of a money-moving action (a refund): the same key while the same
 * request is sent again after no final answer (a lost connection, a 5xx, 409 IDEMPOTENCY_IN_PROGRESS),
 * so the money goes back once; a new key once an answer is final (success or a refusal) or when the
 * request changes.
 */
export class AttemptKeys {
  private open: { key: string; body: string } | null = null;

  keyFor(body: object): string {
    const text = JSON.stringify(body);
    if (this.open?.body !== text) this.open = { key: newIdempotencyKey(), body: text };
    return this.open.key;
  }

  /** After an answer: keep the key only when the attempt may not have been settled. */
  settle(error?: unknown): void {
    const status = error instanceof HttpError ? error.status : undefined;
    const unsettled = error !== undefined && (status === undefined || status >= 500 || errorCode(error) === 'IDEMPOTENCY_IN_PROGRESS');
    if (!unsettled) this.open = null;
  }
}
