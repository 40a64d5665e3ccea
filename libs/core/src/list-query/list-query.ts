import { YEARS_MESSAGE, parseInstant } from '../dates.js';
import { validationFailed } from '../errors/domain-error.js';

/**
 * The react-admin "simple REST" list protocol (docs/api.md#lists), as a pure parser:
 * `sort=["name","ASC"]&range=[0,24]&filter={"q":"shirt","categoryId":3}`.
 */
export type SortOrder = 'ASC' | 'DESC';

export type FilterType = 'int' | 'string' | 'boolean' | 'date' | 'enum';

export interface FilterSpec {
  type: FilterType;
  /** allowed values for `enum` */
  values?: readonly string[];
  /** a `date` filter that is an inclusive end: a date-only value means the end of that UTC day (docs/api.md#dates-and-times) */
  endOfDay?: boolean;
}

export interface ListSpec {
  /** name used in the Content-Range header */
  resource: string;
  /** largest page size: 1000 for admin lists, 100 for store lists */
  maxRows: number;
  /** fields the list may be sorted by */
  sortable: readonly string[];
  defaultSort: readonly [string, SortOrder];
  /** filters beyond `id` (always accepted) and `q` (accepted when `searchable`) */
  filters?: Readonly<Record<string, FilterSpec>>;
  searchable?: boolean;
}

export type FilterValue = number | string | boolean | Date | number[] | string[];

export interface ListQuery {
  sort: { field: string; order: SortOrder };
  offset: number;
  limit: number;
  ids?: number[];
  q?: string;
  filter: Record<string, FilterValue>;
}

export const ADMIN_MAX_ROWS = 1000;
export const STORE_MAX_ROWS = 100;
const MAX_INT = 2_147_483_647;

export function parseListQuery(raw: Record<string, unknown>, spec: ListSpec): ListQuery {
  const errors: Record<string, string> = {};
  const sort = parseSort(raw.sort, spec, errors);
  const range = parseRange(raw.range, spec, errors);
  const filter = parseFilter(raw.filter, spec, errors);
  if (Object.keys(errors).length > 0) throw validationFailed(errors, 'Invalid list query');
  return { sort, ...range, ...filter };
}

function parseJson(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== 'string') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}

function parseSort(raw: unknown, spec: ListSpec, errors: Record<string, string>): ListQuery['sort'] {
  const fallback = { field: spec.defaultSort[0], order: spec.defaultSort[1] };
  if (raw === undefined) return fallback;
  const parsed = parseJson(raw);
  if (!parsed.ok || !Array.isArray(parsed.value) || parsed.value.length !== 2) {
    errors.sort = 'must be a JSON array ["field","ASC"|"DESC"]';
    return fallback;
  }
  const [field, order] = parsed.value as unknown[];
  const upper = typeof order === 'string' ? order.toUpperCase() : '';
  if (typeof field !== 'string' || !spec.sortable.includes(field)) {
    errors.sort = `cannot sort by ${String(field)}; sortable: ${spec.sortable.join(', ')}`;
    return fallback;
  }
  if (upper !== 'ASC' && upper !== 'DESC') {
    errors.sort = 'order must be ASC or DESC';
    return fallback;
  }
  return { field, order: upper };
}

function parseRange(raw: unknown, spec: ListSpec, errors: Record<string, string>): { offset: number; limit: number } {
  const fallback = { offset: 0, limit: Math.min(25, spec.maxRows) };
  if (raw === undefined) return fallback;
  const parsed = parseJson(raw);
  const value = parsed.ok ? parsed.value : undefined;
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((n) => Number.isSafeInteger(n) && (n as number) >= 0 && (n as number) <= MAX_INT) ||
    (value[1] as number) < (value[0] as number)
  ) {
    errors.range = 'must be a JSON array [start,end] of integers with 0 <= start <= end';
    return fallback;
  }
  const [start, end] = value as [number, number];
  const limit = end - start + 1;
  if (limit > spec.maxRows) {
    errors.range = `at most ${spec.maxRows} rows per page`;
    return fallback;
  }
  return { offset: start, limit };
}

