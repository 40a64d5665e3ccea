import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { csvFile, inSnapshot } from './list-export.js';

/** A data source whose one connection records the statements run on it and whether it went back. */
function recordingSource() {
  const statements: string[] = [];
  let gone!: () => void;
  const connection = { released: false, back: new Promise<void>((resolve) => (gone = resolve)) };
  const manager = {} as EntityManager;
  const runner = {
    manager,
    connect: async () => undefined,
    query: async (sql: string) => void statements.push(sql),
    release: async () => {
      connection.released = true;
      gone();
    },
  };
  return { dataSource: { createQueryRunner: () => runner } as unknown as DataSource, statements, connection, manager };
}

async function* numbers(count: number): AsyncGenerator<string[]> {
  for (let n = 1; n <= count; n++) yield [String(n)];
}

describe('inSnapshot', () => {
  it('reads everything in one read-only repeatable-read transaction on its own connection, then commits and gives it back', async () => {
    const { dataSource, statements, connection, manager } = recordingSource();
    const seen: EntityManager[] = [];
    const rows: string[][] = [];
    for await (const row of inSnapshot(dataSource, (m) => (seen.push(m), numbers(3)))) rows.push(row);
    expect(rows).toEqual([['1'], ['2'], ['3']]);
    expect(seen).toEqual([manager]);
    expect(statements).toEqual(['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', 'COMMIT']);
    expect(connection.released).toBe(true);
  });

  it('rolls back and gives the connection back when the reader stops early', async () => {
    const { dataSource, statements, connection } = recordingSource();
    for await (const row of inSnapshot(dataSource, () => numbers(1000))) if (row[0] === '2') break;
    expect(statements).toEqual(['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', 'ROLLBACK']);
    expect(connection.released).toBe(true);
  });

  it('rolls back, gives the connection back and passes the error on when reading fails', async () => {
    const { dataSource, statements, connection } = recordingSource();
    async function* failing(): AsyncGenerator<string[]> {
      yield ['1'];
      throw new Error('read failed');
    }
    const read = async () => {
      for await (const row of inSnapshot(dataSource, failing)) void row;
    };
    await expect(read()).rejects.toThrow('read failed');
    expect(statements).toEqual(['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', 'ROLLBACK']);
    expect(connection.released).toBe(true);
  });
});

describe('csvFile', () => {
  it('writes the rows as a CSV attachment', async () => {
    const file = csvFile('things', numbers(2));
    expect(file.getHeaders()).toMatchObject({ type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="things.csv"' });
    const chunks: Buffer[] = [];
    for await (const chunk of file.getStream()) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString('utf8')).toBe('1\n2\n');
  });

  it('ends the snapshot when the download is closed early (the client went away)', async () => {
    const { dataSource, statements, connection } = recordingSource();
    const stream = csvFile(
      'things',
      inSnapshot(dataSource, () => numbers(1_000_000)),
    ).getStream() as Readable;
    await once(stream, 'data');
    stream.destroy();
    await connection.back;
    expect(statements).toEqual(['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', 'ROLLBACK']);
    expect(connection.released).toBe(true);
  });
});
