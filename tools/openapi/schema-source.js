// The request and record types of the API's clients, generated from its OpenAPI document with
// openapi-typescript (docs/architecture.md, "One contract"): the admin SPA's and the typed store client's
// (libs/client, which the storefront uses). One function for `npm run openapi:types`, which writes
// the files, and for the e2e test that fails when a committed file is stale.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the generated types are kept, relative to the repository root: the same source in each. */
export const SCHEMA_FILES = ['apps/admin/src/api/schema.ts', 'libs/client/src/schema.ts'];

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
 * The TypeScript source of the generated schema files for an OpenAPI document.
 * @param {object} document the parsed /api/openapi.json
 * @returns {Promise<string>}
 */
export async function schemaSource(document) {
  // a copy: openapi-typescript's bundling step may annotate the object it is given
  const nodes = await openapiTS(structuredClone(document), OPTIONS);
  return HEADER + astToString(nodes);
}

/** @param {string} file one of SCHEMA_FILES */
export const schemaPath = (file) => join(REPO_ROOT, file);
