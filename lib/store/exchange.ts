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
import { sourceKeyOf, timeOf } from '../library/index-fields';
import type { TierLookup } from '../library/plan';
import type { Annotation, Source } from '../model';
import type { SourcemarkDb } from './db';
import { openLibraryQuery } from './library';
import { libraryWriteTables, writeAnnotationRows } from './library-index';

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
  /** Live annotations whose outer source has this library key (`sourceKeyOf`). */
  | { kind: 'source'; sourceKey: string }
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

/** The predicate of a scope that is read by walking the whole table. */
function scanFilter(scope: ExportScope): ((a: Annotation) => boolean) | null {
  switch (scope.kind) {
    case 'all':
      return () => true;
    case 'dates': {
      const range = dayRange({ from: scope.from, to: scope.to });
      if (!range) return () => false;
      return (a) => {
        if (a.deletedAt) return false;
        const t = timeOf(a.createdAt);
        return t >= range.fromMs && t <= range.toMs;
      };
    }
    case 'source':
      return (a) => !a.deletedAt && sourceKeyOf(a) === scope.sourceKey;
    default:
      return null;
  }
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
      const rows = scope.kind === 'all' ? page : page.filter(filter);
      if (page.length < size) {
        yield { rows, scanned, total };
        return;
      }
      yield { rows, scanned, total };
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

/** Why an incoming record is not written. */
export type SkipReason =
  /** The stored copy was edited later than the file's (`updatedAt`): newer edits win. */
  | 'stored-is-newer'
  /** Same `updatedAt` as the stored copy but different content: the stored one is kept. */
  | 'same-time-different-content'
  /** The file holds this id more than once; the newest copy counts, the others are skipped. */
  | 'duplicate-in-file';

/** Words for each skip reason, as the import summary shows them. */
export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  'stored-is-newer': 'your copy was edited more recently',
  'same-time-different-content': 'same edit time as your copy but different content; yours is kept',
  'duplicate-in-file': 'the file holds this id more than once; its newest copy is used',
};

/** A record not written, and why. */
export type Skipped = {
  /** The record's id. */
  id: string;
  /** Why it was not written. */
  reason: SkipReason;
};

/** What an import would do to one kind of record. */
export type RecordPlan<T> = {
  /** Records the store doesn't have. */
  add: T[];
  /** Records newer than the stored copy. */
  update: T[];
  /** How many records equal the stored copy. */
  unchanged: number;
  /** Records not written, with the reason. */
  skipped: Skipped[];
};

/** What an import would do, computed against the store before anything is written. */
export type ImportPlan = {
  annotations: RecordPlan<Annotation>;
  sources: RecordPlan<Source>;
};

/** What a validated file brings in. */
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

/** Comparable text of a record; key order follows the object, which the same writer keeps stable. */
function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The `updatedAt` of a record as milliseconds (absent: 0, older than any edit). */
function editTime(record: { updatedAt?: string }): number {
  return record.updatedAt === undefined ? 0 : timeOf(record.updatedAt);
}

/**
 * One incoming record per id: the newest by `updatedAt` (the later one in the file on a tie);
 * the others are reported as duplicates.
 */
function dedupe<T extends { id: string; updatedAt?: string }>(records: readonly T[]): { unique: T[]; duplicates: Skipped[] } {
  const byId = new Map<string, T>();
  const duplicates: Skipped[] = [];
  for (const record of records) {
    const seen = byId.get(record.id);
    if (seen) duplicates.push({ id: record.id, reason: 'duplicate-in-file' });
    if (!seen || editTime(record) >= editTime(seen)) byId.set(record.id, record);
  }
  return { unique: [...byId.values()], duplicates };
}

/** Where an incoming record goes, given the stored copy: newer `updatedAt` wins. */
export function decide<T extends { updatedAt?: string }>(incoming: T, stored: T | undefined): 'add' | 'update' | 'unchanged' | SkipReason {
  if (stored === undefined) return 'add';
  const a = editTime(incoming);
  const b = editTime(stored);
  if (a > b) return 'update';
  if (a < b) return 'stored-is-newer';
  return sameContent(incoming, stored) ? 'unchanged' : 'same-time-different-content';
}

