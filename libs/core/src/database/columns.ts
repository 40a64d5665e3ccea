import type { ValueTransformer } from 'typeorm';

/**
 * For `bigint` money and counter columns: the driver returns strings; this returns numbers and
 * refuses values beyond the safe integer range instead of losing precision.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null): number | null => {
    if (value === null || value === undefined) return null;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`value ${value} exceeds the safe integer range`);
    return n;
  },
};
