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
 * SPEC section 20: a JSON body has at most 1,000 keys in all and nests at most 32 levels. Array
 * elements are capped alike (SPEC is silent; the longest array any endpoint takes is 500 lines):
 * without that, 1 MiB of `[{},{},…]` (330,000 elements) costs seconds of conversion and validation.
 */
export const JSON_LIMITS: JsonLimits = { keys: 1000, depth: 32, elements: 1000 };

export type JsonLimitBreach = keyof JsonLimits;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Which limit the JSON text breaks, if any, found by one linear pass over the raw text with no
 * recursion, so it costs about a millisecond per MiB whatever the body holds. Outside strings,
 * every `{` or `[` opens a level, every `:` follows a key, and an array's elements are its first
 * value and one more per `,`; inside strings (escapes included) nothing counts. Text that is not
 * valid JSON is counted the same way and refused by the parser afterwards.
 */
export function jsonLimitBreach(text: string, limits: JsonLimits = JSON_LIMITS): JsonLimitBreach | undefined {
  let depth = 0;
  let keys = 0;
  let elements = 0;
  // whether each open level is an array (levels beyond the limit are refused before they are used)
  const inArray = new Uint8Array(limits.depth + 2);
  let firstElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (firstElement && !isSpace(c)) {
      firstElement = false;
      if (c !== 0x5d && ++elements > limits.elements) return 'elements';
    }
    switch (c) {
      case 0x22: // a string: skip to its closing quote, stepping over escapes
        for (i++; i < text.length; i++) {
          const s = text.charCodeAt(i);
          if (s === 0x5c) i++;
          else if (s === 0x22) break;
        }
        break;
      case 0x7b: // {
      case 0x5b: // [
        if (++depth > limits.depth) return 'depth';
        if (depth > 0) inArray[depth] = c === 0x5b ? 1 : 0;
        firstElement = c === 0x5b;
        break;
      case 0x7d: // }
      case 0x5d: // ]
        depth--;
        break;
      case 0x3a: // :
        if (++keys > limits.keys) return 'keys';
        break;
      case 0x2c: // ,
        if (depth > 0 && inArray[depth] === 1 && ++elements > limits.elements) return 'elements';
        break;
    }
  }
  return undefined;
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
