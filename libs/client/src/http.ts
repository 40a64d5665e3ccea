/**
 * The transport under every call: openapi-fetch over the generated `paths` (so a path, a
 * parameter or a field that the API no longer has fails the frontend's typecheck), the bearer
 * token of the session, one shared refresh and one retry on a 401, and errors as ApiError.
 */
import createClient, { type Client } from 'openapi-fetch';
import { ApiError, apiErrorOf, networkError } from './errors.js';
import { SessionStore } from './session.js';
import type { paths } from './schema.js';
import type { KeyValueStorage } from './storage.js';

export type ApiClient = Client<paths>;

interface Result<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call: its data on 2xx; ApiError otherwise (status 0: not reachable). */
export async function call<D>(request: Promise<Result<D>>): Promise<{ data: D; response: Response }> {
  let result: Result<D>;
  try {
    result = await request;
  } catch (error) {
    throw error instanceof ApiError ? error : networkError(error);
  }
  if (!result.response.ok) throw apiErrorOf(result.response, result.error);
  return { data: result.data as D, response: result.response };
}

/** The data of a call (see `call`). */
export const data = async <D>(request: Promise<Result<D>>): Promise<D> => (await call(request)).data;

/** An access token this close to its expiry is refreshed before a request is sent with it. */
const EXPIRY_MARGIN_MS = 10_000;

export interface Transport {
  /** with the session's bearer token, refresh and retry */
  api: ApiClient;
  /** without any token: auth endpoints */
  anonymous: ApiClient;
  session: SessionStore;
  baseUrl: string;
}

export function createTransport(baseUrl: string, storage: KeyValueStorage, baseFetch: (request: Request) => Promise<Response>): Transport {
  const anonymous = createClient<paths>({ baseUrl, fetch: baseFetch });
  const session = new SessionStore(storage, async (refreshToken) => {
    const result = await anonymous.POST('/api/auth/refresh', { body: { refreshToken } });
    if (result.data) return result.data;
    // a server that could not answer keeps the session; a refusal ends it
    if (result.response.status >= 500) throw apiErrorOf(result.response, result.error);
    return null;
  });

  const withBearer = (request: Request, token: string): Request => {
    const next = new Request(request);
    next.headers.set('Authorization', `Bearer ${token}`);
    return next;
  };

  async function authorizedFetch(request: Request): Promise<Response> {
    if (request.headers.has('Authorization') || !session.get()) return baseFetch(request);
    // Refreshed BEFORE it expires, not only on a 401: public store routes (carts, checkout, a
    // guest's order) treat an expired token as no token at all and answer as to a guest.
    const current = await session.fresh(EXPIRY_MARGIN_MS);
    if (!current) return baseFetch(request);
    const retry = request.clone();
    const first = await baseFetch(withBearer(request, current.accessToken));
    if (first.status !== 401) return first;
    // every request refused with this token shares one refresh; then each retries once
    const next = await session.refresh(current.accessToken);
    // refused: the session is over; the request goes again without a token (public routes answer)
    return baseFetch(next ? withBearer(retry, next.accessToken) : retry);
  }

  const api = createClient<paths>({ baseUrl, fetch: authorizedFetch });
  return { api, anonymous, session, baseUrl };
}
