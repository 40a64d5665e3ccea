import { Readable, pipeline } from 'node:stream';
import { Logger, StreamableFile, applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { FastifyRequest } from 'fastify';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ApiErrors } from '../http/api-errors.decorator.js';
import { validationFailed } from '../errors/domain-error.js';
import { csvHeader, csvRow, type CsvColumn } from './csv-row.js';
import { ApiFilterQuery, ApiSortQuery, applyListFilters, rowsInOrder, type ListColumns } from './list-page.js';
import { matchesNothing, parseListQuery, type ListQuery, type ListSpec } from './list-query.js';

/** Rows read per query: an export holds one page at a time, whatever the list's size. */
export const EXPORT_PAGE = 1000;

/**
 * A list as a CSV export (docs/api.md#exports): the list's own query, filters and sort, and the
 * columns of its list view.
 */
export interface ListExport<E extends ObjectLiteral, V> {
  /** the list's spec (filters and sortable fields, the same as the list's) */
  spec: ListSpec;
  /** the list's columns: how filters and sort map to SQL */
  columns: ListColumns;
  /** the list's query builder on this manager, its fixed conditions included (customers: role customer) */
  query: (manager: EntityManager) => SelectQueryBuilder<E>;
  /** a page of rows as the list shows them (children loaded in one query per page, never per row) */
  view: (manager: EntityManager, rows: E[]) => Promise<V[]> | V[];
  csv: readonly CsvColumn<V>[];
}

/** An export's query: the list's `sort` and `filter`; it has no `range` (it writes every matching row). */
function parseExportQuery(raw: Record<string, unknown>, spec: ListSpec): ListQuery {
  if (raw.range !== undefined) throw validationFailed({ range: 'an export has no range: it writes every row the filter matches' }, 'Invalid list query');
  const query = parseListQuery({ sort: raw.sort, filter: raw.filter }, spec);
  return { ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER };
}

/** Parses `sort` and `filter` of the request against the list's spec (400 when malformed, as the list). */
export const ExportParams = createParamDecorator((spec: ListSpec, context: ExecutionContext): ListQuery => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return parseExportQuery((request.query ?? {}) as Record<string, unknown>, spec);
});

/** OpenAPI description of an export endpoint: its query parameters, its CSV answer and its columns. */
export function ApiListExport(spec: ListSpec, headers: readonly string[], what: string = spec.resource): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: `Export ${what} as CSV`,
      description:
        `Every ${what} row the list's filter matches, in the list's sort, as CSV (UTF-8, a header row, RFC 4180 quoting): never capped, ` +
        'streamed a page at a time from one consistent snapshot. Takes the list’s `sort` and `filter` (no `range`: a range is a 400). ' +
        `Columns: ${headers.join(', ')}. Money in integer minor units, instants in ISO 8601 UTC, empty cells for none; text starting ` +
        "with = + - @ gets a leading ' so spreadsheets do not run it as a formula. A bad filter or sort is a 400 VALIDATION_FAILED, as for the list.",
    }),
    ApiProduces('text/csv'),
    ApiSortQuery(spec),
    ApiFilterQuery(spec),
    ApiResponse({
      status: 200,
      description: `text/csv; charset=utf-8, as an attachment ${spec.resource}.csv`,
      content: { 'text/csv': { schema: { type: 'string' }, example: `${headers.join(',')}\r\n` } },
    }),
    ApiErrors(),
  );
}

/**
 * The export as a downloadable CSV file: pages of the list found by keyset on (sort field, id),
 * never OFFSET, all read in one snapshot (see `inSnapshot`); only one page and the socket's buffer
 * are ever in memory.
 */
export function listCsvFile<E extends ObjectLiteral, V>(dataSource: DataSource, definition: ListExport<E, V>, query: ListQuery): StreamableFile {
  return csvFile(definition.spec.resource, exportRows(dataSource, definition, query)); // <resource>.csv
}

/**
 * Rows as a downloadable CSV file `<fileName>.csv`, written as they are read. Closing the stream
 * early (the client went away) stops reading (and so ends an `inSnapshot` transaction); any other
 * failure is logged.
 */
