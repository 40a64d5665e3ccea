import { readFile } from 'node:fs/promises';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the generator is shared with `npm run openapi:types` (tools/), which is no Nx project
import { SCHEMA_COMMAND, SCHEMA_FILES, schemaPath, schemaSource } from '../../../tools/openapi/schema-source.js';
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
