/**
 * The signed-in session: the user and the token pair (docs/api.md#authentication). Access tokens are short
 * lived; refresh tokens rotate and are single use, and presenting a spent one revokes the whole
 * session on the server. So a refresh must never run twice for one pair:
 *
 * - every caller whose request was refused with the same access token awaits ONE refresh;
 * - a caller that arrives after the pair was already rotated (by this page or, through the shared
 *   storage, another tab) simply uses the new access token;
 * - across tabs, where the Web Locks API exists, the refresh runs under a lock and re-reads the
 *   storage first.
 */
import type { components } from './schema.js';
import { jsonEntry, type KeyValueStorage } from './storage.js';

export type AuthResult = components['schemas']['AuthResultView'];
export type Me = components['schemas']['MeView'];

export interface Session {
  user: Me;
  accessToken: string;
  refreshToken: string;
  /** epoch milliseconds when the access token expires (by this device's clock) */
  expiresAt: number;
}

/** How the session store asks the server for a new pair: the answer, or null when refused. */
export type RefreshCall = (refreshToken: string) => Promise<AuthResult | null>;

type Listener = (session: Session | null) => void;

interface LockManager {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export class SessionStore {
  private readonly entry;
  private readonly listeners = new Set<Listener>();
  private inFlight: { spent: string; promise: Promise<Session | null> } | null = null;
  /** how many times the server was actually asked for a new pair (for tests and diagnostics) */
  refreshCount = 0;

  constructor(
    storage: KeyValueStorage,
    private readonly refreshCall: RefreshCall,
    private readonly now: () => number = Date.now,
  ) {
    this.entry = jsonEntry<Session>(storage, 'chance.session');
  }

  /** The current session, read from the storage each time (another tab may have rotated it). */
  get(): Session | null {
    const session = this.entry.read();
    return session && typeof session.accessToken === 'string' && typeof session.refreshToken === 'string' && session.user ? session : null;
  }

  set(result: AuthResult): Session {
    const session: Session = {
      user: result.user,
      accessToken: result.accessToken,
      refreshToken: result.refreshToken,
      expiresAt: this.now() + result.expiresIn * 1000,
    };
    this.entry.write(session);
    this.emit(session);
    return session;
  }

  /** Keeps the tokens, with a fresher copy of the user (after a profile change). */
  updateUser(user: Me): void {
    const session = this.get();
    if (!session) return;
    const next = { ...session, user };
    this.entry.write(next);
    this.emit(next);
  }

  clear(): void {
    if (!this.entry.read()) return;
    this.entry.clear();
    this.emit(null);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A session whose access token is newer than `spentAccessToken`, refreshing once if needed.
   * Null when there is no session or the server refused the refresh token (the session is then
   * cleared: sign in again). Rejects only when the server could not be reached (session kept).
   */
  refresh(spentAccessToken: string): Promise<Session | null> {
    const current = this.get();
    if (!current) return Promise.resolve(null);
    if (current.accessToken !== spentAccessToken) return Promise.resolve(current);
    if (this.inFlight?.spent === spentAccessToken) return this.inFlight.promise;
    const promise = this.withLock(() => this.exchange(spentAccessToken)).finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = null;
    });
    this.inFlight = { spent: spentAccessToken, promise };
    return promise;
  }

  /** The session with an access token valid for at least `marginMs` more (refreshed if not). */
  async fresh(marginMs = 30_000): Promise<Session | null> {
    const current = this.get();
    if (!current) return null;
    if (current.expiresAt - marginMs > this.now()) return current;
    return this.refresh(current.accessToken);
  }

  private async exchange(spentAccessToken: string): Promise<Session | null> {
    // re-read inside the lock: another tab may have rotated the pair meanwhile
    const current = this.get();
    if (!current) return null;
    if (current.accessToken !== spentAccessToken) return current;
    this.refreshCount++;
    const result = await this.refreshCall(current.refreshToken);
    if (!result) {
      // refused (expired, revoked, or spent elsewhere): unless another tab already stored a new pair
      const latest = this.get();
      if (latest && latest.refreshToken !== current.refreshToken) return latest;
      this.clear();
      return null;
    }
    return this.set(result);
  }

  private withLock<T>(task: () => Promise<T>): Promise<T> {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    return locks ? locks.request('chance.session.refresh', task) : task();
  }

  private emit(session: Session | null): void {
    for (const listener of this.listeners) listener(session);
  }
}
