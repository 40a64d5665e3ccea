import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The child rows (lines, payments, variants) of a page of parents in one query, grouped by
 * parent: what keeps list endpoints free of N+1 queries.
 */
export async function loadChildren<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  foreignKey: keyof T & string,
  parentIds: readonly number[],
  orderBy: readonly (keyof T & string)[] = ['id'],
): Promise<Map<number, T[]>> {
  const byParent = new Map<number, T[]>();
  if (parentIds.length === 0) return byParent;
  const qb = manager.createQueryBuilder(entity, 'child').where(`child.${foreignKey} = ANY(:parentIds)`, { parentIds });
  orderBy.forEach((column, i) => (i === 0 ? qb.orderBy(`child.${column}`) : qb.addOrderBy(`child.${column}`)));
  for (const row of await qb.getMany()) appendTo(byParent, row[foreignKey] as number, row);
  return byParent;
}

export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
