import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequestHandler, describeError, type DownloadFile, type RequestHandlerDeps } from '../../../lib/background/handle-request';
import type { SourcemarkExport } from '../../../lib/exchange/sourcemark-json';
import type { ExportSummary, Result } from '../../../lib/messages';
import { SCHEMA_VERSION } from '../../../lib/model';
import { allAnnotations, saveAnnotation } from '../../../lib/store/annotations';
import type { SourcemarkDb } from '../../../lib/store/db';
import { rateSource } from '../../../lib/store/sources';
import { makeAnnotation, makeRating, makeSource, openTestDb } from '../support/store-fixtures';

const EXTENSION_ID = 'sourcemark-test-id';
const SELF = { id: EXTENSION_ID };
const NOW = new Date('2025-03-04T05:06:07.890Z');
const SAVED_AT = new Date('2024-06-01T12:00:00.000Z');
const PAGE = 'https://news.example/korea-russia';

const openDbs: SourcemarkDb[] = [];
afterEach(async () => {
  await Promise.all(openDbs.splice(0).map((db) => db.delete()));
});

/** A handler over a fresh db, recording downloads and logged errors. */
function setup(overrides: Partial<RequestHandlerDeps> = {}) {
  const db = openTestDb();
  openDbs.push(db);
  const downloads: DownloadFile[] = [];
  const logged: unknown[] = [];
  const deps: RequestHandlerDeps = {
    db,
    download: async (file) => {
      downloads.push(file);
      return 42;
    },
    extensionId: EXTENSION_ID,
    version: '9.8.7',
    now: () => NOW,
    logError: (error) => logged.push(error),
    ...overrides,
  };
  return { db, downloads, logged, handle: createRequestHandler(deps) };
}

/** Three annotations (one on another page, one deleted) and two rated sources. */
async function seed(db: SourcemarkDb) {
  const live = await saveAnnotation(db, makeAnnotation({ id: 'a-live', note: 'Only KCNA reports this' }), SAVED_AT);
  const elsewhere = await saveAnnotation(db, makeAnnotation({ id: 'b-elsewhere', url: 'https://news.example/other' }), SAVED_AT);
  const deleted = await saveAnnotation(db, makeAnnotation({ id: 'c-deleted', deletedAt: '2024-06-01T13:00:00.000Z' }), SAVED_AT);
  const kcna = await rateSource(db, { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true }, makeRating(), SAVED_AT);
  const user = makeSource({ rating: makeRating({ tier: 'mixed', score: 60 }) });
  await db.sources.put(user);
  return { live, elsewhere, deleted, kcna, user };
}

/** The handler's answer, failing the test if it declined to answer. */
async function answerOf(handle: ReturnType<typeof setup>['handle'], message: unknown): Promise<Result<unknown>> {
  const pending = handle(message, SELF);
  if (pending === undefined) throw new Error('The handler left a message from this extension unanswered.');
  return pending;
}

/** The export document inside a data: URL. */
function decodeExport(url: string): SourcemarkExport {
  const prefix = 'data:application/json;charset=utf-8,';
  expect(url.startsWith(prefix)).toBe(true);
  return JSON.parse(decodeURIComponent(url.slice(prefix.length))) as SourcemarkExport;
}

