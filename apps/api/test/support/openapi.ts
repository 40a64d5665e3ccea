import fc from 'fast-check';

/** Reading the API's own OpenAPI document: its operations, and request bodies generated from its schemas. */
export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean }[];
  bodySchema?: Schema;
  /** the media types its request body may have (`application/json`, `multipart/form-data`), none when it takes no body */
  bodyTypes: string[];
}

export interface Schema {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  format?: string;
  minimum?: number;
  maximum?: number;
  additionalProperties?: unknown;
  allOf?: Schema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

export function operations(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        bodySchema: content['application/json']?.schema,
        bodyTypes: Object.keys(content),
      });
    }
  }
  return ops;
}

export function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf)
    return schema.allOf.reduce<Schema>((all, part) => {
      const r = resolve(doc, part);
      return { ...all, ...r, properties: { ...all.properties, ...r.properties }, required: [...(all.required ?? []), ...(r.required ?? [])] };
    }, {});
  return schema;
}

const nasty = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constant('x'.repeat(20_000)),
  fc.constant('\u0000\u202e<script>alert(1)</script>'),
  fc.integer(),
  fc.constantFrom(-1, 0, -2147483649, 2147483648, Number.MAX_SAFE_INTEGER, 1e308, -0.5, 3.14),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({ $gt: '' }),
  fc.constant('2026-13-45'),
);

/** A plausible value for a schema (the happy path the mutations start from). */
export function valueFor(doc: OpenApiDocument, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (depth > 4) return fc.constant(null);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.integer({ min: Math.max(schema.minimum ?? 0, 0), max: Math.min(schema.maximum ?? 5000, 5000) });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(doc, schema.items, depth + 1), { minLength: 1, maxLength: 3 });
    case 'string':
      if (schema.format === 'date-time')
        return fc.date({ min: new Date('2026-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      return fc.oneof(fc.constantFrom('tok_visa', 'WELCOME10', 'a@b.co', '2026-12-24', 'Test', 'size'), fc.string({ minLength: 1, maxLength: 12 }));
    default:
      if (schema.properties) {
        const entries = Object.entries(schema.properties).map(([k, v]) => [k, valueFor(doc, v, depth + 1)] as const);
        return fc.record(Object.fromEntries(entries), { requiredKeys: schema.required ?? [] });
      }
      return fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 });
  }
}

/** The plausible body, then one of: a field of a wrong type, a missing field, an extra field, or garbage. */
export function mutatedBody(doc: OpenApiDocument, schema: Schema | undefined): fc.Arbitrary<unknown> {
  const base = valueFor(doc, schema);
  return fc.oneof(
    base,
    fc.tuple(base, fc.string({ minLength: 1, maxLength: 8 }), nasty).map(([body, key, value]) => mutate(body, key, value, 'set')),
    fc.tuple(base, fc.nat()).map(([body, n]) => mutate(body, n, undefined, 'drop')),
    fc
      .tuple(base, fc.constantFrom('total', 'paymentStatus', 'role', 'stock', 'costPrice', 'price', 'status', 'timesUsed', 'id'), nasty)
      .map(([body, key, value]) => mutate(body, key, value, 'set')),
    fc.tuple(base, fc.nat(), nasty).map(([body, n, value]) => mutate(body, n, value, 'replace')),
    nasty,
  );
}

function mutate(body: unknown, key: string | number, value: unknown, how: 'set' | 'drop' | 'replace'): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return how === 'set' ? { [key]: value } : body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (how === 'set') copy[String(key)] = value;
  else if (keys.length > 0) {
    const target = keys[Number(key) % keys.length];
    if (how === 'drop') delete copy[target];
    else copy[target] = value;
  }
  return copy;
}

export const pathParam = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 30 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-1', 'abc', '1.5', '99999999999999', '%00', '%E0%A4%A', '..%2F..', 'mine', "1' OR '1'='1") },
);

export const queryString = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    'range=[0,9]',
    'range=[0,5000]',
    'range=[-1,2]',
    'sort=["id","DESC"]',
    'sort=["nope","ASC"]',
    'filter={"q":"a"}',
    'filter={"id":[1,2]}',
    'filter=garbage',
    'filter={"status":"x"}',
    'from=2026-01-01&to=2026-12-31',
    'groupBy=week',
  ),
  fc.string({ maxLength: 30 }).map((s) => `filter=${encodeURIComponent(s)}`),
);
