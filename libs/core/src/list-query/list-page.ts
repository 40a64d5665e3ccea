import {
  Injectable,
  applyDecorators,
  createParamDecorator,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { contentRange, likePattern, parseListQuery, type ListQuery, type ListSpec } from './list-query.js';

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

/** OpenAPI description of the list protocol on an endpoint. */
export function ApiList(spec: ListSpec): MethodDecorator {
  const filters = ['id (one id or an array)', ...(spec.searchable ? ['q (search)'] : []), ...Object.keys(spec.filters ?? {})];
  return applyDecorators(
    ApiQuery({ name: 'sort', required: false, description: `JSON ["field","ASC"|"DESC"]; fields: ${spec.sortable.join(', ')}`, example: JSON.stringify(spec.defaultSort) }),
    ApiQuery({ name: 'range', required: false, description: `JSON [start,end], inclusive, at most ${spec.maxRows} rows`, example: '[0,24]' }),
    ApiQuery({ name: 'filter', required: false, description: `JSON object; keys: ${filters.join(', ')}`, example: '{}' }),
    ApiResponse({ status: 200, description: `A JSON array; header Content-Range: ${spec.resource} start-end/total`, headers: { 'Content-Range': { description: `${spec.resource} 0-24/319`, schema: { type: 'string' } } } }),
    ApiHeader({ name: 'Accept', required: false }),
  );
}

export interface ListColumns {
  /** api field → `alias.property`, for sorting and filtering; `id` is required */
  columns: Record<string, string>;
  /** `alias.property` paths searched by `q` (case-insensitive) */
  search?: readonly string[];
  /** further SQL conditions for `q`, using the parameter `:listQ` (an ILIKE pattern) */
  searchConditions?: readonly string[];
  /** filters that need their own SQL */
  custom?: Record<string, (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown) => void>;
}

/**
 * Applies a parsed list query to a TypeORM query builder: ids, `q`, filters (`field`, `field_gte`,
 * `field_lte`; arrays become IN), sort with the id as tie-breaker, offset and limit.
 */
export function applyListQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  list: ListColumns,
): SelectQueryBuilder<T> {
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
  const sortColumn = list.columns[query.sort.field];
  if (!sortColumn) throw new Error(`list sort ${query.sort.field} has no column`);
  qb.orderBy(sortColumn, query.sort.order);
  if (sortColumn !== id) qb.addOrderBy(id, query.sort.order);
  // list joins are to-one, so plain OFFSET/LIMIT is exact (to-many children are loaded with one IN query)
  return qb.offset(query.offset).limit(query.limit);
}

/** Runs the list query and wraps the result as a page. */
export async function findPage<T extends ObjectLiteral>(
  resource: string,
  qb: SelectQueryBuilder<T>,
  query: ListQuery,
  list: ListColumns,
): Promise<ListPage<T>> {
  const [rows, total] = await applyListQuery(qb, query, list).getManyAndCount();
  return new ListPage(resource, rows, query.offset, total);
}
