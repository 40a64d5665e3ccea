/**
 * fetch for the admin API: JSON in and out, `Authorization: Bearer <accessToken>`, one refresh and
 * one retry on a 401, and API errors turned into react-admin HttpErrors.
 *
 * API errors are `{statusCode, error, code, message, errors?}`. react-admin shows
 * `HttpError.body.errors` under the form inputs (server-side validation) and the form-level
 * `root.serverError` in the notification, so `message` goes there.
 */
import { HttpError, fetchUtils } from 'react-admin';
import type { ApiErrorBody } from '../types';
import { SessionExpiredError, readSession, refreshSession } from './session';

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: string;
  json: T;
}

export type HttpClient = <T = unknown>(url: string, options?: fetchUtils.Options) => Promise<HttpResponse<T>>;

export const httpClient: HttpClient = async (url, options = {}) => {
  const usedToken = readSession()?.accessToken;
  let response = await send(url, options, usedToken);

  if (response.status === 401 && usedToken) {
    const current = readSession()?.accessToken;
    let retryToken: string;
    if (current && current !== usedToken) {
      // Someone refreshed while this request was in flight: just use the new token.
      retryToken = current;
    } else {
      try {
        retryToken = (await refreshSession()).accessToken;
      } catch (error) {
        throw toHttpError(error);
      }
    }
    response = await send(url, options, retryToken);
  }

  return readResponse(response);
};

async function send(url: string, options: fetchUtils.Options, token: string | undefined): Promise<Response> {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const hasBody = options.body != null && !(options.body instanceof FormData);
  if (hasBody && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  // `user` is react-admin's fetchJson option for the Authorization header: not a fetch option.
  const init: RequestInit & { user?: unknown } = { ...options, headers };
  delete init.user;
  return fetch(url, init);
}

async function readResponse<T>(response: Response): Promise<HttpResponse<T>> {
  const body = await response.text();
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  if (response.status < 200 || response.status >= 300) {
    throw apiError(response.status, response.statusText, json);
  }
  return { status: response.status, headers: response.headers, body, json: json as T };
}

/** Builds the HttpError react-admin expects from an API error answer. */
export function apiError(status: number, statusText: string, json: unknown): HttpError {
  const body = (json && typeof json === 'object' ? json : {}) as Partial<ApiErrorBody>;
  const message = typeof body.message === 'string' && body.message ? body.message : statusText || `HTTP ${status}`;
  const fieldErrors = fieldErrorsOf(body.errors);
  return new HttpError(message, status, {
    ...body,
    message,
    errors: fieldErrors ? { ...fieldErrors, root: { serverError: message } } : undefined,
  });
}

/**
 * Normalises `errors` to `{field: "message"}`; arrays of messages are joined. Nested objects are
 * kept (react-admin maps them to dotted input names). Returns undefined when there is nothing.
 */
export function fieldErrorsOf(errors: unknown): Record<string, unknown> | undefined {
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return undefined;
  const result: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(errors as Record<string, unknown>)) {
    if (Array.isArray(value)) result[field] = value.map(String).join(' ');
    else if (value && typeof value === 'object') {
      const nested = fieldErrorsOf(value);
      if (nested) result[field] = nested;
    } else if (value != null && value !== '') result[field] = String(value);
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof SessionExpiredError) {
    return new HttpError(error.message, 401, { statusCode: 401, code: 'UNAUTHENTICATED', message: error.message });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HttpError(message, 0, { message });
}
