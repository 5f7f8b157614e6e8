import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { facetRowsOf } from '../../../lib/library/facets';
import { HIGH, indexRowOf } from '../../../lib/library/index-fields';
import { DEFAULT_QUERY } from '../../../lib/library/query';
import { allAnnotations } from '../../../lib/store/annotations';
import { DB_VERSION, openDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../lib/store/db';
import { libraryTablesOf } from '../../../lib/store/library-index';
import { openLibraryQuery } from '../../../lib/store/library';
import { listStoredSources } from '../../../lib/store/sources';
import { makeAnnotation, makeRating, makeSource } from '../support/store-fixtures';

/** A database as version 1 of Sourcemark left it: a Dexie that declares only version 1. */
async function writeVersion1(name: string, annotations: object[], sources: object[]): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('annotations').bulkPut(annotations);
  await v1.table('sources').bulkPut(sources);
  expect(v1.verno).toBe(1);
  v1.close();
}

describe('schema version 2', () => {
  it('upgrades a version-1 database: the library index and counters are built, nothing is lost or changed', async () => {
    const name = `sourcemark-upgrade-${crypto.randomUUID()}`;
    const live = makeAnnotation({ id: 'a-live', note: 'Compare with the Yonhap report', tags: ['Korea'] });
    const rated = makeAnnotation({
      id: 'b-rated',
      url: 'https://www.wire.example/story?id=7',
      verdict: { rating: 'false', rationale: 'Satellite images show otherwise', ratedAt: '2024-05-03T00:00:00.000Z' },
      createdAt: '2024-05-02T10:00:00.000Z',
    });
    const tombstone = makeAnnotation({ id: 'c-deleted', deletedAt: '2024-05-04T00:00:00.000Z' });
    const source = makeSource({ rating: makeRating() });
    await writeVersion1(name, [live, rated, tombstone], [source]);

    const db = openDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(DB_VERSION);
      // Nothing lost or changed.
      expect(await allAnnotations(db)).toEqual([live, rated, tombstone]);
      expect(await listStoredSources(db)).toEqual([source]);
      // One index row per live annotation, none for the tombstone; the counters of both.
      expect(await db.libraryIndex.toArray()).toEqual([indexRowOf(rated), indexRowOf(live)]);
      expect(await db.libraryFacets.toArray()).toEqual(facetRowsOf([live, rated, tombstone]));
      expect(await db.libraryFacets.get('all')).toEqual({ key: 'all', count: 2 });
      expect(await db.libraryFacets.get('site:wire.example')).toEqual({ key: 'site:wire.example', count: 1 });
      expect((await db.libraryIndex.get(indexRowOf(live)!.key))?.words).toEqual(
        expect.arrayContaining(['kcna', 'wednesday', 'compare', 'yonhap', 'report', 'korea']),
      );
      // And the library answers at once.
      expect(await db.libraryWords.where(':id').between('yon', `yon${HIGH}`).toArray()).toEqual([{ key: expect.stringMatching(/^yonhap\u0001/), keys: [indexRowOf(live)!.key] }]);
      const cursor = await openLibraryQuery(db, DEFAULT_QUERY, new Map());
      expect((await cursor.next(10)).map((a) => a.id)).toEqual(['b-rated', 'a-live']);
      expect(cursor.total).toBe(2);
    } finally {
      await db.delete();
    }
  });

  it('opens an empty version-1 database', async () => {
    const name = `sourcemark-upgrade-${crypto.randomUUID()}`;
    await writeVersion1(name, [], []);
    const db = openDb(name);
    try {
      expect(await allAnnotations(db)).toEqual([]);
      expect(await db.libraryIndex.count()).toBe(0);
      expect(await db.libraryFacets.count()).toBe(0);
      expect(db.verno).toBe(DB_VERSION);
    } finally {
      await db.delete();
    }
  });
});

describe('schema version 4', () => {
  it('upgrades a version-3 database: the word postings are built from the index rows, and search finds them', async () => {
    const name = `sourcemark-upgrade-${crypto.randomUUID()}`;
    const live = makeAnnotation({ id: 'a-live', note: 'Compare with the Yonhap report', tags: ['Korea'] });
    const other = makeAnnotation({ id: 'b-other', note: 'Satellite images', createdAt: '2024-05-02T10:00:00.000Z' });
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2);
    v3.version(3).stores(SCHEMA_V3);
    const { index, facets } = libraryTablesOf([live, other]);
    await v3.table('annotations').bulkPut([live, other]);
    await v3.table('libraryIndex').bulkPut(index);
    await v3.table('libraryFacets').bulkPut(facets);
    v3.close();

    const db = openDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(DB_VERSION);
      expect(await db.libraryIndex.toArray()).toEqual([...index].sort((a, b) => (a.key < b.key ? -1 : 1)));
      const posted = await db.libraryWords.toArray();
      // Every word of every row is posted once, with that row's key.
      expect(posted.flatMap((row) => row.keys.map((key) => `${row.key.split('\u0001')[0]} ${key}`)).sort()).toEqual(
        index.flatMap((row) => row.words.map((word) => `${word} ${row.key}`)).sort(),
      );
      const cursor = await openLibraryQuery(db, { ...DEFAULT_QUERY, text: 'satell' }, new Map());
      expect((await cursor.next(10)).map((a) => a.id)).toEqual(['b-other']);
      expect(cursor.total).toBe(1);
    } finally {
      await db.delete();
    }
  });

  it('upgrades a version-4 database: nothing waits to be indexed, and the library reads as before', async () => {
    const name = `sourcemark-upgrade-${crypto.randomUUID()}`;
    const annotation = makeAnnotation({ id: 'a-kept', note: 'Yonhap report' });
    const v4 = new Dexie(name);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    const { index, words, facets } = libraryTablesOf([annotation]);
    await v4.table('annotations').put(annotation);
    await v4.table('libraryIndex').bulkPut(index);
    await v4.table('libraryWords').bulkPut(words);
    await v4.table('libraryFacets').bulkPut(facets);
    v4.close();

    const db = openDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(DB_VERSION);
      expect(await db.libraryPending.count()).toBe(0);
      expect(await allAnnotations(db)).toEqual([annotation]);
      const cursor = await openLibraryQuery(db, { ...DEFAULT_QUERY, text: 'yonhap' }, new Map());
      expect((await cursor.next(10)).map((a) => a.id)).toEqual(['a-kept']);
    } finally {
      await db.delete();
    }
  });
});
