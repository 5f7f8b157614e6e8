import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequestHandler, describeError, type RequestHandlerDeps } from '../../../lib/background/handle-request';
import type { Result } from '../../../lib/messages';
import { saveAnnotation } from '../../../lib/store/annotations';
import type { SourcemarkDb } from '../../../lib/store/db';
import { applyImportPlan, planImport } from '../../../lib/store/exchange';
import { rateSource } from '../../../lib/store/sources';
import { makeAnnotation, makeRating, makeSource, openTestDb } from '../support/store-fixtures';

const EXTENSION_ID = 'sourcemark-test-id';
const SELF = { id: EXTENSION_ID };
const SAVED_AT = new Date('2024-06-01T12:00:00.000Z');
const PAGE = 'https://news.example/korea-russia';

const openDbs: SourcemarkDb[] = [];
afterEach(async () => {
  await Promise.all(openDbs.splice(0).map((db) => db.delete()));
});

/** A handler over a fresh db, recording logged errors. */
function setup(overrides: Partial<RequestHandlerDeps> = {}) {
  const db = openTestDb();
  openDbs.push(db);
  const logged: unknown[] = [];
  const deps: RequestHandlerDeps = {
    db,
    extensionId: EXTENSION_ID,
    logError: (error) => logged.push(error),
    ...overrides,
  };
  return { db, logged, handle: createRequestHandler(deps) };
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

describe('createRequestHandler', () => {
  describe('senders', () => {
    it.each([
      ['another extension', { id: 'some-other-extension' }],
      ['a sender without an id', {}],
    ])('ignores a message from %s: no answer, no work', (_label, sender) => {
      const { handle } = setup();
      expect(handle({ type: 'annotations:for-page', url: PAGE }, sender)).toBeUndefined();
      expect(handle({ type: 'sources:list' }, sender)).toBeUndefined();
    });
  });

  describe('malformed messages', () => {
    it.each([
      ['a string', 'sources:list', 'Expected Object but received "sources:list"'],
      ['null', null, 'Expected Object but received null'],
      ['a number', 42, 'Expected Object but received 42'],
      ['an object without a type', { url: PAGE }, 'type: Invalid type'],
      ['an unknown type', { type: 'annotations:delete-all' }, 'but received "annotations:delete-all"'],
      ['an extra field', { type: 'sources:list', extra: true }, 'extra: Invalid key'],
      ['a url that is not a string', { type: 'annotations:for-page', url: 42 }, 'url: Invalid type: Expected string but received 42'],
      ['a missing url', { type: 'annotations:for-page' }, 'url: Invalid key'],
      ['an over-long url', { type: 'annotations:for-page', url: `${PAGE}?${'x'.repeat(9000)}` }, 'url: Invalid length'],
      ['the retired export request (exports run in extension pages now)', { type: 'export:json' }, 'but received "export:json"'],
    ])('answers %s with a failed Result naming the problem', async (_label, message, problem) => {
      const { handle } = setup();
      const result = await answerOf(handle, message);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatch(/^Unexpected message: /);
      expect(result.error).toContain(problem);
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
      const { db, handle } = setup();
      const stored = await seed(db);
      expect(await answerOf(handle, request)).toEqual({ ok: true, value: expected(stored) });
    });

    it('indexes what an import stored for the library, and answers how many annotations', async () => {
      const { db, handle } = setup();
      const imported = [makeAnnotation({ id: 'i-1' }), makeAnnotation({ id: 'i-2', createdAt: '2024-05-02T10:00:00.000Z' })];
      await applyImportPlan(db, await planImport(db, { annotations: imported, sources: [] }));
      expect(await db.libraryIndex.count()).toBe(0);
      expect(await answerOf(handle, { type: 'library:index-imported' })).toEqual({ ok: true, value: 2 });
      expect((await db.libraryIndex.toArray()).map((row) => row.id).sort()).toEqual(['i-1', 'i-2']);
      expect(await answerOf(handle, { type: 'library:index-imported' })).toEqual({ ok: true, value: 0 });
    });
  });

  describe('failures', () => {
    it.each([
      [{ type: 'annotations:for-page', url: PAGE }, 'Could not load the saved annotations for this page: '],
      [{ type: 'sources:list' }, 'Could not load your sources: '],
    ])('turns a storage error on %o into a failed Result saying what to do', async (request, prefix) => {
      const { db, handle, logged } = setup();
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
      // The developer log keeps the whole error.
      expect(logged).toEqual([expect.objectContaining({ name: 'QuotaExceededError' })]);
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
