import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHUNK_CHARS, collectChunks, gatherChunks, prettyAt } from '../../../lib/exchange/chunks';
import { buildExport, exportFilename, exportHeader, serialiseExport, sourcemarkJsonChunks } from '../../../lib/exchange/sourcemark-json';
import { SCHEMA_VERSION } from '../../../lib/model';
import { makeAnnotation, makeRating, makeSource } from '../support/store-fixtures';

const NOW = new Date('2025-03-04T05:06:07.890Z');

describe('buildExport', () => {
  const live = makeAnnotation({ id: 'live', verdict: { rating: 'unverifiable', rationale: 'No second source', ratedAt: '2024-05-03T00:00:00.000Z' } });
  const tombstone = makeAnnotation({ id: 'gone', deletedAt: '2024-05-05T00:00:00.000Z' });
  const userSource = makeSource();
  const ratedBuiltin = makeSource({ id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true, rating: makeRating() });

  it('writes the header: schema version, generator and export time', () => {
    const doc = buildExport([], [], { version: '1.2.3', now: NOW });
    expect(doc).toEqual({
      schemaVersion: SCHEMA_VERSION,
      generator: { name: 'Sourcemark', version: '1.2.3' },
      exportedAt: '2025-03-04T05:06:07.890Z',
      annotations: [],
      sources: [],
    });
  });

  it('carries every annotation, tombstones included, and every source, unchanged and in order', () => {
    const doc = buildExport([live, tombstone], [ratedBuiltin, userSource], { version: '1.2.3', now: NOW });
    expect(doc.annotations).toEqual([live, tombstone]);
    expect(doc.sources).toEqual([ratedBuiltin, userSource]);
  });

  it('does not share its arrays with the caller', () => {
    const annotations = [live];
    const doc = buildExport(annotations, [], { version: '1.2.3', now: NOW });
    annotations.push(tombstone);
    expect(doc.annotations).toEqual([live]);
  });
});

describe('exportFilename', () => {
  it.each([
    ['2025-03-04T05:06:07.890Z', 'sourcemark-export-2025-03-04T05-06-07.json'],
    ['2024-12-31T23:59:59.999Z', 'sourcemark-export-2024-12-31T23-59-59.json'],
    ['2026-01-01T00:00:00.000Z', 'sourcemark-export-2026-01-01T00-00-00.json'],
  ])('names an export made at %s %s', (iso, expected) => {
    expect(exportFilename(new Date(iso))).toBe(expected);
  });

  it('uses no character that Windows, macOS or Linux forbid in a file name', () => {
    expect(exportFilename(NOW)).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
  });
});

describe('serialiseExport', () => {
  const doc = buildExport([makeAnnotation()], [makeSource({ rating: makeRating() })], { version: '0.1.0', now: NOW });

  it('writes pretty JSON with two-space indents and a trailing newline', () => {
    const text = serialiseExport(doc);
    expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(text.split('\n')[1]).toBe(`  "schemaVersion": ${SCHEMA_VERSION},`);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('round-trips through JSON.parse to the same document', () => {
    expect(JSON.parse(serialiseExport(doc))).toEqual(doc);
  });

  it('stays URI-encodable when a quote selector was cut through a surrogate pair', () => {
    // 32 UTF-16 units of prefix can end half-way through an emoji, leaving a lone surrogate.
    const cut = makeAnnotation({
      target: { selectors: [{ type: 'TextQuoteSelector', exact: 'KCNA said', prefix: 'wave \ud83d', suffix: '' }] },
    });
    const text = serialiseExport(buildExport([cut], [], { version: '0.1.0', now: NOW }));
    expect(() => encodeURIComponent(text)).not.toThrow();
    expect(JSON.parse(decodeURIComponent(encodeURIComponent(text))).annotations[0].target.selectors[0].prefix).toBe(
      'wave \ud83d',
    );
  });
});

describe('sourcemarkJsonChunks', () => {
  const header = exportHeader({ version: '0.1.0', now: NOW });

  it.each([
    ['nothing', [], []],
    ['annotations only', [makeAnnotation({ id: 'a' }), makeAnnotation({ id: 'b', deletedAt: '2024-05-05T00:00:00.000Z' })], []],
    ['sources only', [], [makeSource({ rating: makeRating() })]],
    ['both', [makeAnnotation()], [makeSource(), makeSource({ id: 'kcna' })]],
  ])('streams %s to exactly the text serialiseExport writes', async (_name, annotations, sources) => {
    const streamed = await collectChunks(sourcemarkJsonChunks(header, annotations, sources));
    expect(streamed).toBe(serialiseExport(buildExport(annotations, sources, { version: '0.1.0', now: NOW })));
  });

  it('reads annotations from an async source and hands out bounded chunks, never one giant string', async () => {
    const note = 'n'.repeat(1000);
    async function* paged() {
      for (let i = 0; i < 2000; i += 1) yield makeAnnotation({ id: `id-${i}`, note });
    }
    const sizes: number[] = [];
    const parts: string[] = [];
    for await (const chunk of sourcemarkJsonChunks(header, paged(), [])) {
      sizes.push(chunk.length);
      parts.push(chunk);
    }
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThan(CHUNK_CHARS + 4000);
    expect(JSON.parse(parts.join('')).annotations).toHaveLength(2000);
  });
});

describe('gatherChunks', () => {
  it('joins small pieces into chunks of at least the size, drops empty ones, keeps the order', async () => {
    expect(await Array.fromAsync(gatherChunks(['ab', '', 'c', 'de', 'f'], 3))).toEqual(['abc', 'def']);
    expect(await Array.fromAsync(gatherChunks(['ab', 'c', 'd'], 3))).toEqual(['abc', 'd']);
    expect(await Array.fromAsync(gatherChunks([], 3))).toEqual([]);
  });
});

describe('prettyAt', () => {
  it('indents like re-indenting JSON.stringify’s output, at every level', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 4 }), (value, level) => {
        const expected = JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(level)}`);
        expect(prettyAt(value, level)).toBe(expected);
      }),
    );
  });
});
