import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/model';
import { putAnnotations, saveAnnotation } from '../../../lib/store/annotations';
import type { SourcemarkDb } from '../../../lib/store/db';
import { applyImportPlan, planImport, planWrites, readExportPages, type ExportScope } from '../../../lib/store/exchange';
import { countLive, openLibraryQuery } from '../../../lib/store/library';
import { rebuildLibrary } from '../../../lib/store/library-index';
import { drainPendingIndex, pendingIndexCount } from '../../../lib/store/library-pending';
import { DEFAULT_QUERY } from '../../../lib/library/query';
import { makeAnnotation, makeSource, openTestDb } from '../support/store-fixtures';

let db: SourcemarkDb;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  await db.delete();
});

/** `n` annotations with ids `a-000…`, one a day from 2024-01-01, on two pages. */
function many(n: number, overrides: (i: number) => Partial<Annotation> = () => ({})): Annotation[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + i, 12)).toISOString();
    return makeAnnotation({
      id: `a-${String(i).padStart(3, '0')}`,
      url: i % 2 === 0 ? 'https://news.example/even' : 'https://news.example/odd',
      createdAt: day,
      updatedAt: day,
      ...overrides(i),
    });
  });
}

/** Every page of a read, collected. */
async function readAll(scope: ExportScope, pageSize = 3) {
  const pages = [];
  for await (const page of readExportPages(db, scope, { pageSize })) pages.push(page);
  return pages;
}

/** A snapshot of every table an import writes, to compare before and after. */
async function snapshot() {
  return {
    annotations: await db.annotations.toArray(),
    sources: await db.sources.toArray(),
    index: await db.libraryIndex.toArray(),
    facets: await db.libraryFacets.toArray(),
    pending: await db.libraryPending.toArray(),
    outbox: (await db.outbox.toArray()).map((entry) => entry.docId),
  };
}

