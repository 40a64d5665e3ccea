import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { validationFailed, type DomainError } from '../errors/domain-error.js';

export interface JsonLimits {
  /** keys of every object at every level, in all */
  keys: number;
  /** nesting levels, the top-level value being level 1 */
  depth: number;
  /** elements of every array at every level, in all */
  elements: number;
}

/**
 * docs/api.md#limits: a JSON body has at most 1,000 keys in all and nests at most 32 levels. Array
 * elements are capped alike (the contract is silent; the longest array any endpoint takes is 500 lines):
 * without that, 1 MiB of `[{},{},…]` (330,000 elements) costs seconds of conversion and validation.
 */
export const JSON_LIMITS: JsonLimits = { keys: 1000, depth: 32, elements: 1000 };

export type JsonLimitBreach = keyof JsonLimits;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Which limit a JSON body breaks, found by one linear pass over its raw bytes as they arrive, with
 * no recursion, no decoding and no allocation: a few microseconds per KiB, and a body over a limit
 * is refused at the first chunk that crosses it. Outside strings, every `{` or `[` opens a level,
 * every `:` follows a key, and an array's elements are its first value and one more per `,`;
 * inside strings (escapes included) nothing counts. UTF-8 never uses bytes below 0x80 inside a
 * multi-byte character, so structure is found in the bytes as in the text. Text that is not valid
 * JSON is counted the same way and refused by the parser afterwards.
 */
export class JsonLimitScanner {
  private depth = 0;
  private keys = 0;
  private elements = 0;
  private inString = false;
  private escaped = false;
  private firstElement = false;
  /** whether each open level is an array (levels beyond the limit are refused before they are used) */
  private readonly inArray: Uint8Array;
  breach: JsonLimitBreach | undefined;

  constructor(private readonly limits: JsonLimits = JSON_LIMITS) {
    this.inArray = new Uint8Array(limits.depth + 2);
  }

  /** Scans the next bytes (or UTF-16 code units) of the body; the limit broken so far, if any. */
  feed(chunk: Uint8Array | string): JsonLimitBreach | undefined {
    if (this.breach) return this.breach;
    const { limits, inArray } = this;
    let { depth, keys, elements, inString, escaped, firstElement } = this;
    let breach: JsonLimitBreach | undefined;
    const text = typeof chunk === 'string' ? chunk : undefined;
    const bytes = typeof chunk === 'string' ? undefined : chunk;
    const length = chunk.length;
    for (let i = 0; i < length && !breach; i++) {
      const c = bytes ? bytes[i] : text!.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
        continue;
      }
      if (firstElement && !isSpace(c)) {
        firstElement = false;
        if (c !== 0x5d && ++elements > limits.elements) breach = 'elements';
      }
      switch (c) {
        case 0x22: // "
          inString = true;
          break;
        case 0x7b: // {
        case 0x5b: // [
          if (++depth > limits.depth) breach = 'depth';
          else if (depth > 0) inArray[depth] = c === 0x5b ? 1 : 0;
          firstElement = c === 0x5b;
          break;
        case 0x7d: // }
        case 0x5d: // ]
          depth--;
          break;
        case 0x3a: // :
          if (++keys > limits.keys) breach = 'keys';
          break;
        case 0x2c: // ,
          if (depth > 0 && inArray[depth] === 1 && ++elements > limits.elements) breach = 'elements';
          break;
      }
    }
    Object.assign(this, { depth, keys, elements, inString, escaped, firstElement, breach });
    return breach;
  }
}

/** Which limit the whole JSON text breaks, if any (see JsonLimitScanner). */
export function jsonLimitBreach(text: string, limits: JsonLimits = JSON_LIMITS): JsonLimitBreach | undefined {
  return new JsonLimitScanner(limits).feed(text);
}

/**
 * Passes a request body through while scanning it; at the first chunk that breaks a limit it fails
 * with the 400 at once. The rest of the body is read and dropped (never decoded) until the answer
 * has gone out; Fastify then closes the connection, as after any body it refused.
 */
export class JsonLimitStream extends Transform {
  private readonly scanner: JsonLimitScanner;

  constructor(
    private readonly source: Readable,
    limits: JsonLimits = JSON_LIMITS,
  ) {
    super();
    this.scanner = new JsonLimitScanner(limits);
    source.once('error', (error) => this.destroy(error));
    source.pipe(this);
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback): void {
    const breach = this.scanner.feed(chunk);
    if (!breach) return callback(null, chunk);
    this.source.unpipe(this);
    this.source.resume();
    callback(jsonLimitError(breach));
  }
}

/** The 400 for a body over a limit, naming the limit. */
export function jsonLimitError(breach: JsonLimitBreach): DomainError {
  switch (breach) {
    case 'keys':
      return validationFailed({ body: `must have at most ${JSON_LIMITS.keys} keys in all` }, `The request body has more than ${JSON_LIMITS.keys} keys`);
    case 'depth':
      return validationFailed({ body: `must nest at most ${JSON_LIMITS.depth} levels` }, `The request body nests more than ${JSON_LIMITS.depth} levels`);
    case 'elements':
      return validationFailed(
        { body: `must have at most ${JSON_LIMITS.elements} array elements in all` },
        `The request body has more than ${JSON_LIMITS.elements} array elements`,
      );
  }
}