export function csvFile(fileName: string, rows: AsyncIterable<string[]>): StreamableFile {
  const stream = pipeline(Readable.from(rows, { objectMode: true }), stringify({ eof: true }), (error) => {
    if (error && error.name !== 'AbortError' && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      logger.error(`${fileName} export failed: ${error.message}`);
    }
  });
  return new StreamableFile(stream, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${fileName}.csv"` });
}

const logger = new Logger('ListExport');

/**
 * What `read` yields, all of it read in one REPEATABLE READ READ ONLY transaction on a connection
 * of its own, so a file of many pages is one consistent picture. Stopped early (the reader went
 * away, an error), it ends its transaction before the connection goes back.
 */
export async function* inSnapshot<T>(dataSource: DataSource, read: (manager: EntityManager) => AsyncIterable<T>): AsyncGenerator<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let open = false;
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    yield* read(runner.manager);
    await runner.query('COMMIT');
    open = false;
  } finally {
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}

async function* exportRows<E extends ObjectLiteral, V>(dataSource: DataSource, definition: ListExport<E, V>, query: ListQuery): AsyncGenerator<string[]> {
  yield csvHeader(definition.csv);
  if (matchesNothing(query)) return;
  yield* inSnapshot(dataSource, (manager) => listRows(manager, definition, query));
}

async function* listRows<E extends ObjectLiteral, V>(manager: EntityManager, definition: ListExport<E, V>, query: ListQuery): AsyncGenerator<string[]> {
  const base = applyListFilters(definition.query(manager), query, definition.columns);
  const keys = keyset(base, query, definition.columns);
  let after: { key: string | null; id: number } | undefined;
  for (;;) {
    const page = keys.page(after);
    const found: { id: number | string; k: string | null }[] = await page.limit(EXPORT_PAGE).getRawMany();
    if (found.length === 0) break;
    const ids = found.map((r) => Number(r.id));
    const rows = await rowsInOrder(base, keys.id, ids);
    for (const view of await definition.view(manager, rows)) yield csvRow(definition.csv, view);
    if (found.length < EXPORT_PAGE) break;
    const last = found[found.length - 1];
    after = { key: last.k, id: Number(last.id) };
  }
}

/**
 * Keyset paging in the list's order (sort field, then id, both in the sort's direction;
 * PostgreSQL puts NULLs last ascending, first descending). The sort key is carried as text (exact
 * for every type: timestamps keep their microseconds) and compared in the column's own type.
 */
function keyset<E extends ObjectLiteral>(base: SelectQueryBuilder<E>, query: ListQuery, list: ListColumns) {
  const id = list.columns.id;
  const sort = list.columns[query.sort.field];
  if (!sort) throw new Error(`list sort ${query.sort.field} has no column`);
  const asc = query.sort.order === 'ASC';
  const byId = sort === id;
  const nullable = byId ? false : isNullable(base, sort);
  return {
    id,
    page(after?: { key: string | null; id: number }): SelectQueryBuilder<E> {
      const qb = base.clone().select(id, 'id').addSelect(`CAST(${sort} AS text)`, 'k').orderBy(sort, query.sort.order);
      if (!byId) qb.addOrderBy(id, query.sort.order);
      if (!after) return qb;
      const cmp = asc ? '>' : '<';
      const params = { exportKey: after.key, exportId: after.id };
      if (byId) return qb.andWhere(`${id} ${cmp} :exportId`, params);
      if (after.key === null) {
        return qb.andWhere(asc ? `(${sort} IS NULL AND ${id} > :exportId)` : `((${sort} IS NULL AND ${id} < :exportId) OR ${sort} IS NOT NULL)`, params);
      }
      const after_ = `(${sort}, ${id}) ${cmp} (:exportKey, :exportId)`;
      return qb.andWhere(asc && nullable ? `(${after_} OR ${sort} IS NULL)` : after_, params);
    },
  };
}

/** Whether a list column (`alias.property`) may hold NULL, from the entity's metadata; true when unknown. */
function isNullable(qb: SelectQueryBuilder<ObjectLiteral>, path: string): boolean {
  const [alias, property] = path.split('.');
  if (!property) return true;
  const metadata = qb.expressionMap.aliases.find((a) => a.name === alias)?.metadata;
  return metadata?.findColumnWithPropertyPath(property)?.isNullable ?? true;
}
