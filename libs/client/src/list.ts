/**
 * The list protocol of docs/api.md#lists (react-admin "simple REST"): `sort`, `range` and `filter`
 * are JSON in the query string; the answer is a JSON array with `Content-Range: <resource>
 * <start>-<end>/<total>`.
 */

export type SortOrder = 'ASC' | 'DESC';

export interface ListRequest<Field extends string = string> {
  sort?: [Field, SortOrder];
  /** inclusive, as the protocol has it: [0, 23] is the first 24 rows */
  range?: [number, number];
  filter?: object;
}

/** The query parameters of a list request (undefined ones are left out). */
export function listQuery(request: ListRequest = {}): { sort?: string; range?: string; filter?: string } {
  const query: { sort?: string; range?: string; filter?: string } = {};
  if (request.sort) query.sort = JSON.stringify(request.sort);
  if (request.range) query.range = JSON.stringify(request.range);
  if (request.filter) {
    const filter = Object.fromEntries(Object.entries(request.filter as Record<string, unknown>).filter(([, value]) => value !== undefined && value !== ''));
    if (Object.keys(filter).length > 0) query.filter = JSON.stringify(filter);
  }
  return query;
}

/** The range of a page: page 0 of 24 rows is [0, 23]. */
export const pageRange = (page: number, perPage: number): [number, number] => [page * perPage, page * perPage + perPage - 1];

export interface ContentRange {
  resource: string;
  /** first row's offset; for an empty page, the requested start */
  start: number;
  /** last row's offset (inclusive); start - 1 for an empty page */
  end: number;
  /** rows matching the filter in all */
  total: number;
}

const CONTENT_RANGE = /^\s*([A-Za-z0-9_-]+)\s+(?:(\d+)-(\d+)|\*)\/(\d+)\s*$/;

/**
 * Parses `products 0-24/319` (and `products *\/0`, an empty result). Returns null for a
 * missing or malformed header.
 */
export function parseContentRange(header: string | null | undefined): ContentRange | null {
  if (!header) return null;
  const match = CONTENT_RANGE.exec(header);
  if (!match) return null;
  const total = Number(match[4]);
  if (match[2] === undefined) return { resource: match[1], start: 0, end: -1, total };
  const start = Number(match[2]);
  const end = Number(match[3]);
  if (end < start - 1) return null;
  return { resource: match[1], start, end, total };
}

export interface Page<T> {
  items: T[];
  total: number;
  start: number;
  end: number;
}

/** A page from the rows and the Content-Range header (the rows' own count when the header is absent). */
export function pageOf<T>(items: T[], header: string | null | undefined): Page<T> {
  const range = parseContentRange(header);
  if (!range) return { items, total: items.length, start: 0, end: items.length - 1 };
  return { items, total: range.total, start: range.start, end: range.start + items.length - 1 };
}
