// The SPA's request and record types, generated from the API's OpenAPI document with
// openapi-typescript (ARCHITECTURE.md, "One contract"). One function for `npm run openapi:types`,
// which writes the file, and for the e2e test that fails when the committed file is stale.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the SPA keeps the generated types, relative to the repository root. */
export const SCHEMA_FILE = 'apps/admin/src/api/schema.ts';

export const SCHEMA_COMMAND = 'npm run openapi:types';

const HEADER = `/**
 * Generated from the API's OpenAPI document (/api/openapi.json) by \`${SCHEMA_COMMAND}\`
 * (tools/openapi/schema-source.js, openapi-typescript). Do not edit: change the API's DTOs and
 * run the command again; apps/api/test/openapi-types.e2e-spec.ts fails while this file is stale.
 */

`;

/**
 * defaultNonNullable off: a request field with a default (isActive, a purchase's status) may be
 * left out, so it stays optional; emptyObjectsUnknown: an object schema without properties (an
 * integrity check's examples) is any object, not an empty one.
 */
const OPTIONS = { silent: true, defaultNonNullable: false, emptyObjectsUnknown: true };

/**
 * The TypeScript source of apps/admin/src/api/schema.ts for an OpenAPI document.
 * @param {object} document the parsed /api/openapi.json
 * @returns {Promise<string>}
 */
export async function schemaSource(document) {
  // a copy: openapi-typescript's bundling step may annotate the object it is given
  const nodes = await openapiTS(structuredClone(document), OPTIONS);
  return HEADER + astToString(nodes);
}

export const schemaPath = () => join(REPO_ROOT, SCHEMA_FILE);