describe('readExportPages', () => {
  it('reads everything, tombstones included, in id order, a page at a time, with progress', async () => {
    const rows = many(8, (i) => (i === 5 ? { deletedAt: '2024-02-01T00:00:00.000Z' } : {}));
    await putAnnotations(db, [...rows].reverse());
    const pages = await readAll({ kind: 'all' });
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 2]);
    expect(pages.flatMap((p) => p.rows)).toEqual(rows);
    expect(pages.map((p) => [p.scanned, p.total])).toEqual([
      [3, 8],
      [6, 8],
      [8, 8],
    ]);
  });

  it('ends with an empty page when the table is a whole number of pages, and reads an empty table as one empty page', async () => {
    expect((await readAll({ kind: 'all' })).map((p) => p.rows)).toEqual([[]]);
    await putAnnotations(db, many(6));
    expect((await readAll({ kind: 'all' })).map((p) => p.rows.length)).toEqual([3, 3, 0]);
  });

  it.each<[string, ExportScope, string[]]>([
    ['the live annotations of one page', { kind: 'page', url: 'https://news.example/even' }, ['a-000', 'a-002', 'a-006']],
    ['live annotations with the given ids, unknown ones skipped', { kind: 'ids', ids: ['a-006', 'a-001', 'nope', 'a-004', 'a-001'] }, ['a-001', 'a-006']],
    ['live annotations made within a date range (inclusive days)', { kind: 'dates', from: '2024-01-02', to: '2024-01-05' }, ['a-001', 'a-002', 'a-003']],
    ['live annotations from one day on', { kind: 'dates', from: '2024-01-06' }, ['a-005', 'a-006']],
    ['live annotations of one source', { kind: 'source', sourceId: 'yonhap' }, ['a-001', 'a-003']],
  ])('reads %s', async (_label, scope, ids) => {
    const yonhap = makeAnnotation().attributions.map((a) => ({ ...a, source: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' as const }, label: 'Yonhap' }));
    await putAnnotations(
      db,
      many(7, (i) => ({
        ...(i === 4 ? { deletedAt: '2024-02-01T00:00:00.000Z' } : {}),
        ...(i === 1 || i === 3 ? { attributions: yonhap } : {}),
      })),
    );
    const pages = await readAll(scope);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(ids);
  });

  it('reads the matches of a library view (search and filters) in the view’s order', async () => {
    await putAnnotations(db, many(7, (i) => ({ note: i % 3 === 0 ? 'check the readout' : '' })));
    const scope: ExportScope = { kind: 'query', query: { ...DEFAULT_QUERY, text: 'readout' }, tiers: new Map() };
    const pages = await readAll(scope, 2);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(['a-006', 'a-003', 'a-000']);
    expect(pages.at(-1)?.total).toBe(3);
  });

  it('stops between pages when cancelled, with the signal’s reason', async () => {
    await putAnnotations(db, many(9));
    const controller = new AbortController();
    const seen: number[] = [];
    const read = async () => {
      for await (const page of readExportPages(db, { kind: 'all' }, { pageSize: 3, signal: controller.signal })) {
        seen.push(page.rows.length);
        controller.abort();
      }
    };
    await expect(read()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([3]);
  });
});

describe('planImport and applyImportPlan', () => {
  it('adds everything into an empty store in one go, and the library indexes it right after', async () => {
    const rows = many(12);
    const source = makeSource();
    const plan = await planImport(db, { annotations: rows, sources: [source] }, { chunkSize: 5 });
    expect(plan.annotations.added).toHaveLength(12);
    expect(plan.sources.added).toEqual([source]);
    expect(planWrites(plan)).toBe(13);

    const result = await applyImportPlan(db, plan, { chunkSize: 5 });
    expect(result).toEqual({ annotationsWritten: 12, sourcesWritten: 1, overtaken: 0 });
    expect(await db.annotations.toArray()).toEqual(rows);
    expect(await db.sources.toArray()).toEqual([source]);
    // Stored, one pending row per chunk; the library and the outbox get them from those rows.
    expect(await db.libraryPending.count()).toBe(3);
    expect(await pendingIndexCount(db)).toBe(12);
    expect(await countLive(db)).toBe(0);
    expect(await drainPendingIndex(db)).toBe(12);
    expect(await db.libraryPending.count()).toBe(0);
    // The library sees them as if saved one by one: its derived tables match a rebuild.
    expect(await countLive(db)).toBe(12);
    const cursor = await openLibraryQuery(db, DEFAULT_QUERY, new Map());
    expect((await cursor.next(50)).map((a) => a.id)).toEqual(rows.map((a) => a.id).reverse());
    expect((await db.outbox.toArray()).map((e) => e.docId).sort()).toEqual([...rows.map((a) => `annotation:${a.id}`), `source:${source.id}`].sort());
    const built = await snapshot();
    await rebuildLibrary(db);
    expect(await snapshot()).toEqual(built);
  });

  it('re-importing the same records changes nothing and reports them all unchanged', async () => {
    const records = { annotations: many(6), sources: [makeSource()] };
    await applyImportPlan(db, await planImport(db, records));
    const before = await snapshot();
    const again = await planImport(db, records);
    expect(again.annotations).toEqual({ added: [], updated: [], unchanged: records.annotations, skipped: [] });
    expect(again.sources).toEqual({ added: [], updated: [], unchanged: records.sources, skipped: [] });
    await applyImportPlan(db, again);
    expect(await snapshot()).toEqual(before);
  });

  it('newer updatedAt wins, both ways, and the summary says why a record is skipped', async () => {
    const stored = await saveAnnotation(db, makeAnnotation({ id: 'mine-newer', note: 'mine' }), new Date('2024-06-10T00:00:00.000Z'));
    await saveAnnotation(db, makeAnnotation({ id: 'file-newer', note: 'old' }), new Date('2024-06-01T00:00:00.000Z'));
    await saveAnnotation(db, makeAnnotation({ id: 'same-time', note: 'mine' }), new Date('2024-06-01T00:00:00.000Z'));
    const incoming = [
      makeAnnotation({ id: 'mine-newer', note: 'theirs', updatedAt: '2024-06-05T00:00:00.000Z' }),
      makeAnnotation({ id: 'file-newer', note: 'theirs, later', updatedAt: '2024-06-07T00:00:00.000Z' }),
      makeAnnotation({ id: 'same-time', note: 'theirs', updatedAt: '2024-06-01T00:00:00.000Z' }),
    ];
    const plan = await planImport(db, { annotations: incoming, sources: [] });
    expect(plan.annotations.updated.map((u) => u.incoming.id)).toEqual(['file-newer']);
    expect(plan.annotations.skipped.map((s) => [s.record.id, s.reason.kind])).toEqual([
      ['mine-newer', 'older'],
      ['same-time', 'same-time-different-content'],
    ]);
    await applyImportPlan(db, plan);
    expect(await db.annotations.get('mine-newer')).toEqual(stored);
    expect((await db.annotations.get('file-newer'))?.note).toBe('theirs, later');
    expect((await db.annotations.get('same-time'))?.note).toBe('mine');
  });

  it('updates a source whose file copy is newer and keeps a stored source that is newer', async () => {
    await db.sources.bulkPut([
      makeSource({ id: 'older-here', updatedAt: '2024-01-01T00:00:00.000Z' }),
      makeSource({ id: 'newer-here', updatedAt: '2024-09-01T00:00:00.000Z', name: 'Mine' }),
    ]);
    const plan = await planImport(db, {
      annotations: [],
      sources: [makeSource({ id: 'older-here', name: 'Theirs', updatedAt: '2024-05-01T00:00:00.000Z' }), makeSource({ id: 'newer-here', name: 'Theirs' })],
    });
    await applyImportPlan(db, plan);
    expect((await db.sources.get('older-here'))?.name).toBe('Theirs');
    expect((await db.sources.get('newer-here'))?.name).toBe('Mine');
    expect(plan.sources.skipped.map((s) => [s.record.id, s.reason.kind])).toEqual([['newer-here', 'older']]);
  });

  it('writes nothing at all when a write fails part-way through (all-or-nothing)', async () => {
    await putAnnotations(db, many(3));
    await db.sources.put(makeSource({ id: 'kept' }));
    const before = await snapshot();
    const incoming = many(20, () => ({ updatedAt: '2025-01-01T00:00:00.000Z', note: 'imported' }));
    const plan = await planImport(db, { annotations: incoming, sources: [makeSource({ id: 'new-source' })] }, { chunkSize: 4 });
    // Fail on the 13th annotation: after three chunks of four were written inside the transaction.
    let created = 0;
    db.annotations.hook('creating', () => {
      created += 1;
      if (created === 13) throw new Error('disk on fire');
    });
    await expect(applyImportPlan(db, plan, { chunkSize: 4 })).rejects.toThrow('disk on fire');
    expect(created).toBeGreaterThanOrEqual(13);
    expect(await snapshot()).toEqual(before);
  });

  it('writes nothing when cancelled part-way through', async () => {
    const before = await snapshot();
    const controller = new AbortController();
    const plan = await planImport(db, { annotations: many(20), sources: [makeSource()] });
    const steps: number[] = [];
    const applying = applyImportPlan(db, plan, {
      chunkSize: 5,
      signal: controller.signal,
      onProgress: (done) => {
        steps.push(done);
        if (done === 10) controller.abort();
      },
    });
    await expect(applying).rejects.toMatchObject({ name: 'AbortError' });
    expect(steps).toEqual([5, 10]);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves a record alone when the stored copy became newer between planning and confirming', async () => {
    const plan = await planImport(db, { annotations: [makeAnnotation({ id: 'raced', note: 'file', updatedAt: '2024-06-01T00:00:00.000Z' })], sources: [] });
    const edited = await saveAnnotation(db, makeAnnotation({ id: 'raced', note: 'edited in another tab' }), new Date('2024-07-01T00:00:00.000Z'));
    expect(await applyImportPlan(db, plan)).toEqual({ annotationsWritten: 0, sourcesWritten: 0, overtaken: 1 });
    expect(await db.annotations.get('raced')).toEqual(edited);
  });
});
