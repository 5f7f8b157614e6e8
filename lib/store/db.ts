/**
 * The Dexie database. Only the background and extension pages open it: a content script's
 * IndexedDB belongs to the page's origin, so content scripts go through messages instead.
 *
 * The schema lists only the primary key and the indexed fields (Dexie stores the rest as is).
 * Every version bump needs an upgrade function and a test that opens the previous version's data.
 *
 * Version history:
 * - 1: `annotations` by id, page URL and update time; `sources` by id and update time.
 * - 2: the library's derived tables, `libraryIndex` and `libraryFacets` (see `SCHEMA_V2`), built
 *   by this version's upgrade from the annotations. `annotations` and `sources` are unchanged.
 * - 3: team sync's tables, `outbox`, `syncRevs` and `syncStatus` (see `SCHEMA_V3`). The upgrade
 *   puts every existing annotation and source in the outbox, so the first sync sends them.
 * - 4: the library's word search moves from a multi-entry index on `libraryIndex.words` to word
 *   postings, `libraryWords` and `libraryStale` (see `SCHEMA_V4`), built by the upgrade from the
 *   index rows: the multi-entry index made a large import cost several times the annotations'
 *   own write.
 * - 5: `libraryPending` (see `SCHEMA_V5`): chunks an import stored whose library rows and outbox
 *   entries are still to be made (lib/store/library-pending.ts). Nothing to migrate.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { FacetRow } from '../library/facets';
import { DB_NAME } from './db-name';
import type { LibraryIndexRow } from '../library/index-fields';
import type { WordPostingRow } from '../library/word-postings';
import type { Annotation, Source } from '../model';
import type { OutboxEntry, RemoteRev, SyncStatus } from '../sync/state';
import { libraryTablesOf, postingBlocksOf, type StaleKeyRow } from './library-index';
import type { PendingIndexRow } from './library-pending';
import { outboxEntriesFor } from './outbox';

export { DB_NAME } from './db-name';

/** The current schema version. */
export const DB_VERSION = 5;

/** Sourcemark's IndexedDB database. */
export type SourcemarkDb = Dexie & {
  /** Every annotation, tombstones included (sync needs them), exactly as the user made it. */
  annotations: EntityTable<Annotation, 'id'>;
  /** User sources and built-in sources the user rated or extended; merged over the built-in registry. */
  sources: EntityTable<Source, 'id'>;
  /** Derived: one search and filter row per live annotation (lib/library/index-fields.ts). Never exported. */
  libraryIndex: EntityTable<LibraryIndexRow, 'key'>;
  /** Derived: the word postings the library's search reads (lib/library/word-postings.ts). Never exported. */
  libraryWords: EntityTable<WordPostingRow, 'key'>;
  /** Derived: index keys whose word postings may be stale, checked on their rows by a search (lib/store/library-index.ts). Never exported. */
  libraryStale: EntityTable<StaleKeyRow, 'key'>;
  /** Imported chunks still to be indexed for the library and queued for sync (lib/store/library-pending.ts). Never exported. */
  libraryPending: EntityTable<PendingIndexRow, 'key'>;
  /** Derived: counters per filter value and per source (lib/library/facets.ts). Never exported. */
  libraryFacets: EntityTable<FacetRow, 'key'>;
  /** Local changes not yet confirmed by the sync server, one per record (lib/store/outbox.ts). Never exported. */
  outbox: EntityTable<OutboxEntry, 'docId'>;
  /** The sync server's revision of each record last seen. Never exported. */
  syncRevs: EntityTable<RemoteRev, 'docId'>;
  /** One row: the pull checkpoint and the sync status the popup and options show. Never exported. */
  syncStatus: EntityTable<SyncStatus, 'key'>;
};

/** Version 1's schema, as shipped: kept so Dexie can upgrade databases made by it. */
export const SCHEMA_V1 = {
  annotations: 'id, url, updatedAt',
  sources: 'id, updatedAt',
} as const;

/**
 * Version 2 adds the library's tables; the repository keeps them in step with `annotations` in
 * every write transaction.
 * - `libraryIndex`: primary key `key` = inverted creation time + id, so it sorts newest first and
 *   every index below yields keys already carrying date order. `*words`: the folded words of
 *   quote, note and tags (a search term is a prefix range). `bySite`, `bySource`, `byType`,
 *   `byVerdict`, `byOrigin`, `*byTag`: `value SEP key`, so one value's entries are newest first
 *   (a filter's first page is the first keys of its range) and the sorts by site and source.
 * - `libraryFacets`: one counter row per filter value (and per source: its verdicts and sites),
 *   plus `all`; read instead of counting index ranges, which IndexedDB does by walking them.
 */
export const SCHEMA_V2 = {
  libraryIndex: 'key, *words, bySite, bySource, byType, byVerdict, byOrigin, *byTag',
  libraryFacets: 'key',
} as const;

/**
 * Version 3 adds team sync's tables. `outbox` by document id (one entry per record) and
 * `queuedAt` (oldest changes are sent first); `syncRevs` and `syncStatus` by key only.
 */
export const SCHEMA_V3 = {
  outbox: 'docId, queuedAt',
  syncRevs: 'docId',
  syncStatus: 'key',
} as const;

/**
 * Version 4: the word search reads postings, one row per (word, block of rows written together),
 * instead of the multi-entry `*words` index, which is dropped (rows keep their `words`, which a
 * search checks on the keys whose postings may be stale). `libraryWords` by `word SEP block SEP
 * count`; `libraryStale` by index key.
 */
export const SCHEMA_V4 = {
  libraryIndex: 'key, bySite, bySource, byType, byVerdict, byOrigin, *byTag',
  libraryWords: 'key',
  libraryStale: 'key',
} as const;

/** Version 5: imports store their annotations first and index them after (`libraryPending`, by key: oldest first). */
export const SCHEMA_V5 = {
  libraryPending: 'key',
} as const;

/** Open (or create) the database; pass another name to isolate tests. */
export function openDb(name: string = DB_NAME): SourcemarkDb {
  const db = new Dexie(name) as SourcemarkDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      const annotations = await tx.table<Annotation, string>('annotations').toArray();
      // Version 2 had no postings: version 4's upgrade builds them from these rows.
      const { index, facets } = libraryTablesOf(annotations);
      await tx.table<LibraryIndexRow, string>('libraryIndex').bulkPut(index);
      await tx.table<FacetRow, string>('libraryFacets').bulkPut(facets);
    });
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      const annotationIds = (await tx.table<Annotation, string>('annotations').toCollection().primaryKeys()) as string[];
      const sourceIds = (await tx.table<Source, string>('sources').toCollection().primaryKeys()) as string[];
      const now = new Date();
      await tx.table<OutboxEntry, string>('outbox').bulkPut([...outboxEntriesFor('annotation', annotationIds, now), ...outboxEntriesFor('source', sourceIds, now)]);
    });
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      const rows = await tx.table<LibraryIndexRow, string>('libraryIndex').toArray();
      await tx.table<WordPostingRow, string>('libraryWords').bulkPut(postingBlocksOf(rows));
    });
  db.version(5).stores(SCHEMA_V5);
  return db;
}
