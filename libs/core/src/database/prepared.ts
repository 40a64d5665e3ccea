import { createHash } from 'node:crypto';
import { QueryFailedError, type EntityManager } from 'typeorm';

/** A statement's name on a connection: derived from its text, so one name always means one text. */
const names = new Map<string, string>();
export const preparedName = (text: string): string => {
  let name = names.get(text);
  if (name === undefined) {
    name = `p${createHash('sha256').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
};

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a statement of a hot path (a checkout's order insert, a stock move) as a named prepared
 * statement of its connection: PostgreSQL parses and plans it once per connection, not on every
 * call (docs/operations.md, "Capacity"). Answers the rows, as `manager.query` does; a failure is
 * the same `QueryFailedError` (its `driverError` carries the SQLSTATE). Outside a transaction (no
 * query runner holding a connection) it is an ordinary query. The statement is logged as any other.
 */
export async function preparedQuery<T = Record<string, unknown>>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner || runner.isReleased || !runner.isTransactionActive) return manager.query(text, values);
  const connection = (await runner.connect()) as PgConnection;
  manager.dataSource.logger.logQuery(text, values, runner);
  try {
    return (await connection.query({ name: preparedName(text), text, values })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}
