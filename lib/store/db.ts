/**
 * The Dexie database. Only the background and extension pages open it: a content script's
 * IndexedDB belongs to the page's origin, so content scripts go through messages instead.
 *
 * The schema lists only the primary key and the indexed fields (Dexie stores the rest as is).
 * Every version bump needs an upgrade function and a test that opens the previous version's data.
 *
 * Version history:
 * - 1: annotations by id, page URL and update time; sources by id and update time.
 * - 2: the library's indexes. Each live annotation row carries `derived` (lib/library/index-fields.ts):
 *   its search words and sort and filter keys, computed by the repository on every write and by
 *   this version's upgrade for existing rows. Tombstones carry none, so no library index lists
 *   them. The repository strips `derived` from every annotation it returns: it is never exported.
 */
import { Dexie, type EntityTable } from 'dexie';
import { toStoredRow, type StoredAnnotation } from '../library/index-fields';
import type { Annotation, Source } from '../model';

/** The database name in the extension origin. */
export const DB_NAME = 'sourcemark';

/** The current schema version. */
export const DB_VERSION = 2;

/** Sourcemark's IndexedDB database: annotations and the user's stored sources. */
export type SourcemarkDb = Dexie & {
  /** Every annotation, tombstones included (sync needs them); live rows carry their index fields. */
  annotations: EntityTable<StoredAnnotation, 'id'>;
  /** User sources and built-in sources the user rated or extended; merged over the built-in registry. */
  sources: EntityTable<Source, 'id'>;
};

/** Version 1's schema, as shipped: kept so Dexie can upgrade databases made by it. */
export const SCHEMA_V1 = {
  annotations: 'id, url, updatedAt',
  sources: 'id, updatedAt',
} as const;

/**
 * Version 2: version 1's indexes, and the library's on `derived` (see lib/library/plan.ts for
 * which query uses which):
 * - `*derived.words`: multi-entry, the folded words of quote, note and tags; a search term is a
 *   prefix range on it.
 * - `derived.byDate`, `derived.bySite`, `derived.bySource`: `[-created ms, id]`,
 *   `[site, -ms, id]`, `[source, -ms, id]`: the three sort orders, newest first within; a site or
 *   source filter is a prefix range of its index, already in date order.
 * - `*derived.tags`, `derived.sourceType`, `derived.verdict`, `derived.origin`: filters.
 * - `derived.sourceVerdict` `[source, verdict]` and `derived.sourceSite` `[source, site]`: the
 *   per-source figures, counted from the index alone.
 */
export const SCHEMA_V2 = {
  annotations:
    'id, url, updatedAt, *derived.words, *derived.tags, derived.byDate, derived.bySite, derived.bySource, ' +
    'derived.sourceType, derived.verdict, derived.origin, derived.sourceVerdict, derived.sourceSite',
  sources: 'id, updatedAt',
} as const;

/** Open (or create) the database; pass another name to isolate tests. */
export function openDb(name: string = DB_NAME): SourcemarkDb {
  const db = new Dexie(name) as SourcemarkDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      // Version-1 rows are plain annotations: give each live one its index fields.
      await tx
        .table<StoredAnnotation, string>('annotations')
        .toCollection()
        .modify((row: StoredAnnotation, ref: { value: StoredAnnotation }) => {
          ref.value = toStoredRow(row as Annotation);
        });
    });
  return db;
}
