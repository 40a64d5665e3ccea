// Chance Store's own OpenAPI lint rules (redocly.yaml, `npm run lint`), for what Redocly's built-in
// rules do not check: what integrators asked for in issue 21 item 13. Each rule visits operations of
// the bundled document (Redocly resolves every $ref before a visitor sees a node).

const SUCCESS = /^2\d\d$/;
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/;
/** Headers OpenAPI ignores as parameters (the media types and security schemes describe them). */
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** The node a $ref points at (one level; the walker resolved the rest), else the node. */
const resolved = (node, ctx) => (node && typeof node === 'object' && typeof node.$ref === 'string' ? ctx.resolve(node).node : node);

/**
 * Whether a schema shows an example: on itself, on an item of an array, on a part of allOf/oneOf/anyOf,
 * or on one of its properties (an `@ApiProperty({ example })` of a DTO), one level of properties deep
 * (a record and its lines).
 */
function schemaHasExample(schema, ctx, depth = 0) {
  const node = resolved(schema, ctx);
  if (!node || typeof node !== 'object' || depth > 3) return false;
  if (node.example !== undefined || (Array.isArray(node.examples) && node.examples.length > 0)) return true;
  if (node.items && schemaHasExample(node.items, ctx, depth + 1)) return true;
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    if (Array.isArray(node[key]) && node[key].some((part) => schemaHasExample(part, ctx, depth + 1))) return true;
  }
  return Object.values(node.properties ?? {}).some((property) => schemaHasExample(property, ctx, depth + 1));
}

const mediaHasExample = (media, ctx) =>
  media.example !== undefined || (media.examples && Object.keys(media.examples).length > 0) || schemaHasExample(media.schema, ctx);

/** A binary body (a PDF) has no example worth showing: its schema (string, binary) says all. */
const isBinary = (media, ctx) => {
  const schema = resolved(media.schema, ctx);
  return schema?.type === 'string' && schema.format === 'binary';
};

/** The operation's success answers: [status, response] for each 2xx. */
const successes = (operation, ctx) =>
  Object.entries(operation.responses ?? {})
    .filter(([status]) => SUCCESS.test(status))
    .map(([status, r]) => [status, resolved(r, ctx)]);

/**
 * Every success answer with a body describes it: each of its media types has a schema (a JSON list,
 * an array of its record type). Only a 204 (No Content) or a 202 (Accepted) may answer no body.
 */
function SuccessSchema() {
  return {
    Operation(operation, ctx) {
      for (const [status, response] of successes(operation, ctx)) {
        const content = response?.content ?? {};
        if (Object.keys(content).length === 0 && status !== '204' && status !== '202') {
          ctx.report({
            message: `The ${status} answer has no content: describe its body (a DTO as its type).`,
            location: ctx.location.child(['responses', status]),
          });
        }
        for (const [type, media] of Object.entries(content)) {
          const schema = resolved(media.schema, ctx);
          const empty =
            !schema || (JSON_MEDIA.test(type) && schema.type === 'array' && !schema.items) || (JSON_MEDIA.test(type) && Object.keys(schema).length === 0);
          if (empty)
            ctx.report({ message: `The ${status} answer’s ${type} body has no schema.`, location: ctx.location.child(['responses', status, 'content', type]) });
        }
      }
    },
  };
}

/**
 * Every operation shows at least one example of what it answers: its success body (a media-type
 * example, or examples in its schema, such as `@ApiProperty({ example })` on the record's DTO). A
 * binary body (PDF) is exempt. An operation without a success body (204) shows an example of its
 * request instead (body or a parameter); one that takes nothing and answers nothing (sign out
 * everywhere) has nothing to show.
 */