describe('createRequestHandler', () => {
  describe('senders', () => {
    it.each([
      ['another extension', { id: 'some-other-extension' }],
      ['a sender without an id', {}],
    ])('ignores a message from %s: no answer, no work', (_label, sender) => {
      const { handle, downloads } = setup();
      expect(handle({ type: 'export:json' }, sender)).toBeUndefined();
      expect(handle({ type: 'sources:list' }, sender)).toBeUndefined();
      expect(downloads).toEqual([]);
    });
  });

  describe('malformed messages', () => {
    it.each([
      ['a string', 'export:json', 'Expected Object but received "export:json"'],
      ['null', null, 'Expected Object but received null'],
      ['a number', 42, 'Expected Object but received 42'],
      ['an object without a type', { url: PAGE }, 'type: Invalid type'],
      ['an unknown type', { type: 'annotations:delete-all' }, 'but received "annotations:delete-all"'],
      ['an extra field', { type: 'sources:list', extra: true }, 'extra: Invalid key'],
      ['a url that is not a string', { type: 'annotations:for-page', url: 42 }, 'url: Invalid type: Expected string but received 42'],
      ['a missing url', { type: 'annotations:for-page' }, 'url: Invalid key'],
      ['an over-long url', { type: 'annotations:for-page', url: `${PAGE}?${'x'.repeat(9000)}` }, 'url: Invalid length'],
      ['export ids that are not a list', { type: 'export:json', ids: 'a-live' }, 'ids: Invalid type'],
      ['an export id that is not a string', { type: 'export:json', ids: ['a', 7] }, 'ids.1: Invalid type'],
      ['more than 100,000 export ids', { type: 'export:json', ids: Array.from({ length: 100_001 }, (_, i) => `id-${i}`) }, 'ids: Invalid length'],
    ])('answers %s with a failed Result naming the problem', async (_label, message, problem) => {
      const { handle, downloads } = setup();
      const result = await answerOf(handle, message);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatch(/^Unexpected message: /);
      expect(result.error).toContain(problem);
      expect(downloads).toEqual([]);
    });
  });

  describe('valid requests', () => {
    it.each([
      {
        request: { type: 'annotations:for-page', url: PAGE },
        expected: (s: Awaited<ReturnType<typeof seed>>) => [s.live],
      },
      {
        request: { type: 'annotations:for-page', url: 'https://news.example/never-visited' },
        expected: () => [],
      },
      {
        request: { type: 'sources:list' },
        expected: (s: Awaited<ReturnType<typeof seed>>) => [s.kcna, s.user],
      },
    ])('answers $request.type $request.url with the stored records', async ({ request, expected }) => {
      const { db, handle, downloads } = setup();
      const stored = await seed(db);
      expect(await answerOf(handle, request)).toEqual({ ok: true, value: expected(stored) });
      expect(downloads).toEqual([]);
    });

    it('exports everything as JSON in a data: URL under Sourcemark/, and answers a summary', async () => {
      const { db, handle, downloads } = setup();
      const stored = await seed(db);

      const result = await answerOf(handle, { type: 'export:json' });
      const filename = 'Sourcemark/sourcemark-export-2025-03-04T05-06-07.json';
      expect(result).toEqual({
        ok: true,
        value: { filename, annotationCount: 3, sourceCount: 2, downloadId: 42 } satisfies ExportSummary,
      });
      expect(downloads).toHaveLength(1);
      const [file] = downloads;
      expect(file?.filename).toBe(filename);

      const doc = decodeExport(file?.url ?? '');
      expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
      expect(doc.generator).toEqual({ name: 'Sourcemark', version: '9.8.7' });
      expect(doc.exportedAt).toBe(NOW.toISOString());
      // Every annotation, the deleted one too, with selectors and timestamps exactly as stored.
      expect(doc.annotations).toEqual([stored.live, stored.elsewhere, stored.deleted]);
      for (const a of doc.annotations) {
        expect(a.target.selectors.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
        expect(a.createdAt).toBeTypeOf('string');
        expect(a.updatedAt).toBe(SAVED_AT.toISOString());
      }
      expect(doc.annotations.find((a) => a.id === 'c-deleted')?.deletedAt).toBe('2024-06-01T13:00:00.000Z');
      // Every stored source with its rating.
      expect(doc.sources).toEqual([stored.kcna, stored.user]);
      expect(doc.sources.map((s) => s.rating?.tier)).toEqual(['propaganda', 'mixed']);
    });

    it('exports an empty database as a valid, empty document', async () => {
      const { handle, downloads } = setup();
      const result = await answerOf(handle, { type: 'export:json' });
      expect(result).toMatchObject({ ok: true, value: { annotationCount: 0, sourceCount: 0 } });
      const doc = decodeExport(downloads[0]?.url ?? '');
      expect(doc.annotations).toEqual([]);
      expect(doc.sources).toEqual([]);
    });

    it('exports only the annotations named by `ids` (the library’s selection), in id order, with every stored source', async () => {
      const { db, handle, downloads } = setup();
      const stored = await seed(db);
      const result = await answerOf(handle, { type: 'export:json', ids: ['c-deleted', 'a-live', 'no-such-id', 'a-live'] });
      expect(result).toMatchObject({ ok: true, value: { annotationCount: 2, sourceCount: 2 } });
      const doc = decodeExport(downloads[0]?.url ?? '');
      expect(doc.annotations).toEqual([stored.live, stored.deleted]);
      expect(doc.sources).toEqual([stored.kcna, stored.user]);
    });

    it('never exports the library’s derived index', async () => {
      const { db, handle, downloads } = setup();
      const stored = await seed(db);
      expect(await db.libraryIndex.count()).toBe(2);
      await answerOf(handle, { type: 'export:json' });
      await answerOf(handle, { type: 'export:json', ids: ['a-live'] });
      const [all, one] = downloads.map((file) => decodeExport(file.url));
      expect(all?.annotations).toEqual([stored.live, stored.elsewhere, stored.deleted]);
      expect(one?.annotations).toEqual([stored.live]);
      expect(Object.keys(all ?? {}).sort()).toEqual(['annotations', 'exportedAt', 'generator', 'schemaVersion', 'sources']);
    });

    it('exports nothing but the sources for an empty `ids`', async () => {
      const { db, handle, downloads } = setup();
      await seed(db);
      const result = await answerOf(handle, { type: 'export:json', ids: [] });
      expect(result).toMatchObject({ ok: true, value: { annotationCount: 0, sourceCount: 2 } });
      expect(decodeExport(downloads[0]?.url ?? '').annotations).toEqual([]);
    });
  });

  describe('failures', () => {
    it('answers a download that throws with "Export failed: …", logs it, and writes nothing', async () => {
      const error = new Error('Invalid filename');
      const { db, handle, logged } = setup({ download: () => Promise.reject(error) });
      const stored = await seed(db);

      const result = await answerOf(handle, { type: 'export:json' });
      expect(result).toEqual({ ok: false, error: 'Export failed: Invalid filename' });
      expect(logged).toEqual([error]);
      expect(await allAnnotations(db)).toEqual([stored.live, stored.elsewhere, stored.deleted]);
      expect(await db.sources.count()).toBe(2);
    });

    it('answers a download that throws synchronously the same way, never rejecting', async () => {
      const { handle } = setup({
        download: () => {
          throw new Error('downloads is undefined');
        },
      });
      await expect(answerOf(handle, { type: 'export:json' })).resolves.toEqual({
        ok: false,
        error: 'Export failed: downloads is undefined',
      });
    });

    it.each([
      [{ type: 'annotations:for-page', url: PAGE }, 'Could not load the saved annotations for this page: '],
      [{ type: 'sources:list' }, 'Could not load your sources: '],
      [{ type: 'export:json' }, 'Export failed: '],
    ])('turns a storage error on %o into a failed Result saying what to do', async (request, prefix) => {
      const { db, handle, logged, downloads } = setup();
      const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      vi.spyOn(db.annotations, 'where').mockImplementation(() => {
        throw quota;
      });
      vi.spyOn(db.annotations, 'toArray').mockRejectedValue(quota);
      vi.spyOn(db.sources, 'toArray').mockRejectedValue(quota);

      const result = await answerOf(handle, request);
      expect(result).toEqual({
        ok: false,
        error: `${prefix}the browser has no storage space left for Sourcemark (The quota has been exceeded.). Free some disk space, then try again.`,
      });
      // The developer log keeps the whole error (for the export, Dexie's transaction wrapper around it).
      expect(logged).toEqual([expect.objectContaining({ name: 'QuotaExceededError' })]);
      expect(downloads).toEqual([]);
    });
  });
});

describe('describeError', () => {
  it.each([
    ['an Error', new Error('Download interrupted'), 'Download interrupted'],
    ['a DOMException-like object', { name: 'AbortError', message: 'The operation was aborted.' }, 'The operation was aborted.'],
    ['a string', 'boom', 'boom'],
    ['an Error without a message', new TypeError(''), 'unexpected TypeError with no message'],
    ['undefined', undefined, 'undefined'],
    [
      'a wrapped error, by its innermost cause',
      { name: 'AbortError', message: 'Transaction aborted\n NotFoundError: No such store', inner: new Error('No such store') },
      'No such store',
    ],
    [
      'a quota error, with what to do',
      new DOMException('Quota exceeded', 'QuotaExceededError'),
      'the browser has no storage space left for Sourcemark (Quota exceeded). Free some disk space, then try again.',
    ],
  ])('describes %s', (_label, error, expected) => {
    expect(describeError(error)).toBe(expected);
  });
});
