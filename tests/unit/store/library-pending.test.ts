import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, VerdictRating } from '../../../lib/model';
import { DEFAULT_QUERY, type LibraryQuery } from '../../../lib/library/query';
import { deleteAnnotations, saveAnnotation } from '../../../lib/store/annotations';
import type { SourcemarkDb } from '../../../lib/store/db';
import { applyImportPlan, planImport } from '../../../lib/store/exchange';
import { countLive, openLibraryQuery } from '../../../lib/store/library';
import { rebuildLibrary } from '../../../lib/store/library-index';
import { drainPendingIndex, pendingIndexCount } from '../../../lib/store/library-pending';
import { makeAnnotation, openTestDb } from '../support/store-fixtures';

let db: SourcemarkDb;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  await db.delete();
});

/** An annotation with id `n-<i>` created on day `day` of 2024, with these tags and note. */
function note(i: number, day: number, extra: Partial<Annotation> = {}): Annotation {
  const at = new Date(Date.UTC(2024, 0, 1 + day, 12)).toISOString();
  return makeAnnotation({ id: `n-${i}`, createdAt: at, updatedAt: at, url: `https://site${i % 3}.example/story`, ...extra });
}

/** Import these annotations as a file would bring them (planned, then applied), in chunks of `chunk`. */
async function importAll(annotations: Annotation[], chunk = 4): Promise<void> {
  await applyImportPlan(db, await planImport(db, { annotations, sources: [] }, { chunkSize: chunk }), { chunkSize: chunk });
}

/** The library's derived tables, and what a few searches find: what a rebuild must reproduce. */
async function librarySnapshot() {
  const ids = async (query: LibraryQuery) => (await (await openLibraryQuery(db, query, new Map())).next(500)).map((a) => a.id);
  return {
    index: await db.libraryIndex.toArray(),
    facets: await db.libraryFacets.toArray(),
    all: await ids(DEFAULT_QUERY),
    searchKcna: await ids({ ...DEFAULT_QUERY, text: 'kcna' }),
    searchFresh: await ids({ ...DEFAULT_QUERY, text: 'fresh' }),
    tagged: await ids({ ...DEFAULT_QUERY, filters: { tag: 'urgent' } }),
    falseVerdict: await ids({ ...DEFAULT_QUERY, filters: { verdict: 'false' } }),
  };
}

/** Index what is pending, then check the library against a rebuild from the annotations. */
async function expectLibraryMatchesRebuild(): Promise<void> {
  await drainPendingIndex(db);
  const indexed = await librarySnapshot();
  await rebuildLibrary(db);
  expect(indexed).toEqual(await librarySnapshot());
}

