import type { EntityManager } from 'typeorm';

/**
 * The next number of a gapless series (`INV` of 2026: 1, 2, 3, ...), taken in the caller's
 * transaction: the counter row stays locked until commit, and a rollback gives the number back,
 * so numbers never skip or repeat. Take it late in the transaction: it serialises the series.
 */
export async function nextDocumentNumber(manager: EntityManager, kind: string, year: number): Promise<number> {
  const [row] = await manager.query(nextDocumentNumberSql('$1', '$2'), [kind, year]);
  return row.last;
}

/**
 * The same counter as SQL, for numbering a row in the very statement that inserts it (one round
 * trip while the counter row is locked): `WITH next_number AS (${nextDocumentNumberSql('$1', '$2')})
 * INSERT ... SELECT ${documentNumberSql("'INV'", '$2')} ... FROM next_number`.
 */
export const nextDocumentNumberSql = (kind: string, year: string): string =>
  `INSERT INTO document_counters (kind, year, last) VALUES (${kind}, ${year}, 1)
   ON CONFLICT (kind, year) DO UPDATE SET last = document_counters.last + 1 RETURNING last`;

/** `documentNumber` in SQL, over `next_number.last`. */
export const documentNumberSql = (prefix: string, year: string): string =>
  `${prefix} || '-' || ${year} || '-' || lpad(next_number.last::text, greatest(6, length(next_number.last::text)), '0')`;

/** `INV-2026-000017` */
export const documentNumber = (prefix: string, year: number, n: number): string => `${prefix}-${year}-${String(n).padStart(6, '0')}`;
