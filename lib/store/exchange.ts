/**
 * The store's side of export and import: reading annotations for an export a page at a time, and
 * writing an import plan all-or-nothing. The formats themselves are pure code in lib/exchange;
 * this file only moves rows in and out of Dexie.
 *
 * Exports read in pages ordered by primary key (each page starts after the last id of the one
 * before), so 100,000 annotations never sit in memory at once and the caller can report progress
 * and stop between pages. Imports write every row of a plan in ONE read-write transaction over
 * the annotations, the library's derived tables and the sources: a failure or a cancel anywhere
 * aborts it, and nothing is written.
 */
import type { LibraryQuery } from '../library/query';
import { dayRange } from '../library/query';
import type { TierLookup } from '../library/plan';
import { planMerge, recordsToWrite, type ImportPlan, type MergePlan } from '../exchange/merge-plan';
import { selectionPredicate, type ExportSelection } from '../exchange/selection';
import type { Annotation, Source } from '../model';
import type { SourcemarkDb } from './db';
import { openLibraryQuery } from './library';
import { libraryWriteTables } from './library-index';
import { pendingRowOf } from './library-pending';
import { queueChanges } from './outbox';

/** Which annotations an export holds. */
export type ExportScope =
  /** Every annotation, deleted ones (tombstones) included: the lossless backup. */
  | { kind: 'all' }
  /** The live annotations with these ids (the library's selection); unknown ids are skipped. */
  | { kind: 'ids'; ids: readonly string[] }
  /** The live annotations of one normalised page URL (the popup's "this page"). */
  | { kind: 'page'; url: string }
  /** Live annotations made from day `from` to day `to` (YYYY-MM-DD, local, inclusive; either may be absent). */
  | { kind: 'dates'; from?: string; to?: string }
  /** Live annotations attributing the claim to this registry source id, anywhere in a chain (lib/exchange `selectionPredicate`). */
  | { kind: 'source'; sourceId: string }
  /** The live annotations a library view matches, filters and search included. */
  | { kind: 'query'; query: LibraryQuery; tiers: TierLookup };

/** One page of an export read. */
export type ExportPage = {
  /** The annotations of this page that are in the scope, in primary-key (id) order. */
  rows: Annotation[];
  /** How many stored rows have been looked at so far (for progress). */
  scanned: number;
  /** How many rows the read will look at in all, when known (for progress). */
  total: number | null;
};

/** Rows read per page: large enough that IndexedDB's per-request cost vanishes, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 2000;

/** Options of `readExportPages`. */
export type ReadExportOptions = {
  /** Rows per page (defaults to `EXPORT_PAGE_SIZE`). */
  pageSize?: number;
  /** Stops the read between pages; the generator then throws the signal's reason. */
  signal?: AbortSignal;
};

/** Throw the signal's reason (an `AbortError` by default) when it has fired. */
function checkAborted(signal: AbortSignal | undefined): void {
  signal?.throwIfAborted();
}

/** A scope as lib/exchange's selection (days become ISO times: local midnight to the next), or null for scopes read another way. */
export function selectionOf(scope: ExportScope): ExportSelection | null {
  switch (scope.kind) {
    case 'all':
      return { includeDeleted: true };
    case 'dates': {
      const range = dayRange({ from: scope.from, to: scope.to });
      // No range: the days exclude each other (from after to), so nothing matches.
      if (!range) return { ids: [] };
      return {
        ...(Number.isFinite(range.fromMs) && { from: new Date(range.fromMs).toISOString() }),
        ...(Number.isFinite(range.toMs) && { to: new Date(range.toMs + 1).toISOString() }),
      };
    }
    case 'source':
      return { sourceId: scope.sourceId };
    default:
      return null;
  }
}

/** The predicate of a scope that is read by walking the whole table. */
function scanFilter(scope: ExportScope): ((a: Annotation) => boolean) | null {
  const selection = selectionOf(scope);
  return selection ? selectionPredicate(selection) : null;
}

/**
 * Read the annotations of `scope`, a page at a time. Whole-table scopes walk the primary key
 * (`where(':id').above(last)`), so each page costs the same however far the read has come;
 * `ids` reads them sorted, in `bulkGet` pages; `page` uses the URL index; `query` runs the
 * library's own query cursor (so its order is the library view's).
 */