describe('an import indexed after it is stored', () => {
  it('replaces the library rows of the versions it updates, tags, verdicts and counters included', async () => {
    for (const a of [note(1, 1), note(2, 2), note(3, 3)]) await saveAnnotation(db, a, new Date('2024-02-01T00:00:00Z'));
    await importAll([
      note(1, 1, { tags: ['urgent'], updatedAt: '2025-01-01T00:00:00.000Z' }),
      note(2, 2, { verdict: { rating: 'false', rationale: '', ratedAt: '2025-01-01T00:00:00.000Z' }, updatedAt: '2025-01-01T00:00:00.000Z' }),
      note(4, 4),
    ]);
    expect(await pendingIndexCount(db)).toBe(3);
    // Until indexed, the library still shows what it had.
    expect(await countLive(db)).toBe(3);
    expect(await drainPendingIndex(db)).toBe(3);
    expect(await countLive(db)).toBe(4);
    expect((await librarySnapshot()).tagged).toEqual(['n-1']);
    await expectLibraryMatchesRebuild();
  });

  it('moves a row whose creation date the file changed, leaving no duplicate', async () => {
    await saveAnnotation(db, note(1, 1), new Date('2024-02-01T00:00:00Z'));
    await importAll([note(1, 9, { updatedAt: '2025-01-01T00:00:00.000Z' })]);
    await drainPendingIndex(db);
    expect((await db.libraryIndex.toArray()).map((row) => row.id)).toEqual(['n-1']);
    await expectLibraryMatchesRebuild();
  });

  it('takes a deletion the file brings out of the library', async () => {
    await saveAnnotation(db, note(1, 1), new Date('2024-02-01T00:00:00Z'));
    await importAll([note(1, 1, { deletedAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' })]);
    await drainPendingIndex(db);
    expect(await countLive(db)).toBe(0);
    await expectLibraryMatchesRebuild();
  });

  it('is indexed first when the user edits an imported annotation before the library got to it', async () => {
    await importAll([note(1, 1), note(2, 2)]);
    const [imported] = await db.annotations.bulkGet(['n-1']);
    if (!imported) throw new Error('not imported');
    await saveAnnotation(db, { ...imported, tags: ['urgent'] });
    // The edit's transaction indexed the whole import, then replaced the edited row.
    expect(await pendingIndexCount(db)).toBe(0);
    expect(await countLive(db)).toBe(2);
    expect((await librarySnapshot()).tagged).toEqual(['n-1']);
    await deleteAnnotations(db, ['n-2']);
    expect(await countLive(db)).toBe(1);
    await expectLibraryMatchesRebuild();
  });

  it('keeps what it could not index yet when indexing fails part-way, and finishes on the next run', async () => {
    await importAll([note(1, 1), note(2, 2), note(3, 3), note(4, 4), note(5, 5)], 2);
    let created = 0;
    const fail = () => {
      created += 1;
      if (created === 3) throw new Error('disk full');
    };
    db.libraryIndex.hook('creating', fail);
    await expect(drainPendingIndex(db)).rejects.toThrow('disk full');
    db.libraryIndex.hook('creating').unsubscribe(fail);
    // The first chunk's transaction committed; the failed one rolled back whole.
    expect(await countLive(db)).toBe(2);
    expect(await pendingIndexCount(db)).toBe(3);
    expect(await db.annotations.count()).toBe(5);
    expect(await drainPendingIndex(db)).toBe(3);
    expect(await countLive(db)).toBe(5);
    await expectLibraryMatchesRebuild();
  });

  it('ends in the library a rebuild gives, whatever mix of imports, edits and indexing runs', async () => {
    type Step =
      | { kind: 'import'; rows: { i: number; day: number; tag: boolean; verdict: VerdictRating | null; gone: boolean; fresh: boolean }[] }
      | { kind: 'edit'; i: number; tag: boolean }
      | { kind: 'drain' };
    const row = fc.record({
      i: fc.integer({ min: 0, max: 7 }),
      day: fc.integer({ min: 0, max: 3 }),
      tag: fc.boolean(),
      verdict: fc.constantFrom<VerdictRating | null>(null, 'false', 'true'),
      gone: fc.boolean(),
      fresh: fc.boolean(),
    });
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('import' as const), rows: fc.uniqueArray(row, { selector: (r) => r.i, maxLength: 6 }) }),
      fc.record({ kind: fc.constant('edit' as const), i: fc.integer({ min: 0, max: 7 }), tag: fc.boolean() }),
      fc.constant({ kind: 'drain' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        await Promise.all([db.annotations.clear(), db.libraryIndex.clear(), db.libraryWords.clear(), db.libraryStale.clear(), db.libraryFacets.clear(), db.libraryPending.clear(), db.outbox.clear()]);
        let clock = Date.UTC(2025, 0, 1);
        for (const s of steps) {
          clock += 60_000;
          const stamp = new Date(clock).toISOString();
          if (s.kind === 'import') {
            await importAll(
              s.rows.map((r) =>
                note(r.i, r.day, {
                  updatedAt: stamp,
                  tags: r.tag ? ['urgent'] : [],
                  note: r.fresh ? 'fresh reporting' : '',
                  ...(r.verdict ? { verdict: { rating: r.verdict, rationale: '', ratedAt: stamp } } : {}),
                  ...(r.gone ? { deletedAt: stamp } : {}),
                }),
              ),
              2,
            );
          } else if (s.kind === 'edit') {
            const [current] = await db.annotations.bulkGet([`n-${s.i}`]);
            if (current && !current.deletedAt) await saveAnnotation(db, { ...current, tags: s.tag ? ['urgent'] : [] }, new Date(clock));
          } else {
            await drainPendingIndex(db);
          }
        }
        await expectLibraryMatchesRebuild();
        // Every live or deleted annotation written is queued for sync exactly once.
        const outbox = (await db.outbox.toArray()).map((e) => e.docId).sort();
        expect(outbox).toEqual((await db.annotations.toArray()).map((a) => `annotation:${a.id}`).sort());
      }),
      { numRuns: 60 },
    );
  });
});