/** Sort the records of one kind into a plan against the stored rows read by `read`. */
async function planRecords<T extends { id: string; updatedAt?: string }>(
  records: readonly T[],
  read: (ids: string[]) => Promise<(T | undefined)[]>,
  options: ImportOptions,
  progress: (done: number) => void,
): Promise<RecordPlan<T>> {
  const size = options.chunkSize ?? IMPORT_CHUNK_SIZE;
  const { unique, duplicates } = dedupe(records);
  const plan: RecordPlan<T> = { add: [], update: [], unchanged: 0, skipped: [...duplicates] };
  for (let i = 0; i < unique.length; i += size) {
    checkAborted(options.signal);
    const chunk = unique.slice(i, i + size);
    const stored = await read(chunk.map((r) => r.id));
    chunk.forEach((record, k) => {
      const outcome = decide(record, stored[k]);
      if (outcome === 'add') plan.add.push(record);
      else if (outcome === 'update') plan.update.push(record);
      else if (outcome === 'unchanged') plan.unchanged += 1;
      else plan.skipped.push({ id: record.id, reason: outcome });
    });
    progress(i + chunk.length);
  }
  return plan;
}

/**
 * Compare a file's records with the store and say what an import would add, update, leave and
 * skip. Reads only; nothing is written.
 */
export async function planImport(db: SourcemarkDb, records: ImportRecords, options: ImportOptions = {}): Promise<ImportPlan> {
  const total = records.annotations.length + records.sources.length;
  const annotations = await planRecords(records.annotations, (ids) => db.annotations.bulkGet(ids), options, (done) => options.onProgress?.(done, total));
  const sources = await planRecords(records.sources, (ids) => db.sources.bulkGet(ids), options, (done) => options.onProgress?.(records.annotations.length + done, total));
  return { annotations, sources };
}

/** How many records a plan writes. */
export function planWrites(plan: ImportPlan): number {
  return plan.annotations.add.length + plan.annotations.update.length + plan.sources.add.length + plan.sources.update.length;
}

/** What an applied import wrote. */
export type ImportResult = {
  /** Annotations written (added or updated). */
  annotationsWritten: number;
  /** Sources written (added or updated). */
  sourcesWritten: number;
  /** Records the plan meant to write but whose stored copy became newer meanwhile (another tab's edit): left alone. */
  overtaken: number;
};

/**
 * Write a plan: every annotation (with the library's derived tables) and every source in ONE
 * read-write transaction, so the import is all-or-nothing: an error or a cancel (`signal`)
 * anywhere aborts the transaction and leaves the store as it was. Each row is checked again
 * against the stored copy inside the transaction, so an edit made in another tab since planning
 * still wins when it is newer.
 */
export async function applyImportPlan(db: SourcemarkDb, plan: ImportPlan, options: ImportOptions = {}): Promise<ImportResult> {
  const size = options.chunkSize ?? IMPORT_CHUNK_SIZE;
  const annotations = [...plan.annotations.add, ...plan.annotations.update];
  const sources = [...plan.sources.add, ...plan.sources.update];
  const total = annotations.length + sources.length;
  checkAborted(options.signal);
  return db.transaction('rw', [...libraryWriteTables(db), db.sources], async () => {
    let overtaken = 0;
    let annotationsWritten = 0;
    for (let i = 0; i < annotations.length; i += size) {
      checkAborted(options.signal);
      const chunk = annotations.slice(i, i + size);
      const stored = await db.annotations.bulkGet(chunk.map((a) => a.id));
      const changes: [Annotation | undefined, Annotation][] = [];
      chunk.forEach((incoming, k) => {
        const outcome = decide(incoming, stored[k]);
        if (outcome === 'add' || outcome === 'update') changes.push([stored[k], incoming]);
        else overtaken += 1;
      });
      await writeAnnotationRows(db, changes);
      annotationsWritten += changes.length;
      options.onProgress?.(i + chunk.length, total);
    }
    checkAborted(options.signal);
    const storedSources = await db.sources.bulkGet(sources.map((s) => s.id));
    const put = sources.filter((incoming, k) => {
      const outcome = decide(incoming, storedSources[k]);
      if (outcome === 'add' || outcome === 'update') return true;
      overtaken += 1;
      return false;
    });
    if (put.length > 0) await db.sources.bulkPut(put);
    options.onProgress?.(total, total);
    // A cancel that arrives during the last write still aborts: throwing here rolls it all back.
    checkAborted(options.signal);
    return { annotationsWritten, sourcesWritten: put.length, overtaken };
  });
}