function OperationExample() {
  return {
    Operation(operation, ctx) {
      const bodies = successes(operation, ctx).flatMap(([, response]) => Object.values(response?.content ?? {}));
      const shown = bodies.filter((media) => !isBinary(media, ctx));
      if (bodies.length > 0 && shown.length === 0) return;
      if (shown.some((media) => mediaHasExample(media, ctx))) return;
      if (bodies.length === 0) {
        const request = resolved(operation.requestBody, ctx);
        const parameters = (operation.parameters ?? []).map((p) => resolved(p, ctx));
        if (Object.values(request?.content ?? {}).some((media) => mediaHasExample(media, ctx))) return;
        if (parameters.some((p) => p.example !== undefined || p.examples || schemaHasExample(p.schema, ctx))) return;
        if (!request && parameters.length === 0) return;
      }
      ctx.report({
        message: 'The operation shows no example: give its answer’s DTO properties examples (@ApiProperty({ example })) or the answer an example.',
        location: ctx.location.child('responses'),
      });
    },
  };
}

/**
 * Each header is declared once per operation, whatever its case (HTTP header names are
 * case-insensitive): Nest's `@Headers('x-cart-token')` beside `@ApiHeader({ name: 'X-Cart-Token' })`
 * made a required and an optional copy. Accept, Content-Type and Authorization are not parameters
 * (OpenAPI ignores them: the media types and the security scheme describe them).
 */
function HeaderOnce() {
  return {
    Operation(operation, ctx) {
      const seen = new Map();
      (operation.parameters ?? []).forEach((parameter, index) => {
        const p = resolved(parameter, ctx);
        if (p?.in !== 'header') return;
        const key = String(p.name).toLowerCase();
        if (RESERVED_HEADERS.has(key)) {
          ctx.report({
            message: `${p.name} is not a parameter: OpenAPI ignores it (the media types and security schemes describe it).`,
            location: ctx.location.child(['parameters', index]),
          });
        }
        if (seen.has(key)) {
          ctx.report({
            message: `Header ${p.name} is declared twice (also as ${seen.get(key)}): declare each header once.`,
            location: ctx.location.child(['parameters', index]),
          });
        } else seen.set(key, p.name);
      });
    },
  };
}

/** Refusals every operation may give, explained once: bad input (info), no or the wrong sign-in (the tags' access rules). */
const GENERIC_CODES = new Set(['VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN']);
/** An error answer as `@ApiErrors` describes it: "Not Found: NOT_FOUND" or "Conflict: OUT_OF_STOCK, INVALID_TRANSITION". */
const ERROR_CODES = /^[A-Za-z' -]+: ([A-Z_]+(?:, [A-Z_]+)*)$/;

/**
 * An operation's description names each refusal it documents (the codes of its 4xx and 5xx answers,
 * SPEC section 12) and so says when it happens. Codes every operation may give (VALIDATION_FAILED,
 * UNAUTHENTICATED, FORBIDDEN) are left out, and so are the codes a header's description explains
 * (Idempotency-Key: IDEMPOTENCY_IN_PROGRESS, IDEMPOTENCY_KEY_REUSED).
 */
function DescriptionNamesRefusals() {
  return {
    Operation(operation, ctx) {
      const explained = [operation.description ?? '', ...(operation.parameters ?? []).map((p) => resolved(p, ctx)?.description ?? '')].join(' ');
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[45]\d\d$/.test(status)) continue;
        const codes = ERROR_CODES.exec(resolved(response, ctx)?.description ?? '')?.[1].split(', ') ?? [];
        const unnamed = codes.filter((code) => !GENERIC_CODES.has(code) && !new RegExp(`\\b${code}\\b`).test(explained));
        if (unnamed.length > 0) {
          ctx.report({
            message: `The description does not say when the operation answers ${status} ${unnamed.join(', ')}: name each refusal with its rule.`,
            location: ctx.location.child('description'),
          });
        }
      }
    },
  };
}

export default function chanceRules() {
  return {
    id: 'chance',
    rules: {
      oas3: {
        'success-schema': SuccessSchema,
        'operation-example': OperationExample,
        'header-once': HeaderOnce,
        'description-names-refusals': DescriptionNamesRefusals,
      },
    },
  };
}
