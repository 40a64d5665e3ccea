import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';

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
