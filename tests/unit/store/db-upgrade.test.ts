import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { deriveIndex } from '../../../lib/library/index-fields';
import { allAnnotations } from '../../../lib/store/annotations';
import { DB_VERSION, openDb, SCHEMA_V1 } from '../../../lib/store/db';
import { openLibraryQuery } from '../../../lib/store/library';
import { DEFAULT_QUERY } from '../../../lib/library/query';
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
  it('upgrades a version-1 database: every live row gains its index fields, tombstones none, nothing is lost', async () => {
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
      // Nothing lost or changed: the repository returns exactly what version 1 stored.
      expect(await allAnnotations(db)).toEqual([live, rated, tombstone]);
      expect(await listStoredSources(db)).toEqual([source]);
      // Index fields computed for live rows only.
      expect((await db.annotations.get('a-live'))?.derived).toEqual(deriveIndex(live));
      expect((await db.annotations.get('b-rated'))?.derived).toMatchObject({
        verdict: 'false',
        bySite: ['wire.example', -Date.parse('2024-05-02T10:00:00.000Z'), 'b-rated'],
      });
      expect((await db.annotations.get('a-live'))?.derived?.words).toEqual(
        expect.arrayContaining(['kcna', 'wednesday', 'compare', 'yonhap', 'report', 'korea']),
      );
      expect(await db.annotations.get('c-deleted')).toEqual(tombstone);
      // And the library's indexes answer at once.
      expect(await db.annotations.where('derived.words').startsWith('yon').primaryKeys()).toEqual(['a-live']);
      const cursor = await openLibraryQuery(db, DEFAULT_QUERY, new Map());
      expect((await cursor.next(10)).map((a) => a.id)).toEqual(['b-rated', 'a-live']);
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
      expect(db.verno).toBe(DB_VERSION);
    } finally {
      await db.delete();
    }
  });
});