export async function* readExportPages(db: SourcemarkDb, scope: ExportScope, options: ReadExportOptions = {}): AsyncGenerator<ExportPage> {
  const size = options.pageSize ?? EXPORT_PAGE_SIZE;
  const { signal } = options;
  checkAborted(signal);
  const filter = scanFilter(scope);
  if (filter) {
    const total = await db.annotations.count();
    let last: string | null = null;
    let scanned = 0;
    for (;;) {
      checkAborted(signal);
      const page: Annotation[] = await (last === null ? db.annotations.orderBy(':id') : db.annotations.where(':id').above(last)).limit(size).toArray();
      scanned += page.length;
      const tail = page[page.length - 1];
      if (tail) last = tail.id;
      yield { rows: scope.kind === 'all' ? page : page.filter(filter), scanned, total };
      if (page.length < size) return;
    }
  }
  if (scope.kind === 'ids') {
    const ids = [...new Set(scope.ids)].sort();
    for (let i = 0; i < ids.length || i === 0; i += size) {
      checkAborted(signal);
      const found = await db.annotations.bulkGet(ids.slice(i, i + size));
      const rows = found.filter((row): row is Annotation => row !== undefined && !row.deletedAt);
      yield { rows, scanned: Math.min(ids.length, i + size), total: ids.length };
    }
    return;
  }
  if (scope.kind === 'page') {
    const rows = (await db.annotations.where('url').equals(scope.url).toArray()).filter((a) => !a.deletedAt);
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    yield { rows, scanned: rows.length, total: rows.length };
    return;
  }
  if (scope.kind === 'query') {
    const cursor = await openLibraryQuery(db, scope.query, scope.tiers);
    let scanned = 0;
    do {
      checkAborted(signal);
      const rows = await cursor.next(size);
      scanned += rows.length;
      yield { rows, scanned, total: cursor.total };
    } while (!cursor.done);
  }
}

/** Every stored source, in id order (sources are few: one read). */
export function sourcesForExport(db: SourcemarkDb): Promise<Source[]> {
  return db.sources.orderBy(':id').toArray();
}

/* ------------------------------------------------------------------------------------------ */
/* Import                                                                                       */
/* ------------------------------------------------------------------------------------------ */

export type { ImportPlan, MergePlan } from '../exchange/merge-plan';

/** What a validated file brings in (ids unique within each list: `parseImport` checks it). */
export type ImportRecords = {
  annotations: readonly Annotation[];
  sources: readonly Source[];
};

/** Progress of a long step: `done` of `total` records. */
export type Progress = (done: number, total: number) => void;

/** Options of the import steps. */
export type ImportOptions = {
  /** Rows per read (planning) or write (applying). */
  chunkSize?: number;
  /** Cancel: planning stops; applying aborts its transaction, so nothing is written. */
  signal?: AbortSignal;
  /** Called between chunks. */
  onProgress?: Progress;
};

/** Rows per chunk when planning and applying an import. */
export const IMPORT_CHUNK_SIZE = 10_000;

/** What the import reads of a table: which of some keys it holds, and rows by key. */
type KeyedTable<T> = {
  where(index: ':id'): { anyOf(keys: string[]): { primaryKeys(): PromiseLike<unknown[]> } };
  bulkGet(keys: string[]): PromiseLike<(T | undefined)[]>;
};

/**
 * The stored rows with these ids, by id (missing ones absent). Which ids are stored is read first
 * as keys only (one cursor over the table's primary key), then only those rows: a `get` per id
 * costs IndexedDB a request each, found or not, and an import is mostly new ids.
 */
async function storedById<T extends { id: string }>(table: KeyedTable<T>, records: readonly T[], present?: ReadonlySet<string>): Promise<Map<string, T>> {
  const byId = new Map<string, T>();
  if (records.length === 0) return byId;
  const keys = present ? records.map((r) => r.id).filter((id) => present.has(id)) : await presentIds(table, records);
  if (keys.length === 0) return byId;
  for (const row of await table.bulkGet(keys)) if (row) byId.set(row.id, row);
  return byId;
}

/** Which of these records' ids the table holds: keys only, one cursor over its primary key. */
async function presentIds<T extends { id: string }>(table: KeyedTable<T>, records: readonly T[]): Promise<string[]> {
  return (await table.where(':id').anyOf(records.map((r) => r.id)).primaryKeys()) as string[];
}

