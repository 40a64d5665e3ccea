/**
 * The signed-in session: the user and the token pair from /api/auth/login, kept in localStorage.
 *
 * Access tokens live 15 minutes; refresh tokens rotate and are single use (spending one twice
 * revokes the whole family on the server). So there is exactly one refresh in flight at a time:
 * every caller that needs a new access token awaits the same promise, and across browser tabs the
 * refresh runs under a Web Lock and first checks whether another tab already rotated the pair.
 */
import { backOfficeRoles, type AuthTokens, type SessionUser } from '../types';

const storageKey = 'chance-store.session';
const refreshLockName = 'chance-store.session.refresh';

export const authApi = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  forgotPassword: '/api/auth/password/forgot',
  resetPassword: '/api/auth/password/reset',
} as const;

export type Session = AuthTokens;

/** POSTs JSON to a public /api/auth endpoint (no bearer token: sign-in, refresh, sign-out, account recovery). */
export function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Thrown when the session cannot be continued: the user must sign in again. */
export class SessionExpiredError extends Error {
  readonly status = 401;
  constructor(message = 'Your session has expired. Please sign in again.') {
    super(message);
    this.name = 'SessionExpiredError';
  }
}

export function readSession(): Session | null {
  try {
    const raw = window.localStorage.getItem(storageKey);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string' || !parsed.user) {
      return null;
    }
    return parsed as Session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  window.localStorage.setItem(storageKey, JSON.stringify(session));
}

export function clearSession(): void {
  window.localStorage.removeItem(storageKey);
}

export function isBackOfficeUser(user: SessionUser | null | undefined): boolean {
  return !!user && backOfficeRoles.includes(user.role) && user.isActive !== false;
}

/** The display name of a session user: the profile's full name, else the e-mail. */
export function displayName(user: SessionUser): string {
  return user.profile?.fullName || user.email;
}

let inFlight: Promise<Session> | null = null;

/**
 * Exchanges the stored refresh token for a new pair. Concurrent callers share one request.
 * Rejects with SessionExpiredError (and clears the session) when the server refuses the token;
 * rejects with the network error, keeping the session, when the server could not be reached.
 */
export function refreshSession(): Promise<Session> {
  if (!inFlight) {
    const spent = readSession()?.refreshToken;
    inFlight = withRefreshLock(() => exchange(spent)).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // Web Locks exist only in secure contexts (https, localhost); elsewhere one tab is still safe.
  if (!locks) return task();
  return locks.request(refreshLockName, task) as Promise<T>;
}

async function exchange(spent: string | undefined): Promise<Session> {
  const current = readSession();
  if (!current || !spent) throw new SessionExpiredError();
  // Another tab (or an earlier holder of the lock) already rotated the pair: use its result.
  if (current.refreshToken !== spent) return current;

  const response = await postJson(authApi.refresh, { refreshToken: spent });
  if (response.status >= 500) {
    throw new Error(`The server could not refresh the session (HTTP ${response.status}).`);
  }
  const body = (await response.json().catch(() => null)) as Session | null;
  if (!response.ok || !body?.accessToken || !body.refreshToken || !body.user) {
    clearSession();
    throw new SessionExpiredError();
  }
  if (!isBackOfficeUser(body.user)) {
    clearSession();
    throw new SessionExpiredError('This account may no longer use the back office.');
  }
  saveSession(body);
  return body;
}
