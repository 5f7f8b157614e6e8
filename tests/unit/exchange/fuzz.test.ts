/**
 * Import fuzzing: whatever the file, parseImport returns (never throws), and either refuses with
 * a message or gives records that are exactly what the file said — hostile text kept as text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectChunks } from '../../../lib/exchange/chunks';
import { exportChunks } from '../../../lib/exchange/export-chunks';
import { parseImport, type ImportResult } from '../../../lib/exchange/parse-import';
import { buildExport, serialiseExport } from '../../../lib/exchange/sourcemark-json';
import { makeAnnotation } from '../support/store-fixtures';
import { HOSTILE_SNIPPETS } from './arbitraries';
import { SAMPLE_ANNOTATIONS, SAMPLE_OPTIONS, SAMPLE_SOURCES } from './sample-data';

const NATIVE = serialiseExport(buildExport(SAMPLE_ANNOTATIONS, SAMPLE_SOURCES, SAMPLE_OPTIONS));
const W3C = await collectChunks(exportChunks('w3c', { annotations: SAMPLE_ANNOTATIONS, sources: [] }, SAMPLE_OPTIONS));

/** A result is either records or one clear sentence. */
function expectClear(result: ImportResult) {
  if (result.ok) return;
  expect(result.error.message).toMatch(/^Cannot import: .+\. Nothing was imported\.$/s);
  expect(result.error.problem.length).toBeGreaterThan(0);
}

/** Every path to a value inside a JSON value. */
function pathsOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1) as string | number] = value;
  return copy;
}

describe.each([
  ['native JSON', NATIVE],
  ['W3C JSON-LD', W3C],
])('fuzzing the import of %s', (_name, text) => {
  const doc = JSON.parse(text);
  const paths = pathsOf(doc);

  it('a file cut short anywhere is refused as cut short or malformed, never half-read', () => {
    for (let end = 0; end < text.length - 2; end += 7) {
      const result = parseImport(text.slice(0, end));
      expect(result.ok).toBe(false);
      expectClear(result);
    }
  });

  it('a character dropped, doubled or replaced anywhere: a clear refusal or a faithful import', () => {
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), fc.constantFrom('drop', 'double', 'replace'), fc.constantFrom('"', '{', '}', ',', ':', 'x', '\\', '0', '\u0000'), (at, how, char) => {
        const broken = how === 'drop' ? text.slice(0, at) + text.slice(at + 1) : how === 'double' ? text.slice(0, at + 1) + text.slice(at) : text.slice(0, at) + char + text.slice(at + 1);
        expectClear(parseImport(broken));
      }),
      { numRuns: 400 },
    );
  });

  it('any value replaced by a value of another type: a clear refusal naming a path, or a faithful import', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const mutated = replaceAt(doc, path, value);
        const result = parseImport(JSON.stringify(mutated, null, 2));
        expectClear(result);
        if (!result.ok && result.error.code === 'invalid') expect(result.error.line).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('huge strings and deep nesting anywhere are refused clearly, without a crash', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.constantFrom('huge', 'deep'), (path, how) => {
        // Spliced in as text: building a 100,000-deep value to stringify would overflow the test's own stack.
        const raw = how === 'huge' ? JSON.stringify('x'.repeat(2_000_001)) : `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
        const result = parseImport(JSON.stringify(replaceAt(doc, path, 'PLACEHOLDER\u0001')).replace('"PLACEHOLDER\\u0001"', raw));
        // Refused, or the value sat in a field the import does not read (a W3C label, @context):
        // then nothing over the limits reached the records.
        if (result.ok) expect(JSON.stringify(result.value).length).toBeLessThan(NATIVE.length * 2);
        expectClear(result);
      }),
      { numRuns: 60 },
    );
    // Sixty files of megabytes each: room for a loaded machine; the test asserts results, not speed.
  }, 120_000);
});

describe('hostile text', () => {
  it.each(HOSTILE_SNIPPETS.map((s) => [s]))('%j in every text field comes back exactly, as text', async (snippet) => {
    const annotation = makeAnnotation({
      pageTitle: snippet,
      note: snippet,
      tags: [snippet.trim() || 'x'],
      target: { selectors: [{ type: 'TextQuoteSelector', exact: snippet, prefix: snippet, suffix: snippet }] },
      verdict: { rating: 'false', rationale: snippet, ratedAt: '2024-05-01T00:00:00.000Z' },
    });
    for (const format of ['json', 'w3c'] as const) {
      const result = parseImport(await collectChunks(exportChunks(format, { annotations: [annotation], sources: [] }, SAMPLE_OPTIONS)));
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.annotations).toEqual([annotation]);
    }
  });

  it('an error message shows hostile values escaped, so bidi controls cannot reorder it', () => {
    const text = NATIVE.replace('"kind": "claim"', '"kind": "\u202eevil<script>"');
    const result = parseImport(text);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(result.error.message).toContain('\\u202e');
  });
});
