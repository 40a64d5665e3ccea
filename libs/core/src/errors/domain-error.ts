import { ERROR_STATUS, type ErrorCode } from './error-codes.js';

export type FieldErrors = Record<string, string>;

/**
 * One problem of an uploaded file (a CSV import): the line where the row starts (the header is
 * line 1), the column as named in the header (null for the whole row or file), what is wrong.
 */
export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

/**
 * A refusal the API answers with the contract's error body. Thrown by services and rules;
 * turned into `{statusCode, error, code, message, errors?}` by the global exception filter.
 */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = ERROR_STATUS[code];
  }
}

/**
 * A file refused for the problems of its rows (a CSV import): 400 `VALIDATION_FAILED` whose
 * `errors` is the list of those problems rather than the usual map of fields.
 */
export class FileRowsRefused extends DomainError {
  constructor(
    message: string,
    readonly rows: RowError[],
  ) {
    super('VALIDATION_FAILED', message);
    this.name = 'FileRowsRefused';
  }
}

export const notFound = (what = 'Record'): DomainError => new DomainError('NOT_FOUND', `${what} not found`);

export const validationFailed = (errors: FieldErrors, message = 'Validation failed'): DomainError => new DomainError('VALIDATION_FAILED', message, errors);

/** 409 INVALID_TRANSITION: the record's state does not allow the command (a cancelled sale paid, a received purchase edited). */
export const invalidTransition = (message: string): DomainError => new DomainError('INVALID_TRANSITION', message);

export const rateLimited = (retryAfterSeconds: number): DomainError =>
  new DomainError('RATE_LIMITED', 'Too many attempts, try again later', undefined, {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
