import { readFile } from 'node:fs/promises';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the generator is shared with `npm run openapi:types` (tools/), which is no Nx project
import { SCHEMA_COMMAND, SCHEMA_FILES, schemaPath, schemaSource } from '../../../tools/openapi/schema-source.js';
import { loadConfig } from '../src/config.js';
import { previewOpenApiDocument } from '../src/openapi.js';
import { startTestApi, type TestApi } from './support/test-api.js';

// docs/architecture.md, "One contract": the SPA's and the store client's types are generated from the
// OpenAPI document, so the committed files must be what the current DTOs generate.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

/** The first line where the two texts differ, as a short note for the failure message. */
function firstDifference(committed: string, current: string): string {
  const a = committed.split('\n');
  const b = current.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `first difference at line ${at + 1}:\n  committed: ${a[at] ?? '(end of file)'}\n  current:   ${b[at] ?? '(end of file)'}`;
}

describe('the client types generated from the OpenAPI document', () => {
  it.each(SCHEMA_FILES)(`%s is up to date with the API's DTOs`, async (file) => {
    const reply = await api.request('GET', '/api/openapi.json');
    expect(reply.status).toBe(200);
    const current = await schemaSource(reply.body);
    const committed = await readFile(schemaPath(file), 'utf8').catch(() => '');
    if (committed !== current) {
      throw new Error(`${file} is stale: run \`${SCHEMA_COMMAND}\` and commit the result.\n${firstDifference(committed, current)}`);
    }
  });

  it('every list documents its rows: a JSON array of its view beside the Content-Range header', async () => {
    const reply = await api.request('GET', '/api/openapi.json');
    const lists: string[] = [];
    const untyped: string[] = [];
    for (const [path, methods] of Object.entries(reply.body.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        const ok = operation.responses?.['200'];
        if (!ok?.headers?.['Content-Range']) continue;
        lists.push(`${method.toUpperCase()} ${path}`);
        const schema = ok.content?.['application/json']?.schema;
        if (schema?.type !== 'array' || !schema.items) untyped.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(lists).toContain('GET /api/store/products');
    expect(lists.length).toBeGreaterThan(20);
    expect(untyped).toEqual([]);
  });
});

type Operation = { parameters?: { name: string; in: string; required?: boolean }[] };

/** Every operation of the document as `METHOD path` with its object. */
function operations(document: { paths: Record<string, Record<string, Operation>> }): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]),
  );
}

const header = (op: Operation, name: string) => op.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === name.toLowerCase());

// issue 21 item 13: headers once, with the contract's requiredness (SPEC sections 5, 6, 8, 10)
describe('the OpenAPI document’s headers', () => {
  it('declares each header once per operation, whatever its case, and never Accept, Content-Type or Authorization', async () => {
    const reply = await api.request('GET', '/api/openapi.json');
    const twice: string[] = [];
    const reserved: string[] = [];
    for (const [name, op] of operations(reply.body)) {
      const headers = (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase());
      if (new Set(headers).size !== headers.length) twice.push(name);
      if (headers.some((h) => ['accept', 'content-type', 'authorization'].includes(h))) reserved.push(name);
    }
    expect(twice).toEqual([]);
    expect(reserved).toEqual([]);
  });

  it('asks for a cart or order token only where a signed-in customer cannot do without it, and for an Idempotency-Key where the contract requires one', async () => {
    const { paths } = (await api.request('GET', '/api/openapi.json')).body;
    expect(header(paths['/api/store/carts/{id}'].get, 'X-Cart-Token')).toMatchObject({ name: 'X-Cart-Token', required: false });
    expect(header(paths['/api/store/checkout'].post, 'X-Cart-Token')).toMatchObject({ required: false });
    expect(header(paths['/api/store/carts/merge'].post, 'X-Cart-Token')).toMatchObject({ required: true });
    for (const [path, method] of [
      ['/api/store/orders/{id}', 'get'],
      ['/api/store/orders/{id}/cancel', 'post'],
      ['/api/store/orders/{id}/payments', 'post'],
      ['/api/store/orders/{id}/invoice', 'get'],
    ]) {
      expect(header(paths[path][method], 'X-Order-Token')).toMatchObject({ name: 'X-Order-Token', required: false });
    }
    expect(header(paths['/api/store/checkout'].post, 'Idempotency-Key')).toMatchObject({ required: true });
    expect(header(paths['/api/store/orders/{id}/payments'].post, 'Idempotency-Key')).toMatchObject({ required: true });
    expect(header(paths['/api/admin/offline-sales'].post, 'Idempotency-Key')).toMatchObject({ required: false });
    expect(header(paths['/api/admin/offline-sales/{id}/payments'].post, 'Idempotency-Key')).toMatchObject({ required: false });
  });

  it('is the document `npm run lint` lints: the one built without a database (tools/openapi/lint.js) equals the served one', async () => {
    const served = (await api.request('GET', '/api/openapi.json')).body;
    const preview = await previewOpenApiDocument(
      loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', DATA_DIR: '/nonexistent-test-data-dir' }),
    );
    expect(JSON.parse(JSON.stringify(preview))).toEqual(served);
  });
});
