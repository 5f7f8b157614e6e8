/**
 * parseImport: a valid file gives typed records; an invalid one a message naming the first
 * problem with its field path and line, and no records at all.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImport, parseImportAsync, type ImportResult } from '../../../lib/exchange/parse-import';
import { buildExport, serialiseExport } from '../../../lib/exchange/sourcemark-json';
import { IMPORT_LIMITS } from '../../../lib/exchange/limits';
import { SCHEMA_VERSION } from '../../../lib/model';
import { makeAnnotation, makeSource } from '../support/store-fixtures';
import { SAMPLE_ANNOTATIONS, SAMPLE_OPTIONS, SAMPLE_SOURCES } from './sample-data';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'exchange');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const SAMPLE = serialiseExport(buildExport(SAMPLE_ANNOTATIONS, SAMPLE_SOURCES, SAMPLE_OPTIONS));

function failure(result: ImportResult) {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error;
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('parseImport: valid files', () => {
  it('reads a native export into the same records', () => {
    const result = parseImport(SAMPLE);
    expect(result).toEqual({
      ok: true,
      value: { format: 'sourcemark', schemaVersion: SCHEMA_VERSION, generator: 'Sourcemark 0.1.0', annotations: JSON.parse(SAMPLE).annotations, sources: JSON.parse(SAMPLE).sources },
    });
  });

  it('reads a schema version 1 file as Sourcemark 0.1.0 wrote it, unchanged', () => {
    const text = fixture('v1-export.json');
    const result = parseImport(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.schemaVersion).toBe(1);
    expect(result.value.annotations).toEqual(JSON.parse(text).annotations);
    expect(result.value.sources).toEqual(JSON.parse(text).sources);
  });

  it('ignores a UTF-8 byte-order mark that an editor added', () => {
    expect(parseImport(`\ufeff${SAMPLE}`).ok).toBe(true);
  });

  it('keeps hostile text as text: markup, bidi controls and formula starts come back exactly', () => {
    const result = parseImport(SAMPLE);
    if (!result.ok) throw new Error(result.error.message);
    const hostile = result.value.annotations.find((a) => a.kind === 'highlight');
    expect(hostile?.target.selectors[0]).toMatchObject({ exact: '<script>alert("x")</script> =1+1 \u202eRLO\u202c' });
    expect(hostile?.note).toBe('=HYPERLINK("http://evil.example","click"), then "quotes", commas\r\nand lines');
  });
});

describe('parseImport: refusals name the first problem, its path and its line', () => {
  it('a syntax error: line and column of the stray character', () => {
    const text = SAMPLE.replace('"kind": "claim",', '"kind": "claim",,');
    const error = failure(parseImport(text));
    expect(error.code).toBe('syntax');
    expect(error.line).toBe(lineOf(text, ',,'));
    expect(error.message).toMatch(/^Cannot import: line \d+, column \d+: not valid JSON: expected a field name in double quotes, found ","\. Nothing was imported\.$/);
  });

  it('a truncated file says it ends too early', () => {
    const error = failure(parseImport(SAMPLE.slice(0, 4000)));
    expect(error.code).toBe('syntax');
    expect(error.problem).toMatch(/cut short/);
  });

  it('a wrong type: the field path down to the selector and the line it is on', () => {
    const text = SAMPLE.replace('"exact": "Yonhap reported', '"exact": 42, "was": "Yonhap reported');
    const error = failure(parseImport(text));
    expect(error).toMatchObject({ code: 'invalid', path: 'annotations[1].target.selectors[0].exact', line: lineOf(text, '"exact": 42') });
    expect(error.message).toContain('annotations[1].target.selectors[0].exact (line');
    expect(error.message).toContain('expected a text value, got the number 42');
  });

  it('a missing field: named, at the line of the record that lacks it', () => {
    const doc = buildExport([makeAnnotation(), makeAnnotation({ id: 'second' })], [], SAMPLE_OPTIONS);
    const { updatedAt: _dropped, ...broken } = doc.annotations[1] as Record<string, unknown>;
    const text = serialiseExport({ ...doc, annotations: [doc.annotations[0], broken] } as never);
    const error = failure(parseImport(text));
    expect(error.path).toBe('annotations[1].updatedAt');
    expect(error.problem).toBe('is missing');
    expect(error.line).toBe(lineOf(text, '"id": "second"') - 1);
  });

  it('an unknown field is refused, not dropped', () => {
    const text = SAMPLE.replace('"pageTitle": "Governor on ferry link",', '"pageTitle": "Governor on ferry link", "mood": "sunny",');
    const error = failure(parseImport(text));
    expect(error).toMatchObject({ path: 'annotations[2].mood', problem: 'is not a field this version of Sourcemark knows' });
  });

  it('a value outside a list of choices lists the choices', () => {
    const error = failure(parseImport(SAMPLE.replace('"rating": "mostly-false"', '"rating": "pants-on-fire"')));
    expect(error.path).toBe('annotations[1].verdict.rating');
    expect(error.problem).toContain('"true", "mostly-true", "mixed"');
  });

  it('a date that is not ISO 8601', () => {
    const error = failure(parseImport(SAMPLE.replace('"ratedAt": "2024-05-03T08:15:00.000Z"', '"ratedAt": "3 May 2024"')));
    expect(error).toMatchObject({ path: 'annotations[1].verdict.ratedAt' });
    expect(error.problem).toContain('ISO 8601');
  });

  it('a newer schema version is refused with a message, not half-read', () => {
    const error = failure(parseImport(SAMPLE.replace(`"schemaVersion": ${SCHEMA_VERSION}`, `"schemaVersion": ${SCHEMA_VERSION + 1}`)));
    expect(error.code).toBe('unsupported-version');
    expect(error.message).toContain(`written by a newer Sourcemark (schema version ${SCHEMA_VERSION + 1})`);
    expect(error.message).toContain('Update Sourcemark');
    expect(error.line).toBe(2);
  });

  it.each([0, -1, 1.5, '"2"'])('schema version %s is refused', (version) => {
    const error = failure(parseImport(SAMPLE.replace(`"schemaVersion": ${SCHEMA_VERSION}`, `"schemaVersion": ${version}`)));
    expect(error.path).toBe('schemaVersion');
  });

  it('two annotations with one id: the second is named, with the first', () => {
    const text = serialiseExport(buildExport([makeAnnotation({ id: 'dup' }), makeAnnotation({ id: 'other' }), makeAnnotation({ id: 'dup' })], [], SAMPLE_OPTIONS));
    const error = failure(parseImport(text));
    expect(error).toMatchObject({ code: 'duplicate-id', path: 'annotations[2].id' });
    expect(error.problem).toContain('annotations[0]');
  });

  it('two sources with one id', () => {
    const text = serialiseExport(buildExport([], [makeSource(), makeSource()], SAMPLE_OPTIONS));
    expect(failure(parseImport(text))).toMatchObject({ code: 'duplicate-id', path: 'sources[1].id' });
  });

  it('an id with half a surrogate pair (it could not go into a URI)', () => {
    const text = serialiseExport(buildExport([makeAnnotation({ id: 'a\ud800' })], [], SAMPLE_OPTIONS));
    expect(failure(parseImport(text))).toMatchObject({ path: 'annotations[0].id' });
  });

  it('a huge note is refused with the limit, not loaded into the store', () => {
    const text = serialiseExport(buildExport([makeAnnotation({ note: 'x'.repeat(IMPORT_LIMITS.maxTextChars + 1) })], [], SAMPLE_OPTIONS));
    const error = failure(parseImport(text));
    expect(error).toMatchObject({ code: 'too-large', path: 'annotations[0].note' });
    expect(error.problem).toContain('100,000 characters');
  });

  it('too many tags', () => {
    const text = serialiseExport(buildExport([makeAnnotation({ tags: Array.from({ length: IMPORT_LIMITS.maxListItems + 1 }, (_, i) => `t${i}`) })], [], SAMPLE_OPTIONS));
    expect(failure(parseImport(text))).toMatchObject({ code: 'too-large', path: 'annotations[0].tags' });
  });

  it('deep nesting where a value belongs is a clear error, not a stack overflow', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const error = failure(parseImport(SAMPLE.replace('"note": "",', `"note": ${deep},`)));
    expect(error).toMatchObject({ code: 'invalid', path: 'annotations[0].note' });
    expect(error.problem).toBe('expected a text value, got a list of 1');
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a number', '42', 'neither a Sourcemark export'],
    ['an object of something else', '{"rows": []}', 'neither a Sourcemark export'],
    ['null', 'null', 'neither a Sourcemark export'],
  ])('%s is refused', (_name, text, expected) => {
    expect(failure(parseImport(text)).message).toContain(expected);
  });
});

describe('parseImportAsync', () => {
  const many = serialiseExport(buildExport(Array.from({ length: 2500 }, (_, i) => makeAnnotation({ id: `a-${i}` })), [makeSource()], SAMPLE_OPTIONS));

  it('gives the same result as parseImport, reporting progress in batches up to the total', async () => {
    const seen: { done: number; total: number }[] = [];
    const result = await parseImportAsync(many, { onProgress: (p) => seen.push(p) });
    expect(result).toEqual(parseImport(many));
    expect(seen).toEqual([
      { done: 1000, total: 2501 },
      { done: 2000, total: 2501 },
    ]);
  });

  it('gives the same refusal as parseImport', async () => {
    const broken = many.replace('"id": "a-2100"', '"id": 5');
    expect(await parseImportAsync(broken)).toEqual(parseImport(broken));
    expect(failure(await parseImportAsync(broken)).path).toBe('annotations[2100].id');
  });

  it('stops between batches when cancelled, rejecting with the signal’s reason', async () => {
    const controller = new AbortController();
    const run = parseImportAsync(many, { signal: controller.signal, onProgress: () => controller.abort(new Error('cancelled by the user')) });
    await expect(run).rejects.toThrow('cancelled by the user');
  });
});
