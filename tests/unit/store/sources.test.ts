import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourcemarkDb } from '../../../lib/store/db';
import { listStoredSources, rateSource } from '../../../lib/store/sources';
import { makeRating, makeSource, openTestDb } from '../support/store-fixtures';

const FIRST_RATING = new Date('2024-06-01T12:00:00.000Z');
const SECOND_RATING = new Date('2024-06-02T08:30:00.000Z');
const KCNA = { id: 'kcna', name: 'KCNA', type: 'state-media', builtin: true } as const;

let db: SourcemarkDb;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  await db.delete();
});

describe('rateSource', () => {
  it('stores a rated built-in as an overlay that stays marked builtin', async () => {
    const rating = makeRating();
    const saved = await rateSource(db, KCNA, rating, FIRST_RATING);
    expect(saved).toEqual({
      id: 'kcna',
      name: 'KCNA',
      type: 'state-media',
      aliases: [],
      builtin: true,
      rating,
      updatedAt: FIRST_RATING.toISOString(),
    });
    expect(await db.sources.get('kcna')).toEqual(saved);
  });

  it('stores a new user source with its aliases', async () => {
    const ref = {
      id: 'primorsky-governor-office',
      name: 'Primorsky governor’s office',
      type: 'government',
      builtin: false,
      aliases: ['Primorye administration'],
    } as const;
    const rating = makeRating({ tier: 'mixed', score: 50 });
    const saved = await rateSource(db, { ...ref, aliases: [...ref.aliases] }, rating, FIRST_RATING);
    expect(saved).toEqual({ ...ref, aliases: ['Primorye administration'], rating, updatedAt: FIRST_RATING.toISOString() });
    expect(await db.sources.get(ref.id)).toEqual(saved);
  });

  it('replaces the whole earlier rating on re-rating and keeps the rest of the stored source', async () => {
    const stored = makeSource({ rating: makeRating() });
    await db.sources.put(stored);
    // The new rating has no score: a merge would wrongly keep the old score.
    const { score: _dropped, ...unscored } = makeRating({ tier: 'unreliable', rationale: 'Second look', evidence: [] });

    const saved = await rateSource(db, { ...stored, name: 'Renamed in the ref' }, unscored, SECOND_RATING);
    expect(saved.rating).toEqual(unscored);
    expect(saved.rating).not.toHaveProperty('score');
    expect(saved.name).toBe(stored.name);
    expect(saved.aliases).toEqual(stored.aliases);
    expect(saved.updatedAt).toBe(SECOND_RATING.toISOString());
    expect(await db.sources.get(stored.id)).toEqual(saved);
    expect(await db.sources.count()).toBe(1);
  });
});

describe('listStoredSources', () => {
  it('lists every stored source, user and built-in, by name', async () => {
    await rateSource(db, { id: 'tass', name: 'TASS', type: 'state-media', builtin: true }, makeRating(), FIRST_RATING);
    await rateSource(db, KCNA, makeRating(), FIRST_RATING);
    await db.sources.put(makeSource({ id: 'b', name: 'Border guard' }));
    expect((await listStoredSources(db)).map((s) => s.name)).toEqual(['Border guard', 'KCNA', 'TASS']);
  });
});
