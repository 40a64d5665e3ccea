/**
 * Writing records as CSV rows (pure): one cell per column, text guarded against spreadsheet
 * formulas, money as integer minor units, instants as ISO 8601 in UTC. Quoting is left to the CSV
 * writer (csv-stringify), which quotes a cell holding a comma, a quote or a line break.
 */

/** What a spreadsheet would run as a formula: an export puts a ' before it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will not run: `=SUM(A1)` is written `'=SUM(A1)` (and `'=x` as `''=x`, so the ' is never lost). */
export const guardFormula = (value: string): string => (FORMULA_START.test(value.replace(/^'+/, '')) ? `'${value}` : value);

/** The reverse of `guardFormula`, for importers: a leading ' that guards a formula-like value is removed. */
export const unguardFormula = (value: string): string => (/^'+/.test(value) && FORMULA_START.test(value.replace(/^'+/, '')) ? value.slice(1) : value);

export type CsvValue = string | number | boolean | Date | null | undefined;

/** One column of an export: its header and how a record gives its cell. */
export interface CsvColumn<R> {
  header: string;
  value: (record: R) => CsvValue;
}

/** One cell: empty for null, `true`/`false`, integers as written, instants as ISO 8601 UTC, text formula-guarded. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return guardFormula(value);
}

export const csvHeader = <R>(columns: readonly CsvColumn<R>[]): string[] => columns.map((c) => guardFormula(c.header));

export const csvRow = <R>(columns: readonly CsvColumn<R>[], record: R): string[] => columns.map((c) => csvCell(c.value(record)));
