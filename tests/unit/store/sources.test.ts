import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SourcemarkDb } from '../../../lib/store/db';
import { SourceInputError } from '../../../lib/sources/source-input';
import {
  deleteUserSource,
  listAllStoredSources,
  listStoredSources,
  rateSource,
  saveUserSource,
  type UserSourceInput,
} from '../../../lib/store/sources';
import { makeRating, makeSource, openTestDb } from '../support/store-fixtures';

const FIRST_RATING = new Date('2024-06-01T12:00:00.000Z');
const SECOND_RATING = new Date('2024-06-02T08:30:00.000Z');
const THIRD_RATING = new Date('2024-06-03T07:00:00.000Z');
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

describe('rateSource keeps the rating history', () => {
  it('moves each replaced rating into ratingHistory, oldest first, from the popup and options alike', async () => {
    const first = makeRating({ tier: 'mixed', ratedAt: FIRST_RATING.toISOString() });
    const second = makeRating({ tier: 'propaganda', rationale: 'State-run.', ratedAt: SECOND_RATING.toISOString(), ratedBy: 'Ana' });
    const third = makeRating({ tier: 'unreliable', ratedAt: THIRD_RATING.toISOString() });
    await rateSource(db, KCNA, first, FIRST_RATING);
    await rateSource(db, KCNA, second, SECOND_RATING);
    const saved = await rateSource(db, KCNA, third, THIRD_RATING);
    expect(saved.rating).toEqual(third);
    expect(saved.ratingHistory).toEqual([first, second]);
    expect(await db.sources.get('kcna')).toEqual(saved);
  });

  it('stores nothing when the same judgement is saved again', async () => {
    const first = makeRating({ ratedAt: FIRST_RATING.toISOString() });
    const saved = await rateSource(db, KCNA, first, FIRST_RATING);
    const again = await rateSource(db, KCNA, { ...first, ratedAt: SECOND_RATING.toISOString() }, SECOND_RATING);
    expect(again).toEqual(saved);
    expect(await db.sources.get('kcna')).toEqual(saved);
    expect(saved).not.toHaveProperty('ratingHistory');
  });

  it('writes in one transaction: a failed write leaves the earlier rating and history as they were', async () => {
    const first = makeRating({ ratedAt: FIRST_RATING.toISOString() });
    const before = await rateSource(db, KCNA, first, FIRST_RATING);
    const put = vi.spyOn(db.sources, 'put').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(rateSource(db, KCNA, makeRating({ tier: 'reliable' }), SECOND_RATING)).rejects.toThrow(/Quota/);
    put.mockRestore();
    expect(await db.sources.get('kcna')).toEqual(before);
  });
});

