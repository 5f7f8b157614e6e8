/**
 * CSV: RFC 4180 records a spreadsheet reads back cell for cell, the formula guard, the byte-order
 * mark, and the codebook in docs/csv-codebook.md matching the columns written.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectChunks } from '../../../lib/exchange/chunks';
import { CSV_COLUMNS, csvCell, csvChunks, csvCodebookMarkdown } from '../../../lib/exchange/csv';
import { makeAnnotation, makeRating, makeSource } from '../support/store-fixtures';
import { annotationsArb, textArb } from './arbitraries';

/** A strict RFC 4180 reader (CRLF records, "" escapes), to check what we write parses back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        cell += ch;
        i += 1;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      if (ch === '"' || ch === '\n' || ch === '\r') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
      cell += ch;
      i += 1;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

/** A cell as an analyst reads it back: the formula guard's apostrophe removed. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("a","b")', '"\'=HYPERLINK(""a"",""b"")"'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('csvChunks', () => {
  it('starts with a byte-order mark and the header, ends every record with CRLF', async () => {
    const text = await collectChunks(csvChunks([makeAnnotation()]));
    expect(text.startsWith(`\ufeffid,url,site,`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toHaveLength(2);
  });

  it('leaves the byte-order mark out on request', async () => {
    expect((await collectChunks(csvChunks([], { bom: false }))).startsWith('id,')).toBe(true);
  });

  it('leaves deleted annotations out', async () => {
    const text = await collectChunks(csvChunks([makeAnnotation({ id: 'live' }), makeAnnotation({ id: 'gone', deletedAt: '2024-06-01T00:00:00.000Z' })], { bom: false }));
    expect(parseCsv(text).map((row) => row[0])).toEqual(['id', 'live']);
  });

  it('writes the tier of the source from the stored ratings', async () => {
    const text = await collectChunks(csvChunks([makeAnnotation()], { bom: false, sources: [makeSource({ id: 'kcna', rating: makeRating({ tier: 'propaganda' }) })] }));
    const [header, row] = parseCsv(text);
    expect(row?.[header?.indexOf('source_tier') ?? -1]).toBe('propaganda');
  });

  it('every record parses back to one row of the fixed width, each text cell exactly as stored', async () => {
    await fc.assert(
      fc.asyncProperty(annotationsArb(6), textArb, async (annotations, note) => {
        const live = annotations.filter((a) => a.deletedAt === undefined).map((a) => ({ ...a, note }));
        const rows = parseCsv(await collectChunks(csvChunks(live, { bom: false })));
        expect(rows).toHaveLength(live.length + 1);
        for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
        const noteAt = CSV_COLUMNS.findIndex((c) => c.name === 'note');
        const idAt = CSV_COLUMNS.findIndex((c) => c.name === 'id');
        for (const [index, annotation] of live.entries()) {
          expect(unguard(rows[index + 1]?.[noteAt] ?? '')).toBe(note);
          expect(unguard(rows[index + 1]?.[idAt] ?? '')).toBe(annotation.id);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('no cell a spreadsheet would run as a formula', async () => {
    await fc.assert(
      fc.asyncProperty(annotationsArb(6), async (annotations) => {
        const rows = parseCsv(await collectChunks(csvChunks(annotations, { bom: false })));
        for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the codebook', () => {
  it("the README's CSV codebook lists exactly the columns written, in order", () => {
    const doc = readFileSync(resolve(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(doc).toContain(csvCodebookMarkdown());
  });

  it('column names are unique snake_case', () => {
    const names = CSV_COLUMNS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});

describe('CSV dates', () => {
  it('are written in UTC even when the stored time has an offset', async () => {
    const text = await collectChunks(csvChunks([makeAnnotation({ createdAt: '2024-05-01T12:00:00+02:00', updatedAt: '2024-05-01T10:00:00Z' })], { bom: false }));
    const [header, row] = parseCsv(text);
    expect(row?.[header?.indexOf('created_at') ?? -1]).toBe('2024-05-01T10:00:00.000Z');
    expect(row?.[header?.indexOf('updated_at') ?? -1]).toBe('2024-05-01T10:00:00.000Z');
  });
});
