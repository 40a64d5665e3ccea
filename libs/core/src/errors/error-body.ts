import { HTTP_REASON, codeForStatus, type ErrorCode } from './error-codes.js';
import { DomainError, FileRowsRefused, type FieldErrors, type RowError } from './domain-error.js';
import { redactUrlsIn } from '../http/redact.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode | string;
  message: string;
  errors?: FieldErrors | RowError[];
}

export interface ErrorResponse {
  body: ErrorBody;
  headers: Record<string, string>;
  /** true when the cause is unexpected and worth logging with its stack */
  unexpected: boolean;
}

const PG_BAD_INPUT = new Set(['22P02', '22003', '22007', '22008', '22023', '22001', '22021', '22P05', '2201W', '2201X', '54000']);

/**
 * Turns anything thrown while serving a request into the contract's error body. Pure: the
 * exception filter and the Fastify error handler both call it, so the two paths answer alike.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (error instanceof FileRowsRefused) {
    return respond(error.status, error.code, error.message, error.rows);
  }
  if (error instanceof DomainError) {
    return respond(error.status, error.code, error.message, error.errors, error.headers ?? {});
  }
  const e = error as {
    getStatus?: () => number;
    getResponse?: () => unknown;
    statusCode?: number;
    status?: number;
    code?: string;
    message?: string;
    driverError?: { code?: string };
  };
  if (typeof e?.getStatus === 'function') {
    const status = e.getStatus();
    const response = e.getResponse?.();
    const detail = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    // Nest's "Cannot GET /path?query" echoes the URL: never its secrets
    const message = redactUrlsIn(typeof detail.message === 'string' ? detail.message : (e.message ?? HTTP_REASON[status] ?? 'Error'));
    const code = typeof detail.code === 'string' ? detail.code : codeForStatus(status);
    const errors = isFieldErrors(detail.errors) ? detail.errors : undefined;
    return respond(status, code, message, errors, {}, status >= 500);
  }
  const pgCode = e?.driverError?.code ?? (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);
  if (pgCode && PG_BAD_INPUT.has(pgCode)) {
    return respond(400, 'VALIDATION_FAILED', 'A value is out of range or malformed');
  }
  if (isDatabaseUnavailable(error, pgCode)) {
    return respond(503, 'SERVICE_UNAVAILABLE', 'The database is unavailable for a moment: retry (with the same Idempotency-Key)', undefined, {
      'Retry-After': '1',
    });
  }
  // constraint violations that slipped past validation are still the caller's input: 4xx, never 500
  const column = (e as { driverError?: { column?: string }; column?: string })?.driverError?.column ?? (e as { column?: string })?.column;
  const field = column ? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : 'body';
  if (pgCode === '23502') return respond(400, 'VALIDATION_FAILED', 'A required value is missing', { [field]: 'must not be null' }, {}, true);
  if (pgCode === '23503') return respond(400, 'VALIDATION_FAILED', 'A referenced record does not exist', undefined, {}, true);
  if (pgCode === '23514') {
    const checked = checkedField(e as DatabaseErrorFields);
    // a column's own rule broken by the caller's value is a message under that input; a rule across columns is not one input's fault
    if (checked) return respond(400, 'VALIDATION_FAILED', 'A value breaks a rule of the data', { [checked]: CHECKED_FIELD_MESSAGE });
    return respond(400, 'VALIDATION_FAILED', 'A value breaks a rule of the data', undefined, {}, true);
  }
  if (pgCode === '23505') return respond(409, 'CONFLICT', 'This conflicts with an existing record', undefined, {}, true);
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status && status >= 400 && status < 500) {
    // Fastify's own errors (body too large, bad content type, malformed JSON or URL, ...)
    const message = fastifyMessage(e.code, status);
    return respond(status, codeForStatus(status), message);
  }
  return respond(500, 'INTERNAL_ERROR', 'Something went wrong on our side', undefined, {}, true);
}

interface DatabaseErrorFields {
  table?: unknown;
  constraint?: unknown;
  driverError?: { table?: unknown; constraint?: unknown };
}

/** What a field whose column rule (a CHECK on the column) refused its value is told. */
export const CHECKED_FIELD_MESSAGE = 'is empty, out of range or not in the accepted form';

