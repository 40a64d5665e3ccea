import { isApiError, type ErrorCode } from '@chance/client';

/** What a shopper reads for each error code (the server's message when there is no better one). */
const FRIENDLY: Partial<Record<ErrorCode | 'NETWORK', string>> = {
  NETWORK: 'The shop could not be reached. Check your connection and try again.',
  INVALID_CREDENTIALS: 'That e-mail and password do not match an account.',
  RATE_LIMITED: 'Too many attempts. Please wait a little and try again.',
  OUT_OF_STOCK: 'Sorry, there is not enough stock for that quantity any more.',
  PAYMENT_DECLINED: 'Your card was declined. No money was taken. Try another card.',
  COUPON_NOT_FOUND: 'That coupon code does not exist.',
  COUPON_INACTIVE: 'That coupon is not active.',
  COUPON_NOT_STARTED: 'That coupon is not valid yet.',
  COUPON_EXPIRED: 'That coupon has expired.',
  COUPON_MIN_PURCHASE: 'Your order does not reach the minimum purchase for that coupon yet.',
  COUPON_USAGE_LIMIT: 'That coupon has been used up.',
  COUPON_CUSTOMER_LIMIT: 'You have already used that coupon as often as it allows.',
  IDEMPOTENCY_IN_PROGRESS: 'We are still processing your previous attempt. Please try again in a moment.',
  SERVICE_UNAVAILABLE: 'The payment service did not answer. Try again: you will not be charged twice.',
  UNAUTHENTICATED: 'Please sign in again.',
  NOT_FOUND: 'We could not find that.',
  RETURN_NOT_ALLOWED: 'This order cannot be returned any more: the return window has closed. Please write to us.',
  RETURN_QUANTITY_EXCEEDED: 'That is more than is left to return of that item.',
  TOKEN_INVALID: 'This link is wrong, has been used already or has expired. Ask for a new one.',
};

export function messageOf(error: unknown): string {
  if (isApiError(error)) return FRIENDLY[error.code as ErrorCode] ?? error.message;
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** Field messages of a validation failure, keyed as the API names the fields. */
export const fieldErrorsOf = (error: unknown): Record<string, string> => (isApiError(error, 'VALIDATION_FAILED') ? error.fieldErrors : {});
