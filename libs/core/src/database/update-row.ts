import type { EntityManager } from 'typeorm';

/**
 * A partial update: sets the columns of the fields present in `changes` (undefined = leave as
 * is, null = clear) on the row whose `key` is `id`. Returns false when nothing was to change.
 */
export async function updateRow(
  manager: EntityManager,
  table: string,
  id: number,
  changes: object,
  columns: Record<string, string>,
  { key = 'id', touch = true }: { key?: string; touch?: boolean } = {},
): Promise<boolean> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [field, column] of Object.entries(columns)) {
    const value = (changes as Record<string, unknown>)[field];
    if (value === undefined) continue;
    const param = value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
    sets.push(`${column} = $${params.push(param)}`);
  }
  if (sets.length === 0) return false;
  if (touch) sets.push('updated_at = now()');
  await manager.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${key} = $1`, params);
  return true;
}