/**
 * The field a broken CHECK constraint guards, from PostgreSQL's naming of a column's constraint,
 * `<table>_<column>_check` (`categories_name_check` → `name`, `offline_customers_phone_check` →
 * `phone`); undefined for a rule named otherwise (`orders_paid_within_total`), which no one input
 * broke. The column's snake_case name becomes the API's camelCase field.
 */
export function checkedField(error: DatabaseErrorFields | null | undefined): string | undefined {
  const table = error?.driverError?.table ?? error?.table;
  const constraint = error?.driverError?.constraint ?? error?.constraint;
  if (typeof table !== 'string' || typeof constraint !== 'string') return undefined;
  const prefix = `${table}_`;
  if (!constraint.startsWith(prefix) || !constraint.endsWith('_check')) return undefined;
  const column = constraint.slice(prefix.length, -'_check'.length);
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(column)) return undefined;
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function fastifyMessage(code: string | undefined, status: number): string {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'Send the request body as application/json';
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return 'The URL is malformed';
    default:
      return HTTP_REASON[status] ?? 'Bad request';
  }
}

/**
 * No error answer is ever large: at most this many fields in `errors`, names and messages this
 * long; a list of a file's rows' problems (a CSV import) at most `rows` entries, the same as its
 * dry run lists, each clipped alike.
 */
export const ERROR_BODY_LIMITS = { fields: 50, fieldName: 200, message: 500, rows: 1000 } as const;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function respond(
  statusCode: number,
  code: string,
  message: string,
  errors?: FieldErrors | RowError[],
  headers: Record<string, string> = {},
  unexpected = false,
): ErrorResponse {
  const body: ErrorBody = { statusCode, error: HTTP_REASON[statusCode] ?? 'Error', code, message: clip(message, ERROR_BODY_LIMITS.message) };
  if (Array.isArray(errors)) {
    body.errors = errors.slice(0, ERROR_BODY_LIMITS.rows).map((e) => ({
      row: e.row,
      column: e.column === null ? null : clip(String(e.column), ERROR_BODY_LIMITS.fieldName),
      message: clip(String(e.message), ERROR_BODY_LIMITS.message),
    }));
    return { body, headers, unexpected };
  }
  const fields = errors ? Object.keys(errors) : [];
  if (fields.length > 0) {
    body.errors = {};
    for (const field of fields.slice(0, ERROR_BODY_LIMITS.fields)) {
      body.errors[clip(field, ERROR_BODY_LIMITS.fieldName)] = clip(String(errors![field]), ERROR_BODY_LIMITS.message);
    }
    if (fields.length > ERROR_BODY_LIMITS.fields) {
      body.message = clip(`${message} (showing ${ERROR_BODY_LIMITS.fields} of ${fields.length} fields)`, ERROR_BODY_LIMITS.message);
    }
  }
  return { body, headers, unexpected };
}

function isFieldErrors(value: unknown): value is FieldErrors {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|ECONNREFUSED|ECONNRESET|EPIPE|the database system is (starting up|shutting down|in recovery mode)|terminating connection|Client has encountered a connection error|timeout exceeded when trying to connect/i;

/** A lost or refused database connection (a restart, a terminated backend): the request may be retried. */
export function isDatabaseUnavailable(error: unknown, code?: string): boolean {
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const e = error as { message?: unknown; driverError?: { message?: unknown }; code?: unknown };
  const message = `${String(e?.message ?? '')} ${String(e?.driverError?.message ?? '')} ${typeof e?.code === 'string' ? e.code : ''}`;
  return UNAVAILABLE_MESSAGE.test(message);
}
