/** Everything the running API is configured with (README.md, Configuration), read once at start. */
export interface AppConfig {
  env: string;
  port: number;
  databaseUrl?: string;
  /** a streaming replica that serves lists and reports (DATABASE_REPLICA_URL; docs/operations.md, "A read replica") */
  databaseReplicaUrl?: string;
  /** the replica answers only while it is at most this far behind the primary; beyond, the primary does */
  replicaMaxLagMs: number;
  /** API processes on this machine, sharing its port (WEB_CONCURRENCY) */
  webConcurrency: number;
  dataDir: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  corsOrigins: string[];
  bodyLimitBytes: number;
  adminEmail?: string;
  adminPassword?: string;
  logLevel: string;
  rateLimits: {
    loginFailures: number;
    loginWindowSeconds: number;
    registerPerMinute: number;
    otpRequests: number;
    otpWindowSeconds: number;
    /** login attempts (right or wrong) from one IP per minute */
    loginPerIpPerMinute: number;
    /** coupon codes applied to carts from one IP per minute */
    couponTriesPerMinute: number;
    /** guest carts created from one IP per minute */
    guestCartsPerMinute: number;
    /** POST /api/me/messages per user per hour */
    messagesPerHour: number;
    messagesWindowSeconds: number;
    /** password-reset links asked for one e-mail, and from one IP, per window */
    passwordResetsPerEmail: number;
    passwordResetsPerIp: number;
    passwordResetWindowSeconds: number;
  };
  /** argon2 work at once, and how many may wait for it (beyond: 503, Retry-After) */
  passwordHashing: { concurrency: number; queue: number };
  outbox: { relay: boolean; intervalMs: number };
  payments: {
    /** a card payment still `pending` this long after it was written is settled by asking the provider (docs/api.md#orders-payments-and-invoices: a minute) */
    reconcileAfterMs: number;
    /** how long a provider call may take before its outcome counts as unknown (left to reconciliation); below reconcileAfterMs */
    callTimeoutMs: number;
  };
  /** public store lists are served from a per-process cache this long (0: off) */
  storeCacheTtlMs: number;
  /** product images (docs/api.md#catalog-media): the files served under `/media/`; default DATA_DIR/media */
  mediaDir: string;
  /** the address people reach the SPA at (links in e-mails), without a trailing slash */
  publicUrl: string;
  mail: {
    /** SMTP server (`smtp://user:pass@host:587`); unset: e-mails are written to the server log */
    smtpUrl?: string;
    /** the From of every e-mail; unset: the store's name and settings e-mail (or no-reply@ the PUBLIC_URL host) */
    from?: string;
    /** delay before the first retry of a failed e-mail; later ones grow from it (for 24 h at least) */
    firstRetryDelayMs: number;
    /** e-mails sent at once by one process */
    concurrency: number;
  };
  webhooks: {
    /** allow URLs on loopback, private, link-local and unique-local addresses (tests, one-box set-ups) */
    allowPrivateUrls: boolean;
    /** how long an endpoint has to answer an attempt (docs/api.md#webhooks: 10 s) */
    timeoutMs: number;
    /** delay before the first retry of a failed delivery; later ones grow from it (for 24 h at least) */
    firstRetryDelayMs: number;
    /** deliveries sent at once by one process, in all and to any one endpoint */
    concurrency: number;
    perEndpoint: number;
  };
  /**
   * the retention job: how often it runs, and the days each `RETENTION_*_DAYS` variable set (and
   * `GUEST_CART_TTL_DAYS`) keeps; a rule whose variable is unset keeps its default
   */
  retention: { intervalMs: number; days: Record<string, number> };
  /** folder of the built admin SPA served at `/`, when present */
  adminDistDir?: string;
  /** folder of the built storefront served at `/shop/`, when present */
  storefrontDistDir?: string;
  /** proxy hops in front of the API whose `X-Forwarded-For` entries are trusted (0: none; docs/api.md#limits) */
  trustProxyHops: number;
  /** connection limits of the HTTP server (docs/api.md#limits) */
  http: {
    /** a request's headers must arrive within this time */
    headersTimeoutMs: number;
    /** a whole request (headers and body) must arrive within this time */
    requestTimeoutMs: number;
    /** an idle keep-alive connection is closed after this time */
    keepAliveTimeoutMs: number;
    /** open connections in all (0: no cap) */
    maxConnections: number;
    /** open connections per client address (0: no cap) */
    maxConnectionsPerIp: number;
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
