import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { annotationsForPage, putAnnotations } from '../../../lib/store/annotations';
import { DB_VERSION, openDb, SCHEMA_V1, type SourcemarkDb } from '../../../lib/store/db';
import { openFirstScreenStore } from '../../../lib/store/first-screen-read';
import { listStoredSources } from '../../../lib/store/sources';
import { makeAnnotation, makeRating, makeSource } from '../support/store-fixtures';

const PAGE = 'https://news.example/korea-russia';
const OTHER = 'https://news.example/another-story';

const names: string[] = [];
function uniqueName(): string {
  const name = `first-screen-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function filledDb(): Promise<SourcemarkDb> {
  const db = openDb(uniqueName());
  await putAnnotations(db, [
    makeAnnotation({ id: 'c-late', createdAt: '2024-05-03T10:00:00.000Z', note: 'Checked' }),
    makeAnnotation({ id: 'a-early', createdAt: '2024-05-01T10:00:00.000Z', verdict: { rating: 'mixed', rationale: '', ratedAt: '2024-05-02T00:00:00.000Z' } }),
    makeAnnotation({ id: 'b-deleted', createdAt: '2024-05-02T10:00:00.000Z', deletedAt: '2024-05-04T00:00:00.000Z' }),
    makeAnnotation({ id: 'd-elsewhere', url: OTHER }),
  ]);
  await db.sources.bulkPut([
    makeSource({ id: 'zeta', name: 'Zeta Wire' }),
    makeSource({ id: 'kcna', name: 'KCNA', builtin: true, rating: makeRating() }),
    makeSource({ id: 'gone', name: 'Gone Daily', deletedAt: '2024-05-05T00:00:00.000Z' }),
  ]);
  return db;
}

describe('openFirstScreenStore', () => {
  it("reads a page's annotations and the stored sources exactly as the Dexie repositories do", async () => {
    const db = await filledDb();
    const store = await openFirstScreenStore(indexedDB, db.name);
    try {
      const annotations = await store.pageAnnotations(PAGE);
      expect(annotations.map((a) => a.id)).toEqual(['a-early', 'c-late']);
      expect(annotations).toEqual(await annotationsForPage(db, PAGE));
      expect(await store.pageAnnotations(OTHER)).toEqual(await annotationsForPage(db, OTHER));
      expect(await store.pageAnnotations('https://news.example/never-annotated')).toEqual([]);
      const sources = await store.sources();
      expect(sources.map((s) => s.id)).toEqual(['kcna', 'zeta']);
      expect(sources).toEqual(await listStoredSources(db));
    } finally {
      store.close();
      db.close();
    }
  });

  it('refuses a database that does not exist yet, and leaves none behind for Dexie to trip on', async () => {
    const name = uniqueName();
    await expect(openFirstScreenStore(indexedDB, name)).rejects.toThrow();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    // Dexie then creates it as on any first run.
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    db.close();
  });

  it('never holds up an upgrade: a connection left open to an older version closes for it', async () => {
    const name = uniqueName();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('annotations').put(makeAnnotation({ id: 'old' }));
    v1.close();
    const store = await openFirstScreenStore(indexedDB, name);
    expect((await store.pageAnnotations(PAGE)).map((a) => a.id)).toEqual(['old']);
    // Not closed by the reader: Dexie's upgrade to the current version must still go through.
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect((await annotationsForPage(db, PAGE)).map((a) => a.id)).toEqual(['old']);
    db.close();
  });

  it('refuses a database without the tables it reads', async () => {
    const name = uniqueName();
    const other = new Dexie(name);
    other.version(1).stores({ unrelated: 'id' });
    await other.open();
    other.close();
    await expect(openFirstScreenStore(indexedDB, name)).rejects.toThrow(/no annotations or sources table/);
  });
});