/** Plan one kind of record against the store, a chunk of ids at a time (lib/exchange `planMerge` decides). */
async function planRecords<T extends { id: string; updatedAt?: string }>(
  records: readonly T[],
  table: KeyedTable<T>,
  options: ImportOptions,
  progress: (done: number) => void,
): Promise<MergePlan<T>> {
  const size = options.chunkSize ?? IMPORT_CHUNK_SIZE;
  const plan: MergePlan<T> = { added: [], updated: [], unchanged: [], skipped: [] };
  for (let i = 0; i < records.length; i += size) {
    checkAborted(options.signal);
    const chunk = records.slice(i, i + size);
    const part = planMerge(chunk, await storedById(table, chunk));
    plan.added.push(...part.added);
    plan.updated.push(...part.updated);
    plan.unchanged.push(...part.unchanged);
    plan.skipped.push(...part.skipped);
    progress(i + chunk.length);
  }
  return plan;
}

/**
 * Compare a file's records with the store and say what an import would add, update, leave and
 * skip (newer `updatedAt` wins: lib/exchange `planMerge`). Reads only; nothing is written.
 */
export async function planImport(db: SourcemarkDb, records: ImportRecords, options: ImportOptions = {}): Promise<ImportPlan> {
  const total = records.annotations.length + records.sources.length;
  const annotations = await planRecords(records.annotations, db.annotations, options, (done) => options.onProgress?.(done, total));
  const sources = await planRecords(records.sources, db.sources, options, (done) => options.onProgress?.(records.annotations.length + done, total));
  return { annotations, sources };
}

/** How many records a plan writes. */
export function planWrites(plan: ImportPlan): number {
  return plan.annotations.added.length + plan.annotations.updated.length + plan.sources.added.length + plan.sources.updated.length;
}

/** What an applied import wrote. */
export type AppliedImport = {
  /** Annotations written (added or updated). */
  annotationsWritten: number;
  /** Sources written (added or updated). */
  sourcesWritten: number;
  /** Records the plan meant to write but whose stored copy changed meanwhile (another tab's edit) so it no longer loses: left alone. */
  overtaken: number;
};

/**
 * Write a plan: every annotation and every source in ONE read-write transaction, so the import is
 * all-or-nothing (the annotations' library rows and sync outbox entries are made right after, from
 * the pending rows written with them: `drainPendingIndex`, lib/store/library-pending.ts): an error or a cancel (`signal`)
 * anywhere aborts the transaction and leaves the store as it was. Each row is planned again
 * against the stored copy inside the transaction, so an edit made in another tab since planning
 * still wins when it is newer.
 */
export async function applyImportPlan(db: SourcemarkDb, plan: ImportPlan, options: ImportOptions = {}): Promise<AppliedImport> {
  const size = options.chunkSize ?? IMPORT_CHUNK_SIZE;
  const annotations = recordsToWrite(plan.annotations);
  const sources = recordsToWrite(plan.sources);
  const total = annotations.length + sources.length;
  checkAborted(options.signal);
  return db.transaction('rw', [...libraryWriteTables(db), db.sources], async () => {
    // Which ids are stored, read once before anything is written: looked up chunk by chunk, each
    // cursor would also step over the rows the earlier chunks had just written.
    const present = new Set(await presentIds(db.annotations, annotations));
    let annotationsWritten = 0;
    for (let i = 0; i < annotations.length; i += size) {
      checkAborted(options.signal);
      const chunk = annotations.slice(i, i + size);
      const stored = await storedById(db.annotations, chunk, present);
      const changes = recordsToWrite(planMerge(chunk, stored)).map((next) => [stored.get(next.id), next] as const);
      // The annotations, and a note that their library rows and sync outbox entries are still to
      // be made: a row per chunk, not three per annotation (lib/store/library-pending.ts).
      if (changes.length > 0) await Promise.all([db.annotations.bulkPut(changes.map(([, next]) => next)), db.libraryPending.put(pendingRowOf(changes, i / size))]);
      annotationsWritten += changes.length;
      options.onProgress?.(i + chunk.length, total);
    }
    checkAborted(options.signal);
    const put = recordsToWrite(planMerge(sources, await storedById(db.sources, sources)));
    if (put.length > 0) await db.sources.bulkPut(put);
    await queueChanges(db, 'source', put.map((source) => source.id)); // sync: in this transaction
    options.onProgress?.(total, total);
    // A cancel that arrives during the last write still aborts: throwing here rolls it all back.
    checkAborted(options.signal);
    return { annotationsWritten, sourcesWritten: put.length, overtaken: total - annotationsWritten - put.length };
  });
}