function parseFilter(raw: unknown, spec: ListSpec, errors: Record<string, string>): { ids?: number[]; q?: string; filter: Record<string, FilterValue> } {
  const out: { ids?: number[]; q?: string; filter: Record<string, FilterValue> } = { filter: {} };
  if (raw === undefined) return out;
  const parsed = parseJson(raw);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    errors.filter = 'must be a JSON object';
    return out;
  }
  for (const [key, value] of Object.entries(parsed.value as Record<string, unknown>)) {
    if (Array.isArray(value) && value.length === 0 && (key === 'id' || spec.filters?.[key])) {
      // docs/api.md#limits: an empty array matches nothing (never an `IN ()`)
      if (key === 'id') out.ids = [];
      else out.filter[key] = [];
    } else if (key === 'id') {
      const ids = Array.isArray(value) ? value : [value];
      if (ids.length > spec.maxRows || !ids.every(isId)) {
        errors['filter.id'] = `must be an id or an array of at most ${spec.maxRows} ids`;
      } else {
        out.ids = ids.map(Number);
      }
    } else if (key === 'q' && spec.searchable) {
      if (typeof value !== 'string' || value.length > 200) errors['filter.q'] = 'must be a string of at most 200 characters';
      else if (value.trim() !== '') out.q = value.trim();
    } else if (spec.filters?.[key]) {
      const coerced = coerceFilter(value, spec.filters[key]);
      if (coerced === undefined) errors[`filter.${key}`] = describe(spec.filters[key]);
      else out.filter[key] = coerced;
    } else {
      errors[`filter.${key}`] = 'is not a filter of this list';
    }
  }
  return out;
}

/** True when a filter is an empty array: the list is empty whatever else it says (docs/api.md#limits). */
export function matchesNothing(query: Pick<ListQuery, 'ids' | 'filter'>): boolean {
  return query.ids?.length === 0 || Object.values(query.filter).some((value) => Array.isArray(value) && value.length === 0);
}

function isId(value: unknown): value is number {
  if (typeof value === 'string' && /^[1-9][0-9]{0,9}$/.test(value)) return Number(value) <= MAX_INT;
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_INT;
}

function coerceOne(value: unknown, spec: FilterSpec): number | string | boolean | Date | undefined {
  switch (spec.type) {
    case 'int':
      if (typeof value === 'string' && /^-?[0-9]{1,10}$/.test(value)) value = Number(value);
      return Number.isInteger(value) && Math.abs(value as number) <= MAX_INT ? (value as number) : undefined;
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      return typeof value === 'boolean' ? value : undefined;
    case 'string':
      return typeof value === 'string' && value.length <= 200 ? value : undefined;
    case 'enum':
      return typeof value === 'string' && spec.values?.includes(value) ? value : undefined;
    case 'date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return undefined;
      try {
        return parseInstant(value, { endOfDay: spec.endOfDay === true });
      } catch {
        return undefined;
      }
    }
  }
}

function coerceFilter(value: unknown, spec: FilterSpec): FilterValue | undefined {
  if (Array.isArray(value) && (spec.type === 'int' || spec.type === 'string' || spec.type === 'enum')) {
    if (value.length === 0 || value.length > 1000) return undefined;
    const items = value.map((v) => coerceOne(v, spec));
    if (items.some((v) => v === undefined)) return undefined;
    return items as number[] | string[];
  }
  return coerceOne(value, spec);
}

function describe(spec: FilterSpec): string {
  switch (spec.type) {
    case 'enum':
      return `must be one of ${spec.values?.join(', ')}`;
    case 'int':
      return 'must be an integer';
    case 'boolean':
      return 'must be true or false';
    case 'date':
      return `must be a date (YYYY-MM-DD) or an ISO 8601 instant ${YEARS_MESSAGE}`;
    default:
      return 'must be a string of at most 200 characters';
  }
}

/** The `Content-Range` header value: `products 0-24/319`; with no rows, a star and the total. */
export function contentRange(resource: string, offset: number, count: number, total: number): string {
  if (count === 0) return `${resource} */${total}`;
  return `${resource} ${offset}-${offset + count - 1}/${total}`;
}

/** Escapes a user's text for use inside an ILIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
