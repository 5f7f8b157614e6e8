/**
 * Keeping the library's derived tables in step with the annotations: the one place that writes
 * `libraryIndex`, `libraryWords` (the word postings), `libraryStale` and `libraryFacets`. Every
 * write of annotations comes through `writeIndexChanges` (lib/store/annotation-writes.ts for the
 * repository and sync, lib/store/library-pending.ts for imports); the upgrades and
 * `rebuildLibrary` build the tables from scratch; `compactWordIndex` rewrites the postings once
 * edits have left many stale ones behind.
 */
import { applyFacetDelta, facetDeltasOfRows, facetRowsOf, type FacetRow } from '../library/facets';
import { indexRowOf, type IndexRowChange, type LibraryIndexRow } from '../library/index-fields';
import { newBlockId, postingsOf, sameWords, type WordPostingRow } from '../library/word-postings';
import type { Annotation } from '../model';
import type { SourcemarkDb } from './db';
import { queueChanges } from './outbox';

/**
 * A `libraryStale` row: an index key whose postings may be stale, because its row was replaced
 * (with other words, or under another key) or removed since the postings were last rewritten. A
 * search checks such keys on their current rows.
 */
export type StaleKeyRow = {
  /** The index key (`libraryIndex` primary key) the stale postings name. */
  key: string;
};

/** Index rows posted under one block id at most: a block's posting rows stay a few hundred KB. */
export const POSTING_BLOCK_ROWS = 10_000;

/** The posting rows of index rows, in blocks of `POSTING_BLOCK_ROWS` (a rebuild, or an upgrade). */
export function postingBlocksOf(rows: readonly LibraryIndexRow[]): WordPostingRow[] {
  const out: WordPostingRow[] = [];
  for (let i = 0; i < rows.length; i += POSTING_BLOCK_ROWS) out.push(...postingsOf(rows.slice(i, i + POSTING_BLOCK_ROWS), newBlockId()));
  return out;
}

/** The derived tables for a set of annotations (tombstones contribute nothing). */
export function libraryTablesOf(annotations: readonly Annotation[]): { index: LibraryIndexRow[]; words: WordPostingRow[]; facets: FacetRow[] } {
  const index = annotations.map(indexRowOf).filter((row): row is LibraryIndexRow => row !== undefined);
  return { index, words: postingBlocksOf(index), facets: facetRowsOf(annotations) };
}

/**
 * Bring the derived tables along with annotation writes, given as index rows: the one indexed
 * before (undefined: none) and the one to index (undefined: none, a tombstone or a removal).
 * Must run inside a read-write transaction over `libraryWriteTables`. The rows written are posted
 * under one new block; a replaced row whose key or words changed, and a removed row, bump the
 * stale counter (its old postings remain).
 */
export async function writeIndexChanges(db: SourcemarkDb, changes: readonly IndexRowChange[]): Promise<void> {
  const rows: LibraryIndexRow[] = [];
  const posted: LibraryIndexRow[] = [];
  const stale: string[] = [];
  const staled: StaleKeyRow[] = [];
  for (const { before: old, after: row } of changes) {
    if (row) rows.push(row);
    if (old && old.key !== row?.key) stale.push(old.key);
    // Unchanged words under the same key: the old postings still hold this row.
    const samePostings = old !== undefined && row !== undefined && old.key === row.key && sameWords(old.words, row.words);
    if (row && !samePostings) posted.push(row);
    if (old && !samePostings) staled.push({ key: old.key });
  }
  const deltas = facetDeltasOfRows(changes);
  const facetKeys = [...deltas.keys()];

  // The writes touch different rows, so they are all issued at once: IndexedDB runs them in
  // order within the transaction while this page prepares the next (awaiting each in turn
  // left one side idle while the other worked).
  await Promise.all([
    stale.length > 0 ? db.libraryIndex.bulkDelete(stale) : undefined,
    rows.length > 0 ? db.libraryIndex.bulkPut(rows) : undefined,
    posted.length > 0 ? db.libraryWords.bulkPut(postingsOf(posted, newBlockId())) : undefined,
    staled.length > 0 ? db.libraryStale.bulkPut(staled) : undefined,
    facetKeys.length === 0
      ? undefined
      : db.libraryFacets.bulkGet(facetKeys).then(async (current) => {
          const put: FacetRow[] = [];
          const gone: string[] = [];
          facetKeys.forEach((key, i) => {
            const delta = deltas.get(key);
            if (!delta) return;
            const next = applyFacetDelta(key, current[i], delta);
            if (next) put.push(next);
            else gone.push(key);
          });
          if (put.length > 0) await db.libraryFacets.bulkPut(put);
          if (gone.length > 0) await db.libraryFacets.bulkDelete(gone);
        }),
  ]);
}

/**
 * The tables a write of annotations touches: the annotations, the library's derived tables, the
 * imports still to index (a write indexes them first: lib/store/annotation-writes.ts) and the
 * sync outbox (indexing an import queues its records to send).
 */
export function libraryWriteTables(db: SourcemarkDb) {
  return [db.annotations, db.libraryIndex, db.libraryWords, db.libraryStale, db.libraryFacets, db.libraryPending, db.outbox] as const;
}

/** How many index keys may have stale postings (0: a word's postings are exactly its rows). */
export function staleWordCount(db: SourcemarkDb): Promise<number> {
  return db.libraryStale.count();
}

/** The index keys whose postings may be stale. */
export async function staleWordKeys(db: SourcemarkDb): Promise<Set<string>> {
  return new Set((await db.libraryStale.toCollection().primaryKeys()) as string[]);
}

/**
 * Rewrite the word postings from the index rows, leaving none stale. Reads every index row:
 * seconds for 100,000. One transaction, so searches meanwhile see the old postings.
 */
export async function compactWordIndex(db: SourcemarkDb): Promise<void> {
  await db.transaction('rw', [db.libraryIndex, db.libraryWords, db.libraryStale], async () => {
    const words = postingBlocksOf(await db.libraryIndex.toArray());
    await db.libraryWords.clear();
    await db.libraryWords.bulkPut(words);
    await db.libraryStale.clear();
  });
}

/**
 * Compact the postings when the keys with stale ones reach `share` of the live annotations (at
 * least `floor` of them): until then a search reads the stale keys and checks the few it found on
 * their rows, which costs little. Returns true when it compacted.
 */
export async function compactWordIndexIfStale(db: SourcemarkDb, { share = 0.05, floor = 500 } = {}): Promise<boolean> {
  const stale = await staleWordCount(db);
  if (stale === 0) return false;
  const live = (await db.libraryFacets.get('all'))?.count ?? 0;
  if (stale < Math.max(floor, live * share)) return false;
  await compactWordIndex(db);
  return true;
}

/**
 * Rebuild the derived tables from the annotations (after a bug, or data written around the
 * repository). Reads every annotation: seconds for 100,000.
 */
export async function rebuildLibrary(db: SourcemarkDb): Promise<void> {
  await db.transaction('rw', libraryWriteTables(db), async () => {
    const { index, words, facets } = libraryTablesOf(await db.annotations.toArray());
    // The rebuild indexes the imports still waiting too; what they owe sync is queued here.
    const pending = await db.libraryPending.toArray();
    await queueChanges(db, 'annotation', pending.flatMap((row) => row.ids));
    await db.libraryPending.clear();
    await db.libraryIndex.clear();
    await db.libraryWords.clear();
    await db.libraryStale.clear();
    await db.libraryFacets.clear();
    await db.libraryIndex.bulkPut(index);
    await db.libraryWords.bulkPut(words);
    await db.libraryFacets.bulkPut(facets);
  });
}
