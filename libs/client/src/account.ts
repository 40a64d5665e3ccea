/**
 * Signing in and out, the profile, bookings and notifications of the signed-in customer
 * (docs/api.md#authentication, #services-and-notifications). Signing in merges the guest cart into the customer's.
 */
import { data, call, type Transport } from './http.js';
import { listQuery, pageOf, type ListRequest, type Page } from './list.js';
import type { CartApi } from './cart.js';
import type { AuthResult, Me, Session } from './session.js';
import type { Booking, BookingInput, LoginInput, Notification, ProfileInput, RegisterInput } from './types.js';

export interface SignedIn {
  session: Session;
  /** the customer's cart after merging this device's guest cart into it (null: there was none) */
  mergedCart: Awaited<ReturnType<CartApi['mergeGuestCart']>>;
}

export function authApi({ anonymous, api, session }: Transport, cart: CartApi) {
  async function start(result: AuthResult): Promise<SignedIn> {
    const started = session.set(result);
    return { session: started, mergedCart: await cart.mergeGuestCart() };
  }
  return {
    /** 401 INVALID_CREDENTIALS for a wrong e-mail or password; 429 RATE_LIMITED after repeated failures. */
    login: async (input: LoginInput): Promise<SignedIn> => start(await data(anonymous.POST('/api/auth/login', { body: input }))),

    /** A customer account, signed in at once. */
    register: async (input: RegisterInput): Promise<SignedIn> => start(await data(anonymous.POST('/api/auth/register', { body: input }))),

    /**
     * Asks for a link to choose a new password (docs/api.md#account-recovery). The answer is the same whether or
     * not an account uses the e-mail; 429 RATE_LIMITED after a few requests for one e-mail.
     */
    forgotPassword: async (email: string): Promise<{ message: string }> => data(anonymous.POST('/api/auth/password/forgot', { body: { email } })),

    /**
     * Sets a new password with the token of a reset link: every session of the account ends (this
     * device's too, if it was signed in): sign in again. 400 TOKEN_INVALID for a wrong, used or expired link.
     */
    async resetPassword(token: string, password: string): Promise<void> {
      await call(anonymous.POST('/api/auth/password/reset', { body: { token, password } }));
      session.clear();
    },

    /** Ends the session on the server (its refresh token) and on this device, whatever the server says. */
    async logout(): Promise<void> {
      const current = session.get();
      session.clear();
      if (current) await call(anonymous.POST('/api/auth/logout', { body: { refreshToken: current.refreshToken } })).catch(() => undefined);
    },

    async me(): Promise<Me> {
      const me = await data(api.GET('/api/me'));
      session.updateUser(me);
      return me;
    },

    async updateProfile(input: ProfileInput): Promise<Me> {
      const me = await data(api.PUT('/api/me/profile', { body: input }));
      session.updateUser(me);
      return me;
    },
  };
}

export function bookingsApi({ api }: Transport) {
  return {
    /** Books a visit (a time in the past is 400 VALIDATION_FAILED on scheduledAt). */
    book: (input: BookingInput): Promise<Booking> => data(api.POST('/api/store/bookings', { body: input })),

    async list(query: ListRequest<'id' | 'scheduledAt' | 'status' | 'price' | 'createdAt'> = {}): Promise<Page<Booking>> {
      const { data: rows, response } = await call(
        api.GET('/api/store/bookings', { params: { query: listQuery({ sort: ['scheduledAt', 'DESC'], ...query }) } }),
      );
      return pageOf(rows, response.headers.get('Content-Range'));
    },

    /** Cancels your own pending booking. */
    cancel: (id: number): Promise<Booking> => data(api.POST('/api/store/bookings/{id}/cancel', { params: { path: { id } } })),
  };
}

/** The part of the browser's EventSource the stream needs (so the client typechecks without the DOM). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  onerror: ((event: unknown) => void) | null;
  close(): void;
}
export type EventSourceFactory = new (url: string) => EventSourceLike;

const CLOSED = 2;

export interface StreamHandlers {
  onNotification(notification: Notification): void;
  /** `live` once connected; `reconnecting` while it waits to connect again */
  onStatus?(status: 'live' | 'reconnecting'): void;
}

export function notificationsApi({ api, session, baseUrl }: Transport) {
  const notifications = {
    async list(query: ListRequest<'id' | 'createdAt'> & { unreadOnly?: boolean } = {}): Promise<Page<Notification>> {
      const { unreadOnly, ...request } = query;
      const filter = { ...request.filter, ...(unreadOnly ? { unread: true } : {}) };
      const { data: rows, response } = await call(api.GET('/api/me/notifications', { params: { query: listQuery({ ...request, filter }) } }));
      return pageOf(rows, response.headers.get('Content-Range'));
    },

    unreadCount: async (): Promise<number> => (await data(api.GET('/api/me/notifications/unread-count'))).count,

    markRead: (id: number): Promise<Notification> => data(api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })),

    markAllRead: async (): Promise<number> => (await data(api.POST('/api/me/notifications/read-all'))).count,

    /**
     * The URL of the live stream with a fresh access token in the query (EventSource cannot send
     * headers); null when signed out.
     */
    async streamUrl(): Promise<string | null> {
      const current = await session.fresh();
      return current ? `${baseUrl}/api/me/notifications/stream?accessToken=${encodeURIComponent(current.accessToken)}` : null;
    },

    /**
     * Listens to the live stream. The server ends a stream when its token expires; the browser's
     * own reconnection then fails, and this opens a new stream with a fresh token (backing off up
     * to 30 s while the server is unreachable). Returns the function that stops listening.
     */
    subscribe(handlers: StreamHandlers, EventSourceImpl?: EventSourceFactory): () => void {
      const Impl = EventSourceImpl ?? (globalThis as { EventSource?: EventSourceFactory }).EventSource;
      if (!Impl) throw new Error('No EventSource in this environment: pass an implementation');
      let stopped = false;
      let source: EventSourceLike | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let delay = 1000;

      const retry = () => {
        handlers.onStatus?.('reconnecting');
        timer = setTimeout(() => void open(), delay);
        delay = Math.min(delay * 2, 30_000);
      };
      const open = async () => {
        if (stopped) return;
        const url = await notifications.streamUrl().catch(() => undefined);
        if (stopped || url === null) return; // signed out: nothing to listen to
        if (url === undefined) return retry(); // the server could not be reached to refresh
        const opened = new Impl(url);
        source = opened;
        opened.addEventListener('open', () => {
          delay = 1000;
          handlers.onStatus?.('live');
        });
        opened.addEventListener('notification', (event) => {
          if (typeof event.data === 'string') handlers.onNotification(JSON.parse(event.data) as Notification);
        });
        opened.onerror = () => {
          if (opened.readyState !== CLOSED || stopped) return; // the browser retries by itself
          opened.close();
          retry();
        };
      };
      void open();
      return () => {
        stopped = true;
        clearTimeout(timer);
        source?.close();
      };
    },
  };
  return notifications;
}
