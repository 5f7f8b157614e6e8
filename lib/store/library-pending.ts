/**
 * Imports index their annotations after they are stored. A large import writes its annotations
 * and, per chunk, one `libraryPending` row naming them, in its all-or-nothing transaction; the
 * library's rows, word postings and counters, and the sync outbox entries, are made from those
 * rows afterwards (`drainPendingIndex`: the background, right after the import and whenever it
 * starts), a chunk per transaction.
 *
 * Why: IndexedDB charges every row written, however small. Indexing in the import's transaction
 * wrote three rows per annotation (the annotation, its library row with six filter indexes, its
 * outbox entry) and made a 100,000-annotation import wait 2.6 times as long as storing the
 * annotations alone. The user's file is safe once the annotations are stored; the library's rows
 * are derived data.
 *
 * Nothing is lost or counted twice: a pending row commits with its annotations, and is deleted
 * in the transaction that indexes them. Every other write of annotations indexes what is pending
 * first, in its own transaction (lib/store/annotation-writes.ts), so it always replaces rows the
 * library holds. Until then the library shows the imported annotations as still being indexed.
 */
import { indexKeyOf, indexRowOf, sourceLabelOf, type IndexRowChange, type LibraryIndexRow } from '../library/index-fields';
import { newBlockId } from '../library/word-postings';
import type { Annotation } from '../model';
import type { SourcemarkDb } from './db';
import { libraryWriteTables, writeIndexChanges } from './library-index';
import { queueChanges } from './outbox';

/** One written chunk whose library rows and outbox entries are still to be made. */
export type PendingIndexRow = {
  /** Primary key: write time (ms, fixed width), chunk number, random: oldest first. */
  key: string;
  /** The annotations written (each once). */
  ids: string[];
  /** The library keys of the stored versions these replaced, to take out of the library. */
  replaced: string[];
};

/** The pending row of one written chunk: `changes` are the stored versions before (if any) and the written ones. */
export function pendingRowOf(changes: readonly (readonly [Annotation | undefined, Annotation])[], chunk: number, now = Date.now()): PendingIndexRow {
  const replaced: string[] = [];
  for (const [before] of changes) if (before && !before.deletedAt) replaced.push(indexKeyOf(before));
  return {
    key: `${String(now).padStart(15, '0')}:${String(chunk).padStart(6, '0')}:${newBlockId()}`,
    ids: changes.map(([, after]) => after.id),
    replaced,
  };
}

/**
 * Index one pending chunk and delete its row. Inside a read-write transaction over
 * `libraryWriteTables`. Each annotation is indexed as it is stored now, replacing the library row
 * that holds it: the one under its current key, else the replaced version's.
 */
async function indexPendingRow(db: SourcemarkDb, pending: PendingIndexRow): Promise<void> {
  const annotations = (await db.annotations.bulkGet(pending.ids)).filter((row): row is Annotation => row !== undefined);
  // The library rows there are, by id: under the annotations' keys now, or the replaced versions'.
  // Read with one cursor over the keys: `bulkGet` costs a request per key, found or not, and a
  // fresh import finds none.
  const currentKeys = annotations.map(indexKeyOf);
  const indexed = await db.libraryIndex.where(':id').anyOf([...currentKeys, ...pending.replaced]).toArray();
  const atKey = new Map<string, LibraryIndexRow>();
  const byId = new Map<string, LibraryIndexRow>();
  for (const row of indexed) {
    atKey.set(row.key, row);
    byId.set(row.id, row);
  }
  // A key ends with its annotation's id, so a row under the current key is this annotation's.
  const changes: IndexRowChange[] = annotations.map((annotation, i) => ({
    before: atKey.get(currentKeys[i] as string) ?? byId.get(annotation.id),
    after: indexRowOf(annotation),
    label: sourceLabelOf(annotation),
  }));
  await Promise.all([writeIndexChanges(db, changes), queueChanges(db, 'annotation', pending.ids), db.libraryPending.delete(pending.key)]);
}

/**
 * Index every pending chunk, inside the caller's read-write transaction over
 * `libraryWriteTables`. Returns how many annotations it indexed (0 when none waited: one read).
 */
export async function indexPendingIn(db: SourcemarkDb): Promise<number> {
  let indexed = 0;
  for (const pending of await db.libraryPending.toArray()) {
    await indexPendingRow(db, pending);
    indexed += pending.ids.length;
  }
  return indexed;
}

/** How many imported annotations wait to be indexed (the library says so while they do). */
export async function pendingIndexCount(db: SourcemarkDb): Promise<number> {
  let count = 0;
  await db.libraryPending.each((row) => {
    count += row.ids.length;
  });
  return count;
}

/**
 * Index everything pending, one chunk per transaction (so the library shows each chunk as it is
 * done, and other writes wait for one chunk at most). Safe to run in several places at once:
 * each transaction takes the oldest row still there. Returns how many annotations it indexed.
 */
export async function drainPendingIndex(db: SourcemarkDb, onProgress?: (indexed: number) => void): Promise<number> {
  let indexed = 0;
  for (;;) {
    const done = await db.transaction('rw', libraryWriteTables(db), async () => {
      const next = await db.libraryPending.orderBy(':id').first();
      if (!next) return 0;
      await indexPendingRow(db, next);
      return next.ids.length;
    });
    if (done === 0) return indexed;
    indexed += done;
    onProgress?.(indexed);
  }
}
