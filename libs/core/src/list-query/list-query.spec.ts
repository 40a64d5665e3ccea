import { DomainError } from '../errors/domain-error.js';
import { contentRange, likePattern, matchesNothing, parseListQuery, type ListSpec } from './list-query.js';

const spec: ListSpec = {
  resource: 'products',
  maxRows: 1000,
  sortable: ['id', 'name', 'price'],
  defaultSort: ['id', 'ASC'],
  searchable: true,
  filters: {
    categoryId: { type: 'int' },
    isActive: { type: 'boolean' },
    status: { type: 'enum', values: ['pending', 'paid'] },
    placedAt_gte: { type: 'date' },
  },
};

function errorsOf(raw: Record<string, unknown>): Record<string, string> | undefined {
  try {
    parseListQuery(raw, spec);
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION_FAILED');
    return (e as DomainError).errors;
  }
  return undefined;
}

describe('parseListQuery', () => {
  it('parses the react-admin simple REST query', () => {
    const q = parseListQuery({ sort: '["name","DESC"]', range: '[50,74]', filter: '{"q":" shirt ","categoryId":3,"isActive":true}' }, spec);
    expect(q).toEqual({
      sort: { field: 'name', order: 'DESC' },
      offset: 50,
      limit: 25,
      q: 'shirt',
      filter: { categoryId: 3, isActive: true },
    });
  });

  it('uses defaults when nothing is given', () => {
    expect(parseListQuery({}, spec)).toEqual({ sort: { field: 'id', order: 'ASC' }, offset: 0, limit: 25, filter: {} });
  });

  it('accepts filter id as one id or a list', () => {
    expect(parseListQuery({ filter: '{"id":[1,2,"3"]}' }, spec).ids).toEqual([1, 2, 3]);
    expect(parseListQuery({ filter: '{"id":7}' }, spec).ids).toEqual([7]);
  });

  it('reads an empty array as a filter that matches nothing (never an IN ())', () => {
    const byId = parseListQuery({ filter: '{"id":[]}' }, spec);
    expect(byId.ids).toEqual([]);
    expect(matchesNothing(byId)).toBe(true);
    const byStatus = parseListQuery({ filter: '{"status":[],"categoryId":3}' }, spec);
    expect(byStatus.filter).toEqual({ status: [], categoryId: 3 });
    expect(matchesNothing(byStatus)).toBe(true);
    expect(matchesNothing(parseListQuery({ filter: '{"id":[1],"status":["paid"]}' }, spec))).toBe(false);
    expect(matchesNothing(parseListQuery({}, spec))).toBe(false);
    expect(errorsOf({ filter: '{"unknown":[]}' })).toEqual({ 'filter.unknown': 'is not a filter of this list' });
    expect(errorsOf({ filter: '{"q":[]}' })).toEqual({ 'filter.q': 'must be a string of at most 200 characters' });
  });

  it('caps the page size', () => {
    expect(parseListQuery({ range: '[0,999]' }, spec).limit).toBe(1000);
    expect(errorsOf({ range: '[0,1000]' })).toEqual({ range: 'at most 1000 rows per page' });
  });

  it.each([
    [{ range: '[5,1]' }, 'range'],
    [{ range: '[-1,3]' }, 'range'],
    [{ range: '[0.5,3]' }, 'range'],
    [{ range: 'nope' }, 'range'],
    [{ range: '{"a":1}' }, 'range'],
    [{ sort: '["password","ASC"]' }, 'sort'],
    [{ sort: '["name","SIDEWAYS"]' }, 'sort'],
    [{ sort: '"name"' }, 'sort'],
    [{ filter: '[1]' }, 'filter'],
    [{ filter: '{bad json' }, 'filter'],
    [{ filter: '{"unknown":1}' }, 'filter.unknown'],
    [{ filter: '{"categoryId":"x"}' }, 'filter.categoryId'],
    [{ filter: '{"status":"lost"}' }, 'filter.status'],
    [{ filter: '{"placedAt_gte":"yesterday"}' }, 'filter.placedAt_gte'],
    [{ filter: '{"placedAt_gte":"1899-12-31"}' }, 'filter.placedAt_gte'],
    [{ filter: '{"placedAt_gte":"9999-12-31T23:00:00-05:00"}' }, 'filter.placedAt_gte'],
    [{ filter: '{"id":[0]}' }, 'filter.id'],
    [{ filter: '{"id":{"a":1}}' }, 'filter.id'],
    [{ range: ['[0,1]', '[0,2]'] }, 'range'],
  ])('refuses %j with a message on %s', (raw, field) => {
    expect(Object.keys(errorsOf(raw) ?? {})).toContain(field);
  });

  it('coerces dates to instants at the start of the UTC day', () => {
    const q = parseListQuery({ filter: '{"placedAt_gte":"2026-11-25"}' }, spec);
    expect((q.filter.placedAt_gte as Date).toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });

  it('takes a date-only inclusive end as the end of that UTC day, an instant as it is', () => {
    const calendar: ListSpec = { ...spec, filters: { from: { type: 'date' }, to: { type: 'date', endOfDay: true } } };
    const days = parseListQuery({ filter: '{"from":"2026-11-25","to":"2026-11-25"}' }, calendar);
    expect([(days.filter.from as Date).toISOString(), (days.filter.to as Date).toISOString()]).toEqual([
      '2026-11-25T00:00:00.000Z',
      '2026-11-25T23:59:59.999Z',
    ]);
    const instant = parseListQuery({ filter: '{"to":"2026-11-25T10:00:00Z"}' }, calendar);
    expect((instant.filter.to as Date).toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });
});

describe('contentRange', () => {
  it('names the resource, the inclusive range and the total', () => {
    expect(contentRange('products', 0, 25, 319)).toBe('products 0-24/319');
    expect(contentRange('products', 300, 19, 319)).toBe('products 300-318/319');
    expect(contentRange('products', 0, 0, 0)).toBe('products */0');
  });
});

describe('likePattern', () => {
  it('escapes LIKE wildcards', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