describe('tombstones and revival', () => {
  it('re-creating a deleted source revives its row, with its earlier ratings as history', async () => {
    const rating = makeRating({ tier: 'unreliable', ratedAt: FIRST_RATING.toISOString() });
    const created = await saveUserSource(db, { name: 'Ledger Wire', aliases: [], type: 'news-agency' }, SAVED_AT);
    await rateSource(db, { ...created }, rating, FIRST_RATING);
    await deleteUserSource(db, created.id, EDITED_AT);
    expect(await listStoredSources(db)).toEqual([]);

    const revived = await saveUserSource(db, { name: 'Ledger Wire', aliases: ['LW'], type: 'newspaper-broadcaster' }, SECOND_EDIT);
    expect(revived).toEqual({
      id: created.id,
      name: 'Ledger Wire',
      aliases: ['LW'],
      type: 'newspaper-broadcaster',
      builtin: false,
      ratingHistory: [rating],
      updatedAt: SECOND_EDIT.toISOString(),
    });
    expect(await db.sources.get(created.id)).toEqual(revived);
    expect((await listStoredSources(db)).map((s) => s.id)).toEqual([created.id]);
  });

  it('rating a deleted source (from the popup) revives it from the reference, earlier ratings kept', async () => {
    const first = makeRating({ tier: 'mixed', ratedAt: FIRST_RATING.toISOString() });
    const source = makeSource({ rating: first });
    await db.sources.put(source);
    await deleteUserSource(db, source.id, EDITED_AT);
    const second = makeRating({ tier: 'reliable', ratedAt: SECOND_RATING.toISOString() });
    const saved = await rateSource(db, { id: source.id, name: 'Primorye office', type: 'government', builtin: false }, second, SECOND_RATING);
    expect(saved).toEqual({
      id: source.id,
      name: 'Primorye office',
      type: 'government',
      aliases: [],
      builtin: false,
      rating: second,
      ratingHistory: [first],
      updatedAt: SECOND_RATING.toISOString(),
    });
  });

  it('a tombstone does not block another source’s name, and a namesake check ignores it', async () => {
    const gone = await saveUserSource(db, { name: 'Harbour Times', aliases: [], type: 'newspaper-broadcaster' }, SAVED_AT);
    await deleteUserSource(db, gone.id, EDITED_AT);
    const other = await saveUserSource(db, { name: 'Harbor Daily', aliases: [], type: 'newspaper-broadcaster' }, SAVED_AT);
    // Renaming to the deleted one's name: no live namesake, so it is allowed.
    const renamed = await saveUserSource(db, { id: other.id, name: 'Harbour Times', aliases: [], type: 'newspaper-broadcaster' }, SECOND_EDIT);
    expect(renamed).toMatchObject({ id: other.id, name: 'Harbour Times' });
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

const SAVED_AT = new Date('2024-07-01T10:00:00.000Z');
const EDITED_AT = new Date('2024-07-02T11:00:00.000Z');
const SECOND_EDIT = new Date('2024-07-03T12:00:00.000Z');

describe('saveUserSource', () => {
  it('creates a user source under the slug of its name, with checked aliases and a stamp', async () => {
    const saved = await saveUserSource(
      db,
      { name: '  North Korean   state media ', aliases: [' Pyongyang’s official media ', '', 'Pyongyang’s official media'], type: 'state-media', country: 'kp' },
      SAVED_AT,
    );
    expect(saved).toEqual({
      id: 'north-korean-state-media',
      name: 'North Korean state media',
      aliases: ['Pyongyang’s official media'],
      type: 'state-media',
      country: 'KP',
      builtin: false,
      updatedAt: SAVED_AT.toISOString(),
    });
    expect(await db.sources.get('north-korean-state-media')).toEqual(saved);
  });

  it('omits an empty country and gives a name starting with “The” its matchable form as an alias', async () => {
    const saved = await saveUserSource(db, { name: 'The Ledger Wire', aliases: [], type: 'news-agency', country: ' ' }, SAVED_AT);
    expect(saved).not.toHaveProperty('country');
    expect(saved.aliases).toEqual(['the Ledger Wire']);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'name', /Give the source a name/],
    ['a name of a built-in source', { name: 'KCNA' }, 'name', /built-in source.*Edit/],
    ['a name whose slug is a built-in’s id', { name: 'Anadolu Agency' }, 'name', /built-in source/],
    ['a country that is not two letters', { country: 'North Korea' }, 'country', /two-letter country code/],
    ['an unknown type', { type: 'blog' }, 'type', /not a source type/],
    ['an alias over 120 characters', { aliases: ['x'.repeat(121)] }, 'aliases', /longer than 120/],
    ['more than 50 aliases', { aliases: Array.from({ length: 51 }, (_, i) => `Alias ${i}`) }, 'aliases', /at most 50/],
  ])('refuses %s, naming the field', async (_case, override, field, message) => {
    const input = { name: 'Ledger Wire', aliases: [], type: 'news-agency', ...override } as UserSourceInput;
    const error = await saveUserSource(db, input, SAVED_AT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceInputError);
    expect((error as SourceInputError).field).toBe(field);
    expect((error as Error).message).toMatch(message);
    expect(await db.sources.count()).toBe(0);
  });

  it('refuses a new source whose id an existing user source has, even a rating-only one', async () => {
    await rateSource(db, { id: 'american-authorities', name: 'American authorities', type: 'government', builtin: false }, makeRating(), FIRST_RATING);
    await expect(saveUserSource(db, { name: 'American Authorities', aliases: [], type: 'government' })).rejects.toThrow(
      /You already have a source “American authorities”.*Edit/,
    );
  });

  it('updates a user source in place: same id, new fields, rating kept', async () => {
    const rating = makeRating({ tier: 'mixed' });
    await db.sources.put(makeSource({ rating }));
    const saved = await saveUserSource(
      db,
      { id: 'primorsky-governor-office', name: 'Primorye governor', aliases: ['Primorsky administration'], type: 'official-person', country: '' },
      EDITED_AT,
    );
    expect(saved).toEqual({
      id: 'primorsky-governor-office',
      name: 'Primorye governor',
      aliases: ['Primorsky administration'],
      type: 'official-person',
      builtin: false,
      rating,
      updatedAt: EDITED_AT.toISOString(),
    });
    expect(await db.sources.count()).toBe(1);
  });

  it('refuses renaming a user source to the name of another of the user’s sources', async () => {
    await db.sources.put(makeSource({ id: 'ledger-wire', name: 'Ledger Wire', aliases: [] }));
    await db.sources.put(makeSource({ id: 'ledger-news', name: 'Ledger News', aliases: [] }));
    await expect(saveUserSource(db, { id: 'ledger-news', name: 'Ledger  wire', aliases: [], type: 'news-agency' })).rejects.toThrow(
      /already called “Ledger Wire”/,
    );
  });

  it('refuses updating a source that is not stored', async () => {
    await expect(saveUserSource(db, { id: 'gone', name: 'Gone', aliases: [], type: 'other' })).rejects.toThrow(/no source with id “gone”/);
  });

  it('adds aliases to a built-in as an overlay row that keeps its rating and the registry’s fields', async () => {
    const rating = makeRating();
    await rateSource(db, KCNA, rating, FIRST_RATING);
    const saved = await saveUserSource(
      db,
      // Name, type and country are the registry's; an alias the built-in already has is not stored again.
      { id: 'kcna', name: 'ignored', aliases: ['The state agency', 'Korean Central News Agency'], type: 'other', country: 'FR' },
      EDITED_AT,
    );
    expect(saved).toEqual({
      id: 'kcna',
      name: 'KCNA',
      aliases: ['the state agency'],
      type: 'state-media',
      country: 'KP',
      builtin: true,
      rating,
      updatedAt: EDITED_AT.toISOString(),
    });
    expect(await db.sources.get('kcna')).toEqual(saved);
  });

  it('stores an overlay for a built-in that had no row, and buries it (a tombstone) when its aliases are emptied', async () => {
    await saveUserSource(db, { id: 'yonhap', name: 'Yonhap', aliases: ['Seoul’s news agency'], type: 'news-agency' }, SAVED_AT);
    expect(await db.sources.get('yonhap')).toMatchObject({ builtin: true, aliases: ['Seoul’s news agency'] });
    await saveUserSource(db, { id: 'yonhap', name: 'Yonhap', aliases: [], type: 'news-agency' }, EDITED_AT);
    expect(await db.sources.get('yonhap')).toMatchObject({ aliases: [], deletedAt: EDITED_AT.toISOString() });
    expect(await listStoredSources(db)).toEqual([]);
    // Aliases again: the overlay comes back to life.
    await saveUserSource(db, { id: 'yonhap', name: 'Yonhap', aliases: ['Seoul’s news agency'], type: 'news-agency' }, SECOND_EDIT);
    const revived = await db.sources.get('yonhap');
    expect(revived).toMatchObject({ aliases: ['Seoul’s news agency'], updatedAt: SECOND_EDIT.toISOString() });
    expect(revived).not.toHaveProperty('deletedAt');
  });
});

describe('deleteUserSource', () => {
  it('deletes a user source, leaving a tombstone that readers skip', async () => {
    const source = makeSource({ rating: makeRating() });
    await db.sources.put(source);
    await deleteUserSource(db, 'primorsky-governor-office', EDITED_AT);
    const stamp = EDITED_AT.toISOString();
    expect(await db.sources.get(source.id)).toEqual({ ...source, deletedAt: stamp, updatedAt: stamp });
    expect(await listStoredSources(db)).toEqual([]);
    expect(await listAllStoredSources(db)).toHaveLength(1);
    await expect(deleteUserSource(db, source.id)).rejects.toThrow(/no source with id/);
    await expect(saveUserSource(db, { id: source.id, name: source.name, aliases: [], type: 'government' })).rejects.toThrow(
      /deleted in another window/,
    );
  });

  it('removes the user’s aliases of a built-in but keeps its rating, stamping the change', async () => {
    const rating = makeRating();
    await rateSource(db, KCNA, rating, FIRST_RATING);
    await saveUserSource(db, { id: 'kcna', name: 'KCNA', aliases: ['the state agency'], type: 'state-media' }, SAVED_AT);
    await deleteUserSource(db, 'kcna', EDITED_AT);
    expect(await db.sources.get('kcna')).toMatchObject({ id: 'kcna', builtin: true, aliases: [], rating, updatedAt: EDITED_AT.toISOString() });
  });

  it('buries an unrated built-in’s overlay as a tombstone', async () => {
    await saveUserSource(db, { id: 'kcna', name: 'KCNA', aliases: ['the state agency'], type: 'state-media' }, SAVED_AT);
    await deleteUserSource(db, 'kcna', EDITED_AT);
    expect(await db.sources.get('kcna')).toMatchObject({ aliases: [], deletedAt: EDITED_AT.toISOString() });
    expect(await listStoredSources(db)).toEqual([]);
    await expect(deleteUserSource(db, 'kcna')).rejects.toThrow(/no aliases to KCNA/);
  });

  it.each([
    ['a built-in without the user’s aliases', 'tass', /no aliases to TASS/],
    ['an id that is not stored', 'nothing-here', /no source with id “nothing-here”/],
  ])('refuses %s', async (_case, id, message) => {
    await rateSource(db, { id: 'tass', name: 'TASS', type: 'state-media', builtin: true }, makeRating(), FIRST_RATING);
    await expect(deleteUserSource(db, id)).rejects.toThrow(message);
    expect(await db.sources.get('tass')).toMatchObject({ rating: makeRating() });
  });
});
