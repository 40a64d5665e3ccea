import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { csvCell, csvHeader, csvRow, guardFormula, unguardFormula, type CsvColumn } from './csv-row.js';

describe('csv rows of exports', () => {
  it('writes each kind of value as a spreadsheet reads it', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(1999)).toBe('1999');
    expect(csvCell(-250)).toBe('-250'); // a number is never a formula
    expect(csvCell(new Date('2026-12-07T01:02:03.456Z'))).toBe('2026-12-07T01:02:03.456Z');
    expect(csvCell('plain')).toBe('plain');
  });

  it('guards text a spreadsheet would run as a formula', () => {
    for (const text of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\t=x', '\r=x']) expect(csvCell(text)).toBe(`'${text}`);
    expect(csvCell("'=x")).toBe("''=x");
    expect(csvCell("it's")).toBe("it's");
    expect(csvHeader([{ header: '=bad', value: () => 1 }])).toEqual(["'=bad"]);
  });

  it('writes one cell per column, in order', () => {
    const columns: CsvColumn<{ n: string; total: number; at: Date | null }>[] = [
      { header: 'Number', value: (r) => r.n },
      { header: 'Total', value: (r) => r.total },
      { header: 'At', value: (r) => r.at },
    ];
    expect(csvHeader(columns)).toEqual(['Number', 'Total', 'At']);
    expect(csvRow(columns, { n: 'ORD-1', total: 100, at: null })).toEqual(['ORD-1', '100', '']);
  });

  it('property: no written text cell starts a formula, and unguarding gives the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const cell = csvCell(text);
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
        expect(unguardFormula(cell)).toBe(text);
        expect(guardFormula(text) === text || cell === `'${text}`).toBe(true);
      }),
    );
  });

  it('property: rows survive CSV quoting (commas, quotes, line breaks) through a CSV reader', () => {
    const value = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('a,b', 'say "hi"', 'line\nbreak', 'cr\r\nlf', '', ' padded ', '=1+2', '\t-x', "'@x"),
      fc.integer(),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (records) => {
        const columns: CsvColumn<(string | number | boolean)[]>[] = [0, 1, 2].map((i) => ({ header: `c${i}`, value: (r) => r[i] }));
        const text = stringify([csvHeader(columns), ...records.map((r) => csvRow(columns, r))]);
        const back: string[][] = parse(text, { relax_column_count: false });
        expect(back[0]).toEqual(['c0', 'c1', 'c2']);
        expect(back.slice(1).map((row) => row.map(unguardFormula))).toEqual(records.map((r) => r.map((v) => (typeof v === 'string' ? v : csvCell(v)))));
      }),
    );
  });
});
