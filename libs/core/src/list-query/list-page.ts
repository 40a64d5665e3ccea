import { Injectable, applyDecorators, type Type, createParamDecorator, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ApiErrors } from '../http/api-errors.decorator.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { contentRange, likePattern, matchesNothing, parseListQuery, type ListQuery, type ListSpec } from './list-query.js';

/** A page of a list: the controller returns it, the interceptor sends rows + `Content-Range`. */
export class ListPage<T> {
  constructor(
    readonly resource: string,
    readonly rows: T[],
    readonly offset: number,
    readonly total: number,
  ) {}

  map<U>(fn: (row: T) => U): ListPage<U> {
    return new ListPage(this.resource, this.rows.map(fn), this.offset, this.total);
  }
}

@Injectable()
export class ListPageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value) => {
        if (!(value instanceof ListPage)) return value;
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        reply.header('Content-Range', contentRange(value.resource, value.offset, value.rows.length, value.total));
        return value.rows;
      }),
    );
  }
}

/** Parses `sort`, `range` and `filter` of the request against the list's spec (400 when malformed). */
export const ListParams = createParamDecorator((spec: ListSpec, context: ExecutionContext): ListQuery => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return parseListQuery((request.query ?? {}) as Record<string, unknown>, spec);
});

/** What a list's OpenAPI entry says beyond the protocol: its summary, its rules, its row type. */
export interface ApiListOptions {
  summary: string;
  /** what the list holds and its own filters' meaning; the protocol's rules and refusals are added */
  description: string;
  /** the row's view class (a DTO with `@ApiProperty`) */
  type: Type<unknown>;
}

/**
 * OpenAPI description of a list endpoint (docs/api.md#lists): its summary and description (which
 * gains the protocol's rules: sort fields, range cap, filter keys, the 400 for a malformed
 * query), the `sort`, `range` and `filter` query parameters with examples, and its 200 answer, a JSON
 * array of the row type with the `Content-Range` header. With `options` it is the whole entry
 * (operation, parameters, answer, errors); without, the operation and row type come from separate
 * `@ApiOperation` and `@ApiResponse({ status: 200, type: [View] })` decorators.
 */
export function ApiList(spec: ListSpec, options?: ApiListOptions): MethodDecorator {
  return applyDecorators(
    ...(options
      ? [
          ApiOperation({ summary: options.summary, description: `${options.description} ${listRules(spec)}` }),
          ApiResponse({ status: 200, type: [options.type], ...listDoc(spec) }),
          ApiErrors(),
        ]
      : [listResponse(spec)]),
    ApiSortQuery(spec),
    ApiQuery({ name: 'range', type: String, required: false, description: `JSON [start,end], inclusive, at most ${spec.maxRows} rows`, example: '[0,24]' }),
    ApiFilterQuery(spec),
  );
}

/** The `sort` query parameter of a list, and of its export. */
export function ApiSortQuery(spec: ListSpec): MethodDecorator {
  return ApiQuery({
    name: 'sort',
    type: String,
    required: false,
    description: `JSON ["field","ASC"|"DESC"]; fields: ${spec.sortable.join(', ')}`,
    example: JSON.stringify(spec.defaultSort),
  });
}

/** The `filter` query parameter of a list, and of its export. */
export function ApiFilterQuery(spec: ListSpec): MethodDecorator {
  return ApiQuery({ name: 'filter', type: String, required: false, description: `JSON object; keys: ${listFilters(spec).join(', ')}`, example: '{}' });
}

/** The filter keys a list takes, for its description. */
function listFilters(spec: ListSpec): string[] {
  return ['id (one id or an array)', ...(spec.searchable ? ['q (search)'] : []), ...Object.keys(spec.filters ?? {})];
}

/** The list protocol's rules and refusals, as the end of a list's description. */
function listRules(spec: ListSpec): string {
  return (
    `A JSON array with the header Content-Range: ${spec.resource} start-end/total. Sorted by ${spec.defaultSort.join(' ')} unless \`sort\` names ` +
    `one of: ${spec.sortable.join(', ')} (the id breaks ties). \`range\` is at most ${spec.maxRows} rows. \`filter\` keys: ${listFilters(spec).join(', ')}; ` +
    'an empty array matches nothing. A malformed or unknown sort, range or filter is 400 VALIDATION_FAILED.'
  );
}

/** @nestjs/swagger's key for an operation's responses (not exported by the package) */
const API_RESPONSE_METADATA = 'swagger/apiResponse';

/**
 * Adds the list's description and `Content-Range` header to the operation's 200 response, keeping
 * the row type that a separate `@ApiResponse({ status: 200, type: [View] })` gives. (Through
 * `ApiResponse` itself, this entry's absent `type` would erase that one when `@ApiList` stands
 * above it, leaving typed clients with an untyped body; apps/api/test/openapi-types.e2e-spec.ts
 * checks every list has its row type.)
 */
function listResponse(spec: ListSpec): MethodDecorator {
  return (target, key, descriptor) => {
    const owner = descriptor?.value ?? target;
    const responses = (Reflect.getMetadata(API_RESPONSE_METADATA, owner) ?? {}) as Record<string, Record<string, unknown>>;
    const existing = responses['200'];
    if (!existing) return ApiResponse({ status: 200, ...listDoc(spec) })(target, key, descriptor);
    const doc = listDoc(spec);
    Reflect.defineMetadata(
      API_RESPONSE_METADATA,
      { ...responses, 200: { ...existing, description: existing.description || doc.description, headers: doc.headers } },
      owner,
    );
    return descriptor;
  };
}

