/**
 * The popup's first screen read straight from IndexedDB, without Dexie: the page's annotations
 * and the stored sources, read by the popup's early script (entrypoints/popup-early) while the
 * popup's own code, Dexie included, is still loading. The rows are the ones the repositories
 * return (`annotationsForPage`, `listStoredSources`): same tables, same index, same filters
 * (lib/store/live-rows.ts); tests/unit/store/first-screen-read.test.ts holds them to that.
 *
 * It only reads, and never creates or upgrades the database: that stays Dexie's (lib/store/db.ts).
 */
import type { Annotation, Source } from '../model';
import type { FirstScreenReader } from '../popup/early-read';
import { DB_NAME } from './db-name';
import { livePageAnnotations, liveSourcesByName } from './live-rows';

/** The tables and index read here, as lib/store/db.ts declares them (SCHEMA_V1). */
const ANNOTATIONS = 'annotations';
const SOURCES = 'sources';
const BY_URL = 'url';

/** The result of an IndexedDB request. */
function resultOf<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      // Handled here: the rejection says what failed; the event need not reach the transaction.
      event.preventDefault();
      reject(request.error ?? new Error('An IndexedDB read failed.'));
    };
  });
}

/**
 * Open the database as it is, to read. Rejects, having changed nothing, when there is no
 * database yet (the first run: Dexie creates it) or it lacks the tables read here.
 */
export function openFirstScreenStore(factory: IDBFactory, name: string = DB_NAME): Promise<FirstScreenReader> {
  return new Promise((resolve, reject) => {
    // No version: whatever version is stored opens as it is, and no upgrade runs from here.
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      // Only a missing database gets here. Aborting the creation leaves no empty database behind.
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      reject(request.error ?? new Error(`Could not open the database "${name}".`));
    };
    request.onsuccess = () => {
      const db = request.result;
      // An upgrade (Dexie opening a newer version) must never wait on this connection.
      db.onversionchange = () => db.close();
      if (!db.objectStoreNames.contains(ANNOTATIONS) || !db.objectStoreNames.contains(SOURCES)) {
        db.close();
        reject(new Error(`The database "${name}" has no ${ANNOTATIONS} or ${SOURCES} table yet.`));
        return;
      }
      resolve({
        async pageAnnotations(url) {
          const store = db.transaction(ANNOTATIONS, 'readonly').objectStore(ANNOTATIONS);
          return livePageAnnotations(await resultOf<Annotation[]>(store.index(BY_URL).getAll(url)));
        },
        async sources() {
          const store = db.transaction(SOURCES, 'readonly').objectStore(SOURCES);
          return liveSourcesByName(await resultOf<Source[]>(store.getAll()));
        },
        close: () => db.close(),
      });
    };
  });
}
