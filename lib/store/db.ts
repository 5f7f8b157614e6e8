/**
 * The Dexie database. Only the background and extension pages open it: a content script's
 * IndexedDB belongs to the page's origin, so content scripts go through messages instead.
 *
 * The schema lists only the primary key and the indexed fields (Dexie stores the rest as is).
 * Every version bump needs an upgrade function and a test that opens the previous version's data.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Annotation, Source } from '../model';

/** The database name in the extension origin. */
export const DB_NAME = 'sourcemark';

/** Sourcemark's IndexedDB database: annotations and the user's stored sources. */
export type SourcemarkDb = Dexie & {
  /** Every annotation, tombstones included (sync needs them). */
  annotations: EntityTable<Annotation, 'id'>;
  /** User sources and built-in sources the user rated or extended; merged over the built-in registry. */
  sources: EntityTable<Source, 'id'>;
};

/** Open (or create) the database; pass another name to isolate tests. */
export function openDb(name: string = DB_NAME): SourcemarkDb {
  const db = new Dexie(name) as SourcemarkDb;
  db.version(1).stores({
    annotations: 'id, url, updatedAt',
    sources: 'id, updatedAt',
  });
  return db;
}