const listDoc = (spec: ListSpec) => ({
  description: `A JSON array; header Content-Range: ${spec.resource} start-end/total`,
  headers: { 'Content-Range': { description: `${spec.resource} start-end/total`, schema: { type: 'string' as const, example: `${spec.resource} 0-24/319` } } },
});

export interface ListColumns {
  /** api field → `alias.property`, for sorting and filtering; `id` is required */
  columns: Record<string, string>;
  /** `alias.property` paths searched by `q` (case-insensitive) */
  search?: readonly string[];
  /** further SQL conditions for `q`, using the parameter `:listQ` (an ILIKE pattern) */
  searchConditions?: readonly string[];
  /** filters that need their own SQL */
  custom?: Record<string, (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) => void>;
  /**
   * For big tables: find the page's ids first (an index-only scan, cheap even 50,000 rows deep),
   * then fetch those rows, instead of reading and discarding every skipped row.
   */
  deferredJoin?: boolean;
}

/** Up to this many matches, totals are exact; above it, PostgreSQL's estimate (counting millions of rows per page view is too slow). */
export const EXACT_COUNT_LIMIT = 10_000;

/** Applies the list's filters (ids, `q`, `field`, `field_gte`, `field_lte`; arrays become IN) to a query builder. */
export function applyListFilters<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: ListQuery, list: ListColumns): SelectQueryBuilder<T> {
  if (matchesNothing(query)) return qb.andWhere('FALSE');
  const id = list.columns.id;
  if (query.ids) qb.andWhere(`${id} IN (:...listIds)`, { listIds: query.ids });
  const searches = [...(list.search ?? []).map((c) => `${c} ILIKE :listQ`), ...(list.searchConditions ?? [])];
  if (query.q && searches.length > 0) qb.andWhere(`(${searches.join(' OR ')})`, { listQ: likePattern(query.q) });
  let n = 0;
  for (const [key, value] of Object.entries(query.filter)) {
    const custom = list.custom?.[key];
    if (custom) {
      custom(qb as unknown as SelectQueryBuilder<ObjectLiteral>, value);
      continue;
    }
    const match = /^(.*?)(_gte|_lte)?$/.exec(key)!;
    const column = list.columns[match[1]];
    if (!column) throw new Error(`list filter ${key} has no column`);
    const param = `listF${n++}`;
    if (match[2]) qb.andWhere(`${column} ${match[2] === '_gte' ? '>=' : '<='} :${param}`, { [param]: value });
    else if (Array.isArray(value)) qb.andWhere(`${column} IN (:...${param})`, { [param]: value });
    else qb.andWhere(`${column} = :${param}`, { [param]: value });
  }
  return qb;
}

/** Sort (the id breaks ties), offset and limit. */
function applyPaging<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, query: ListQuery, list: ListColumns): SelectQueryBuilder<T> {
  const id = list.columns.id;
  const sortColumn = list.columns[query.sort.field];
  if (!sortColumn) throw new Error(`list sort ${query.sort.field} has no column`);
  qb.orderBy(sortColumn, query.sort.order);
  if (sortColumn !== id) qb.addOrderBy(id, query.sort.order);
  // list joins are to-one, so plain OFFSET/LIMIT is exact (to-many children are loaded with one IN query)
  return qb.offset(query.offset).limit(query.limit);
}

/**
 * Runs the list query and wraps the result as a page: the rows (through a deferred join for big
 * tables) and the total, counted exactly up to EXACT_COUNT_LIMIT and estimated above it; a short
 * page needs no count at all.
 */
export async function findPage<T extends ObjectLiteral>(
  resource: string,
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  list: ListColumns,
): Promise<ListPage<T>> {
  if (matchesNothing(query)) return new ListPage(resource, [], query.offset, 0);
  applyListFilters(qb, query, list);
  const counting = qb.clone();
  let rows: T[];
  if (list.deferredJoin) {
    const idColumn = list.columns.id;
    const ids = (await applyPaging(qb.clone().select(idColumn, 'id'), query, list).getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
    rows = await rowsInOrder(qb, idColumn, ids);
  } else {
    rows = await applyPaging(qb, query, list).getMany();
  }
  const total =
    rows.length > 0 && rows.length < query.limit ? query.offset + rows.length : query.offset === 0 && rows.length === 0 ? 0 : await countRows(counting, list);
  return new ListPage(resource, rows, query.offset, total);
}

/** The rows of the list query `qb` with these ids (found first, by an index), in the ids' order; a row gone since is left out. */
export async function rowsInOrder<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, idColumn: string, ids: number[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const found = await qb.clone().andWhere(`${idColumn} IN (:...pageIds)`, { pageIds: ids }).getMany();
  const byId = new Map(found.map((row) => [Number(row.id), row]));
  return ids.map((id) => byId.get(id)).filter((row): row is Awaited<T> => row !== undefined);
}

async function countRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, list: ListColumns): Promise<number> {
  const [sql, params] = qb.select(list.columns.id).orderBy().getQueryAndParameters();
  const [{ n }] = await qb.connection.query(`SELECT count(*)::int AS n FROM (${sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) matches`, params);
  if (n <= EXACT_COUNT_LIMIT) return n;
  const [{ 'QUERY PLAN': plan }] = await qb.connection.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return Math.max(EXACT_COUNT_LIMIT + 1, Math.round(plan[0].Plan['Plan Rows']));
}
