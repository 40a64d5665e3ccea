import type { EntityManager } from 'typeorm';

/**
 * A series of human document numbers, as people quote them: `ORD-000042`, `INV-2026-000017`.
 *
 * - **Gapless** series (invoices, purchase invoices, credit notes: tax documents) count in a row of
 *   `document_counters` per (kind, year), taken in the caller's transaction: the row stays locked
 *   until commit and a rollback gives the number back, so numbers never skip or repeat. It
 *   serialises the series: take the number late in the transaction. Invoices take theirs at COMMIT,
 *   from a deferred trigger on `invoices` (migration 1765103000000): the hottest series is locked
 *   only during PostgreSQL's own commit.
 * - The others count with a PostgreSQL sequence: no lock, no waiting, and a rolled-back command
 *   leaves a gap. The migration that creates the series' table creates its sequence.
 *
 * `width` is the least number of digits (zero-padded); a larger number is written in full, never cut.
 */
export type DocumentSeries = CounterSeries | SequenceSeries;

interface SeriesShape {
  /** `ORD` */
  readonly prefix: string;
  /** least digits of the running number */
  readonly width: number;
}

export interface CounterSeries extends SeriesShape {
  readonly gapless: true;
  /** numbered per calendar year (UTC) of the document's date: `INV-2026-000017` */
  readonly yearly: boolean;
  /** the `document_counters.kind` it counts in */
  readonly counter: string;
}

export interface SequenceSeries extends SeriesShape {
  readonly gapless: false;
  readonly yearly: false;
  /** the PostgreSQL sequence it counts with */
  readonly sequence: string;
}

/** Every series of the store. New documents add theirs here, so all numbers are built one way. */
export const DOCUMENT_SERIES = {
  /** `ORD-000042` */
  order: { prefix: 'ORD', width: 6, gapless: false, yearly: false, sequence: 'order_number_seq' },
  /** `INV-2026-000017` */
  invoice: { prefix: 'INV', width: 6, gapless: true, yearly: true, counter: 'invoice' },
  /** `CN-2026-000003` */
  creditNote: { prefix: 'CN', width: 6, gapless: true, yearly: true, counter: 'credit_note' },
  /** `RF-000001` */
  refund: { prefix: 'RF', width: 6, gapless: false, yearly: false, sequence: 'refund_number_seq' },
  /** `RET-000001` */
  return: { prefix: 'RET', width: 6, gapless: false, yearly: false, sequence: 'return_number_seq' },
  /** `SALE-000012` */
  offlineSale: { prefix: 'SALE', width: 6, gapless: false, yearly: false, sequence: 'offline_sale_number_seq' },
  /** `PO-000003` */
  purchase: { prefix: 'PO', width: 6, gapless: false, yearly: false, sequence: 'purchase_number_seq' },
  /** `PINV-2026-000005` */
  purchaseInvoice: { prefix: 'PINV', width: 6, gapless: true, yearly: true, counter: 'purchase_invoice' },
  /** `SC-000042`: a stock count's number is its id */
  stockCount: { prefix: 'SC', width: 6, gapless: false, yearly: false, sequence: 'stock_counts_id_seq' },
} as const satisfies Record<string, DocumentSeries>;

/** The year argument a series needs: yearly series are numbered within a year, the others take none. */
type YearOf<S extends DocumentSeries> = S extends { yearly: true } ? [year: number] : [];
type YearSqlOf<S extends DocumentSeries> = S extends { yearly: true } ? [year: string] : [];

/** `documentNumber(DOCUMENT_SERIES.order, 42)` is `ORD-000042`; `(…invoice, 17, 2026)` is `INV-2026-000017`. */
export function documentNumber<S extends DocumentSeries>(series: S, n: number, ...yearly: YearOf<S>): string {
  const year = (yearly as readonly number[])[0];
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`a document's running number is a positive integer, not ${n}`);
  const running = String(n).padStart(series.width, '0');
  return series.yearly ? `${series.prefix}-${yearOrThrow(year)}-${running}` : `${series.prefix}-${running}`;
}

/**
 * The next number of the series, taken in the caller's transaction (one round trip). For a gapless
 * series this locks the series' counter row until the transaction ends.
 */
export async function nextDocumentNumber<S extends DocumentSeries>(manager: EntityManager, series: S, ...year: YearOf<S>): Promise<string> {
  const yearly = series.yearly ? [yearOrThrow((year as number[])[0])] : [];
  const sql = documentNumberSql(series, ...((series.yearly ? ['$1::int'] : []) as YearSqlOf<S>));
  const [row] = await manager.query(`WITH ${sql.with} SELECT ${sql.number} AS number FROM next_number`, yearly);
  return row.number;
}

/**
 * The same numbering as SQL, for numbering a row in the very statement that inserts it (one round
 * trip while a gapless counter row is locked, so it is held for one statement and the commit):
 *
 * ```ts
 * const numbering = documentNumberSql(DOCUMENT_SERIES.invoice, '$2::int');
 * `WITH ${numbering.with} INSERT INTO invoices (id, number, …) SELECT $1, ${numbering.number}, … FROM next_number`
 * ```
 *
 * `with` defines the one-row `next_number (last)`; `number` is the text number over it; `year` is
 * an SQL expression (a parameter) of yearly series. The statement must read `FROM next_number`
 * once, so the counter moves once.
 */
export function documentNumberSql<S extends DocumentSeries>(series: S, ...yearly: YearSqlOf<S>): { with: string; number: string } {
  const year = (yearly as readonly string[])[0];
  assertSafeSeries(series);
  const running = `lpad(next_number.last::text, greatest(${series.width}, length(next_number.last::text)), '0')`;
  if (!series.gapless) {
    return {
      with: `next_number AS (SELECT nextval('${series.sequence}') AS last)`,
      number: `'${series.prefix}-' || ${running}`,
    };
  }
  if (series.yearly && !year) throw new Error(`${series.prefix} numbers are counted per year: give the year's SQL`);
  const yearSql = series.yearly ? year : '0';
  return {
    with: `next_number AS (
       INSERT INTO document_counters (kind, year, last) VALUES ('${series.counter}', ${yearSql}, 1)
       ON CONFLICT (kind, year) DO UPDATE SET last = document_counters.last + 1 RETURNING last)`,
    number: series.yearly ? `'${series.prefix}-' || ${yearSql} || '-' || ${running}` : `'${series.prefix}-' || ${running}`,
  };
}

function yearOrThrow(year: number | undefined): number {
  if (year === undefined || !Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`a yearly series needs a year, not ${year}`);
  return year;
}

/** Series are constants of this file, inlined into SQL: refuse anything that is not a plain word. */
function assertSafeSeries(series: DocumentSeries): void {
  const names = [series.prefix, series.gapless ? series.counter : series.sequence];
  if (!/^[A-Z]+$/.test(series.prefix) || names.some((name) => !/^[A-Za-z_]+$/.test(name)) || !Number.isInteger(series.width) || series.width < 1)
    throw new Error(`not a document series: ${JSON.stringify(series)}`);
}
