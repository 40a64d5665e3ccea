import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidateBy, isISO8601, type ValidationOptions } from 'class-validator';
import { MAX_YEAR, MIN_YEAR, YEARS_MESSAGE, parseInstant } from '../dates.js';

export const MAX_MINOR_UNITS = 2_000_000_000;

/** An amount of money: a whole, non-negative number of minor units (cents) that fits the database. */
export function IsMinorUnits(options: { max?: number } = {}): PropertyDecorator {
  return applyDecorators(
    IsInt({ message: 'must be a whole number of minor units (cents)' }),
    Min(0, { message: 'must not be negative' }),
    Max(options.max ?? MAX_MINOR_UNITS, { message: `must be at most ${options.max ?? MAX_MINOR_UNITS}` }),
  );
}

/** A flat JSON object of short strings, such as a variant's `{"size": "M", "color": "red"}`. */
export function IsStringMap(limits = { maxKeys: 20, maxKey: 50, maxValue: 100 }, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringMap',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= limits.maxKeys &&
          Object.entries(value).every(([k, v]) => k.trim().length > 0 && k.length <= limits.maxKey && typeof v === 'string' && v.length <= limits.maxValue),
        defaultMessage: () => `must be an object of at most ${limits.maxKeys} text values, such as {"size": "M"}`,
      },
    },
    options,
  );
}

/** Whether `parseInstant` reads the value: a real date or instant, in the supported years. */
function readsAsInstant(value: string): boolean {
  try {
    parseInstant(value);
    return true;
  } catch {
    return false;
  }
}

/** The years message for a value that is a well-formed date or instant, only outside 1900–9999. */
function outsideYears(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const year = /^([+-]?\d{4,6})-\d{2}/.exec(value);
  if (year && (Number(year[1]) < MIN_YEAR || Number(year[1]) > MAX_YEAR)) return true;
  return isISO8601(value, { strict: true }) && !readsAsInstant(value);
}

/**
 * A date (`2026-11-25`) or an ISO 8601 instant, a real one, in the years 1900 to 9999
 * (docs/api.md#dates-and-times); read it with `parseInstant`. `message` is for values that are not a date at all.
 */
export function IsInstant(message = 'must be a date or an ISO 8601 instant', options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isISO8601(value, { strict: true }) && readsAsInstant(value),
        defaultMessage: (args) => (outsideYears(args?.value) ? `must be a date or instant ${YEARS_MESSAGE}` : message),
      },
    },
    options,
  );
}
