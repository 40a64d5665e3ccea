import fc from 'fast-check';
import { DOCUMENT_SERIES, documentNumber, documentNumberSql, type DocumentSeries } from './document-numbers.js';

describe('document numbers', () => {
  it('writes every series of the contract', () => {
    expect(documentNumber(DOCUMENT_SERIES.order, 42)).toBe('ORD-000042');
    expect(documentNumber(DOCUMENT_SERIES.purchase, 3)).toBe('PO-000003');
    expect(documentNumber(DOCUMENT_SERIES.offlineSale, 12)).toBe('SALE-000012');
    expect(documentNumber(DOCUMENT_SERIES.refund, 1)).toBe('RF-000001');
    expect(documentNumber(DOCUMENT_SERIES.return, 1)).toBe('RET-000001');
    expect(documentNumber(DOCUMENT_SERIES.invoice, 17, 2026)).toBe('INV-2026-000017');
    expect(documentNumber(DOCUMENT_SERIES.purchaseInvoice, 5, 2026)).toBe('PINV-2026-000005');
    expect(documentNumber(DOCUMENT_SERIES.creditNote, 3, 2027)).toBe('CN-2027-000003');
  });

  it('writes a number wider than the series in full instead of cutting it', () => {
    expect(documentNumber(DOCUMENT_SERIES.order, 999_999)).toBe('ORD-999999');
    expect(documentNumber(DOCUMENT_SERIES.order, 1_000_000)).toBe('ORD-1000000');
    expect(documentNumber(DOCUMENT_SERIES.invoice, 1_234_567, 2026)).toBe('INV-2026-1234567');
  });

  it('reads back the running number and year it was given, for any of them', () => {
    const series = Object.values(DOCUMENT_SERIES) as DocumentSeries[];
    fc.assert(
      fc.property(fc.constantFrom(...series), fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 1970, max: 9999 }), (s, n, year) => {
        const number = s.yearly ? documentNumber(s as typeof DOCUMENT_SERIES.invoice, n, year) : documentNumber(s as typeof DOCUMENT_SERIES.order, n);
        const match = /^([A-Z]+)-(?:(\d{4})-)?(\d+)$/.exec(number);
        expect(match).not.toBeNull();
        expect(match![1]).toBe(s.prefix);
        expect(match![2]).toBe(s.yearly ? String(year) : undefined);
        expect(match![3].length).toBeGreaterThanOrEqual(s.width);
        expect(Number(match![3])).toBe(n);
      }),
    );
  });

  it('gives every series its own prefix, and gapless counters their own kind', () => {
    const series = Object.values(DOCUMENT_SERIES) as DocumentSeries[];
    expect(new Set(series.map((s) => s.prefix)).size).toBe(series.length);
    const sources = series.map((s) => (s.gapless ? `counter:${s.counter}` : `sequence:${s.sequence}`));
    expect(new Set(sources).size).toBe(series.length);
  });

  it('counts tax documents without gaps, per year, and the rest with sequences', () => {
    for (const s of [DOCUMENT_SERIES.invoice, DOCUMENT_SERIES.purchaseInvoice, DOCUMENT_SERIES.creditNote]) expect([s.gapless, s.yearly]).toEqual([true, true]);
    for (const s of [DOCUMENT_SERIES.order, DOCUMENT_SERIES.purchase, DOCUMENT_SERIES.offlineSale, DOCUMENT_SERIES.refund, DOCUMENT_SERIES.return])
      expect([s.gapless, s.yearly]).toEqual([false, false]);
  });

  it('refuses a running number that is not a positive integer, and a yearly series without its year', () => {
    for (const n of [0, -1, 1.5, Number.NaN, 2 ** 60]) expect(() => documentNumber(DOCUMENT_SERIES.order, n)).toThrow(RangeError);
    // the types ask for the year; a caller that casts them away still gets no `INV-undefined-…`
    expect(() => (documentNumber as (s: DocumentSeries, n: number) => string)(DOCUMENT_SERIES.invoice, 1)).toThrow(RangeError);
    expect(() => (documentNumberSql as (s: DocumentSeries) => unknown)(DOCUMENT_SERIES.invoice)).toThrow();
  });

  it('numbers in SQL from a sequence or from the counter row, reading next_number once', () => {
    const order = documentNumberSql(DOCUMENT_SERIES.order);
    expect(order.with).toBe(`next_number AS (SELECT nextval('order_number_seq') AS last)`);
    expect(order.number).toContain(`'ORD-' ||`);
    const invoice = documentNumberSql(DOCUMENT_SERIES.invoice, '$2::int');
    expect(invoice.with).toMatch(/INSERT INTO document_counters \(kind, year, last\) VALUES \('invoice', \$2::int, 1\)/);
    expect(invoice.with).toMatch(/ON CONFLICT \(kind, year\) DO UPDATE SET last = document_counters\.last \+ 1 RETURNING last/);
    expect(invoice.number).toMatch(/^'INV-' \|\| \$2::int \|\| '-' \|\| lpad/);
  });

  it('inlines only plain words into SQL', () => {
    const bad = { prefix: "X'; DROP TABLE orders; --", width: 6, gapless: false, yearly: false, sequence: 'x' } as const;
    expect(() => documentNumberSql(bad)).toThrow(/not a document series/);
    expect(() => documentNumberSql({ ...DOCUMENT_SERIES.order, sequence: "x'); --" })).toThrow(/not a document series/);
  });
});
