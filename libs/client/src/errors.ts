/**
 * Every API error is `{statusCode, error, code, message, errors?}` (docs/api.md#errors). The
 * client turns each into an `ApiError` whose `code` a frontend switches on; `fieldErrors` maps
 * form fields to messages for validation failures.
 */
import type { components } from './schema.js';

export type ErrorBody = components['schemas']['ErrorBodyDto'];

/** The contract's stable codes (docs/api.md#errors, the coupon refusals included). */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_CREDENTIALS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OUT_OF_STOCK',
  'OVERPAYMENT',
  'INVALID_TRANSITION',
  'PAYMENT_DECLINED',
  'IDEMPOTENCY_IN_PROGRESS',
  'IDEMPOTENCY_KEY_REUSED',
  'REFUND_EXCEEDS_PAID',
  'RETURN_NOT_ALLOWED',
  'RETURN_QUANTITY_EXCEEDED',
  'REFUND_REQUIRED',
  'TOKEN_INVALID',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'OTP_INVALID',
  'OTP_EXPIRED',
  'OTP_LOCKED',
  'COUPON_NOT_FOUND',
  'COUPON_INACTIVE',
  'COUPON_NOT_STARTED',
  'COUPON_EXPIRED',
  'COUPON_MIN_PURCHASE',
  'COUPON_USAGE_LIMIT',
  'COUPON_CUSTOMER_LIMIT',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every code the server's OpenAPI enum lists is one this client knows: a new server code breaks the typecheck until added above. */
type UnknownServerCode = Exclude<ErrorBody['code'], ErrorCode>;
export const EVERY_SERVER_CODE_KNOWN: [UnknownServerCode] extends [never] ? true : UnknownServerCode = true;

/** The codes of a coupon refused by a cart or a checkout (docs/api.md#coupons). */
export const COUPON_ERROR_CODES: readonly ErrorCode[] = ERROR_CODES.filter((code) => code.startsWith('COUPON_'));

/** An error answer of the API (or `NETWORK` when it could not be reached: `status` 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    /** one of ERROR_CODES; an unknown string when a newer server sends a code this client predates */
    readonly code: ErrorCode | 'NETWORK' | (string & {}),
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    /** seconds, from `Retry-After` (rate limits) */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** Narrows to one code (or one of several): `if (error.is('OUT_OF_STOCK'))`. */
  is(...codes: (ErrorCode | 'NETWORK')[]): boolean {
    return codes.includes(this.code as ErrorCode);
  }
}

export const isApiError = (error: unknown, ...codes: (ErrorCode | 'NETWORK')[]): error is ApiError =>
  error instanceof ApiError && (codes.length === 0 || error.is(...codes));

/** Builds the ApiError of a non-2xx answer from its parsed body (any shape) and headers. */
export function apiErrorOf(response: Pick<Response, 'status' | 'statusText' | 'headers'>, body: unknown): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as Partial<ErrorBody>;
  const code = typeof b.code === 'string' && b.code ? b.code : response.status === 401 ? 'UNAUTHENTICATED' : `HTTP_${response.status}`;
  const message = typeof b.message === 'string' && b.message ? b.message : response.statusText || `HTTP ${response.status}`;
  const fieldErrors: Record<string, string> = {};
  if (b.errors && typeof b.errors === 'object' && !Array.isArray(b.errors)) {
    for (const [field, value] of Object.entries(b.errors)) fieldErrors[field] = Array.isArray(value) ? value.join(' ') : String(value);
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, code, message, fieldErrors, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

/** A request that never got an answer (offline, DNS, connection reset). */
export const networkError = (cause: unknown): ApiError =>
  Object.assign(new ApiError(0, 'NETWORK', 'The shop could not be reached. Check your connection and try again.'), { cause });
