import fc from 'fast-check';
import { Readable } from 'node:stream';
import { DomainError } from '../errors/domain-error.js';
import { JsonLimitScanner, JsonLimitStream, jsonLimitBreach } from './json-limits.js';

/** The reference: keys, depth and array elements of a parsed value, counted the obvious way (small values only). */
function measure(value: unknown, level = 1): { keys: number; depth: number; elements: number } {
  if (value === null || typeof value !== 'object') return { keys: 0, depth: 0, elements: 0 };
  const children = Array.isArray(value) ? value : Object.values(value);
  const total = { keys: Array.isArray(value) ? 0 : children.length, depth: level, elements: Array.isArray(value) ? children.length : 0 };
  for (const child of children) {
    const m = measure(child, level + 1);
    total.keys += m.keys;
    total.elements += m.elements;
    total.depth = Math.max(total.depth, m.depth);
  }
  return total;
}

const limits = (keys: number, depth: number, elements = 1000) => ({ keys, depth, elements });

describe('jsonLimitBreach', () => {
  it('counts every key, every array element and every nesting level', () => {
    const text = '{"a":1,"b":{"c":[1,{"d":2},[]]}}';
    expect(jsonLimitBreach(text, limits(4, 4, 3))).toBeUndefined();
    expect(jsonLimitBreach(text, limits(3, 4, 3))).toBe('keys');
    expect(jsonLimitBreach(text, limits(4, 3, 3))).toBe('depth');
    expect(jsonLimitBreach(text, limits(4, 4, 2))).toBe('elements');
    expect(jsonLimitBreach('[[[]]]', limits(0, 3, 2))).toBeUndefined();
    expect(jsonLimitBreach('[[[[]]]]', limits(0, 3))).toBe('depth');
    expect(jsonLimitBreach('[ ]', limits(0, 1, 0))).toBeUndefined();
    expect(jsonLimitBreach('[ 1 , 2 ]', limits(0, 1, 1))).toBe('elements');
    expect(jsonLimitBreach('"just text"', limits(0, 0, 0))).toBeUndefined();
  });

  it('ignores structure inside strings, escaped quotes and backslashes included', () => {
    expect(jsonLimitBreach(JSON.stringify({ a: '{[:,"\\"}]:' }), limits(1, 1, 0))).toBeUndefined();
    expect(jsonLimitBreach('{"a\\"b:":"\\\\","c":"\\"{,"}', limits(2, 1, 0))).toBeUndefined();
    expect(jsonLimitBreach('{"a\\"b:":"\\\\","c":"\\"{,"}', limits(1, 1, 0))).toBe('keys');
  });

  it('takes the contract’s limits by default: 1,000 keys, 32 levels, and 1,000 array elements', () => {
    const keys = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
    expect(jsonLimitBreach(keys(1000))).toBeUndefined();
    expect(jsonLimitBreach(keys(1001))).toBe('keys');
    expect(jsonLimitBreach('['.repeat(32) + ']'.repeat(32))).toBeUndefined();
    expect(jsonLimitBreach('['.repeat(33) + ']'.repeat(33))).toBe('depth');
    expect(jsonLimitBreach(JSON.stringify(Array(1000).fill({})))).toBeUndefined();
    expect(jsonLimitBreach(JSON.stringify(Array(1001).fill(0)))).toBe('elements');
  });

  it('scans a million levels without recursion', () => {
    expect(jsonLimitBreach('['.repeat(1_000_000) + ']'.repeat(1_000_000), limits(0, 1_000_001, 1_000_000))).toBeUndefined();
    expect(jsonLimitBreach('{"a":'.repeat(1_000_000) + '1' + '}'.repeat(1_000_000))).toBe('depth');
  });

  it('agrees with counting the parsed value, however it is formatted', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.nat(8), fc.nat(8), fc.nat(8), fc.boolean(), (value, maxKeys, maxDepth, maxElements, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const m = measure(value);
        const over = { keys: m.keys > maxKeys, depth: m.depth > maxDepth, elements: m.elements > maxElements };
        const breach = jsonLimitBreach(text, limits(maxKeys, maxDepth, maxElements));
        const broken = Object.entries(over).filter(([, is]) => is);
        if (broken.length === 0) expect(breach).toBeUndefined();
        else if (broken.length === 1) expect(breach).toBe(broken[0][0]);
        else expect(broken.map(([name]) => name)).toContain(breach);
      }),
      { numRuns: 500 },
    );
  });
});

describe('JsonLimitScanner', () => {
  it('finds the same breach however the bytes are split into chunks, multi-byte characters and escapes included', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 5 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat(6),
        fc.nat(6),
        fc.nat(6),
        (value, cuts, keys, depth, elements) => {
          const bytes = Buffer.from(JSON.stringify({ s: 'é"\\\\"{[:,', v: value }));
          const whole = jsonLimitBreach(bytes.toString('utf8'), limits(keys, depth, elements));
          const scanner = new JsonLimitScanner(limits(keys, depth, elements));
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          let from = 0;
          for (const point of [...points, bytes.length]) {
            scanner.feed(bytes.subarray(from, point));
            from = point;
          }
          expect(scanner.breach).toBe(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('JsonLimitStream', () => {
  const collect = (stream: NodeJS.ReadableStream) =>
    new Promise<{ body?: string; error?: unknown }>((done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => done({ body: Buffer.concat(chunks).toString() }));
      stream.on('error', (error) => done({ error }));
    });

  it('passes a body within the limits through unchanged', async () => {
    const body = JSON.stringify({ a: [1, 2, { b: 'ü' }] });
    const out = await collect(new JsonLimitStream(Readable.from([Buffer.from(body.slice(0, 5)), Buffer.from(body.slice(5))])));
    expect(out.body).toBe(body);
  });

  it('fails with the 400 at the first chunk over a limit, and lets the rest of the body drain', async () => {
    let read = 0;
    const source = new Readable({
      read() {
        read++;
        this.push(read === 1 ? Buffer.from('{"a":' + '['.repeat(40)) : read < 100 ? Buffer.from('1'.repeat(1000)) : null);
      },
    });
    let ended = false;
    source.on('end', () => (ended = true));
    const out = await collect(new JsonLimitStream(source));
    expect(out.error).toBeInstanceOf(DomainError);
    expect((out.error as DomainError).errors).toEqual({ body: 'must nest at most 32 levels' });
    if (!ended) await new Promise((r) => source.once('end', r));
    expect(read).toBe(100);
  });
});
