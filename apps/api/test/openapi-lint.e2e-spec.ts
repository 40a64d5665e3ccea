import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the linter's runner is shared with `npm run lint:openapi` (tools/), which is no Nx project
import { redoclyLint } from '../../../tools/openapi/redocly.js';
import { loadConfig } from '../src/config.js';
import { previewOpenApiDocument } from '../src/openapi.js';

// issue 21 item 13: the OpenAPI linter of `npm run lint` (redocly.yaml) refuses what integrators
// complained of. The document of the code (no database needed) is linted as it is, then with each
// fault put back, and the linter must name each one.
type Json = Record<string, any>;
type Problem = { ruleId: string; message: string; location: { pointer: string }[] };

let dir: string;
let document: Json;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chance-openapi-lint-'));
  const built = await previewOpenApiDocument(loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', DATA_DIR: dir }));
  document = JSON.parse(JSON.stringify(built));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(doc: Json): Problem[] {
  const file = join(dir, `openapi-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const { stdout } = redoclyLint(file, 'json');
  return (JSON.parse(stdout) as { problems: Problem[] }).problems;
}

/** The accepted problems of .redocly.lint-ignore.yaml (which names dist/openapi.json, not a copy). */
const ACCEPTED = ['#/paths/~1api~1health/get/responses', '#/paths/~1api~1store~1settings/get/responses'];

describe('the OpenAPI linter (npm run lint)', () => {
  it('passes the document of the code, but for the two accepted problems', () => {
    const problems = lint(document);
    expect(problems.map((p) => `${p.ruleId} ${p.location[0].pointer}`).sort()).toEqual(ACCEPTED.map((pointer) => `operation-4xx-response ${pointer}`).sort());
  });

  it('refuses each fault integrators reported', () => {
    const broken = structuredClone(document);
    const cart = broken.paths['/api/store/carts/{id}'].get;
    cart.parameters.push({ name: 'x-cart-token', in: 'header', required: true, schema: { type: 'string' } }); // a header twice, different case
    const list = broken.paths['/api/admin/coupons'].get;
    list.parameters.push({ name: 'Accept', in: 'header', required: false, schema: { type: 'string' } }); // the stray Accept
    list.responses['200'].content['application/json'].schema = { type: 'array' }; // a list without its row type
    const coupon = broken.paths['/api/admin/coupons/{id}'].get;
    delete coupon.summary;
    coupon.description = 'One coupon.'; // its 404 not named
    delete broken.paths['/api/admin/coupons/{id}'].put.description;
    const tag = broken.tags.find((t: Json) => t.name === 'admin: suppliers');
    delete tag.description;
    for (const property of Object.values(broken.components.schemas.ServiceTypeView.properties as Json)) delete property.example; // no example

    const found = lint(broken).map((p) => `${p.ruleId} ${p.location[0].pointer}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'chance/header-once #/paths/~1api~1store~1carts~1{id}/get/parameters/2',
        expect.stringMatching(/^chance\/header-once #\/paths\/~1api~1admin~1coupons\/get\/parameters\/\d+$/),
        'chance/success-schema #/paths/~1api~1admin~1coupons/get/responses/200/content/application~1json',
        'operation-summary #/paths/~1api~1admin~1coupons~1{id}/get/summary',
        'chance/description-names-refusals #/paths/~1api~1admin~1coupons~1{id}/get/description',
        'operation-description #/paths/~1api~1admin~1coupons~1{id}/put/description',
        `tag-description #/tags/${broken.tags.indexOf(tag)}/description`,
        'chance/operation-example #/paths/~1api~1admin~1service-types/get/responses',
      ]),
    );
  });
});
