import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveAnnotation } from '../../../lib/store/annotations';
import { DB_NAME, DB_VERSION, openDb } from '../../../lib/store/db';
import { listStoredSources, rateSource } from '../../../lib/store/sources';
import { makeAnnotation, makeRating } from '../support/store-fixtures';

describe('openDb', () => {
  it('opens the production database under the name "sourcemark" by default', () => {
    const db = openDb();
    expect(db.name).toBe(DB_NAME);
    expect(DB_NAME).toBe('sourcemark');
    db.close();
  });

  it('keeps written data across closing and reopening the database by name', async () => {
    const name = `sourcemark-test-${crypto.randomUUID()}`;
    const first = openDb(name);
    const annotation = await saveAnnotation(first, makeAnnotation(), new Date('2024-06-01T12:00:00.000Z'));
    const source = await rateSource(
      first,
      { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true },
      makeRating(),
      new Date('2024-06-01T12:00:00.000Z'),
    );
    first.close();

    const reopened = openDb(name);
    try {
      expect(await reopened.annotations.toArray()).toEqual([annotation]);
      expect(await listStoredSources(reopened)).toEqual([source]);
      expect(reopened.verno).toBe(DB_VERSION);
    } finally {
      await reopened.delete();
    }
  });
});
