import type { EntityManager } from 'typeorm';

/**
 * The next number of a gapless series (`INV` of 2026: 1, 2, 3, ...), taken in the caller's
 * transaction: the counter row stays locked until commit, and a rollback gives the number back,
 * so numbers never skip or repeat. Take it late in the transaction: it serialises the series.
 */
export async function nextDocumentNumber(manager: EntityManager, kind: string, year: number): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO document_counters (kind, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (kind, year) DO UPDATE SET last = document_counters.last + 1
     RETURNING last`,
    [kind, year],
  );
  return row.last;
}

/** `INV-2026-000017` */
export const documentNumber = (prefix: string, year: number, n: number): string => `${prefix}-${year}-${String(n).padStart(6, '0')}`;
