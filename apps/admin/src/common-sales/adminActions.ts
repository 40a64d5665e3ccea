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

/** POST /api/admin/<resource>/<id>/<action> with a JSON body; resolves to the record it returns. */
export async function postAction<T extends RaRecord = RaRecord>(
  resource: string,
  id: RaRecord['id'],
  action: string,
  body: object = {},
  headers?: Record<string, string>,
): Promise<T> {
  const { json } = await httpClient<T>(`${adminApiUrl}/${resource}/${encodeURIComponent(String(id))}/${action}`, {
    method: 'POST',
    body: JSON.stringify(body),
    ...(headers ? { headers: new Headers({ Accept: 'application/json', ...headers }) } : {}),
  });
  return json;
}

async function fetchWithToken(url: string, token: string | undefined): Promise<Response> {
  return fetch(url, { headers: token ? { Authorization: `Bearer ${token}`, Accept: 'application/pdf' } : {} });
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
export async function downloadPdf(path: string, fallbackName: string): Promise<void> {
  const url = `${adminApiUrl}/${path}`;
  const token = readSession()?.accessToken;
  let response = await fetchWithToken(url, token);
  if (response.status === 401 && token) {
    const renewed = (await refreshSession()).accessToken;
    response = await fetchWithToken(url, renewed);
  }
  if (!response.ok) {
    const json = await response.json().catch(() => undefined);
    throw apiError(response.status, response.statusText, json);
  }
  const blob = await response.blob();
  if (blob.size === 0) throw new HttpError('The PDF is empty.', response.status, {});
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
