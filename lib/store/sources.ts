/**
 * The source repository: the user's own sources and their ratings and aliases of any source.
 *
 * Every write is one Dexie transaction over `sources`, so a later step (the sync outbox) can
 * join it. Rules kept here:
 * - A rating that says something new moves the current one into `ratingHistory`
 *   (lib/sources/rating-history.ts); re-saving the same judgement writes nothing.
 * - Deleting leaves a tombstone (`deletedAt` stamped, the row kept) so sync can carry the
 *   deletion; every reader here skips tombstones, and creating the same source again revives
 *   the row, earlier ratings kept as history.
 */
import { BUILTIN_SOURCES as builtinSources } from '../detect/registry';
import { sourceIdFor } from '../detect/source-id';
import type { Source, SourceRating, SourceRef, SourceType } from '../model';
import { withNewRating } from '../sources/rating-history';
import {
  checkSourceType,
  matchableForm,
  normaliseAliases,
  normaliseCountry,
  normaliseName,
  SourceInputError,
} from '../sources/source-input';
import type { SourcemarkDb } from './db';
import { isLiveSource, liveSourcesByName } from './live-rows';
import { queueChanges } from './outbox';

export { isLiveSource } from './live-rows';

/** Every live stored source (user entries and rated or extended built-ins), by name. Tombstones are left out. */
export async function listStoredSources(db: SourcemarkDb): Promise<Source[]> {
  return liveSourcesByName(await db.sources.toArray());
}

/** Every stored source row, tombstones included (what sync compares and sends), by id. */
export async function listAllStoredSources(db: SourcemarkDb): Promise<Source[]> {
  return db.sources.toArray();
}

/**
 * The ratings a tombstone held, as history for the source that revives it: its earlier ratings,
 * then its last current one. Nothing a rater wrote is lost by deleting and re-creating a source.
 */
function historyOfTombstone(tombstone: Source | undefined): SourceRating[] {
  if (!tombstone) return [];
  const history = [...(tombstone.ratingHistory ?? [])];
  if (tombstone.rating) history.push(tombstone.rating);
  return history;
}

/** `row` with its history set, or without the field when there is none (rows stay minimal). */
function withHistory(row: Source, history: readonly SourceRating[]): Source {
  const { ratingHistory: _old, ...rest } = row;
  return history.length > 0 ? { ...rest, ratingHistory: [...history] } : rest;
}

/**
 * Give a source a credibility rating, from the popup or the options page. A source not stored
 * yet (or deleted: a tombstone) is stored from `ref` (a built-in keeps `builtin: true`, so the
 * stored row only overlays the rating). A different judgement moves the current rating into
 * `ratingHistory`; the same judgement again (only `ratedAt` differs) stores nothing and returns
 * the stored row as it is.
 */
export async function rateSource(
  db: SourcemarkDb,
  ref: SourceRef & { builtin: boolean; aliases?: string[] },
  rating: SourceRating,
  now = new Date(),
): Promise<Source> {
  return db.transaction('rw', db.sources, db.outbox, async () => {
    const stored = await db.sources.get(ref.id);
    const live = stored && isLiveSource(stored) ? stored : undefined;
    const base: Source = live ?? withHistory(
      { id: ref.id, name: ref.name, type: ref.type, aliases: ref.aliases ?? [], builtin: ref.builtin },
      historyOfTombstone(stored),
    );
    const next = withNewRating(base, rating);
    if (!next) return base;
    const saved: Source = { ...withHistory(base, next.ratingHistory), rating: next.rating, updatedAt: now.toISOString() };
    await db.sources.put(saved);
    await queueChanges(db, 'source', [saved.id], now); // sync: in this transaction
    return saved;
  });
}

/** What the user enters for a source of their own, or for their aliases of a built-in. */
export type UserSourceInput = {
  /** The source being edited; omit to create one (its id is then `sourceIdFor(name)`). */
  id?: string;
  /** The source's display name; ignored for a built-in (its name is the registry's). */
  name: string;
  /** The user's aliases, as typed (see `normaliseAliases`). For a built-in, only these are stored. */
  aliases: readonly string[];
  /** What kind of source it is; ignored for a built-in. */
  type: SourceType;
  /** ISO 3166-1 alpha-2 code, or empty for none; ignored for a built-in. */
  country?: string;
};

/** Built-in sources by id. */
const BUILTINS_BY_ID: ReadonlyMap<string, Source> = new Map(builtinSources.map((s) => [s.id, s] as const));

/**
 * Store `row`; the overlay of a built-in that holds neither a rating nor aliases is stored as a
 * tombstone (`deletedAt` = its `updatedAt`), so sync learns the user's additions are gone.
 */
async function putOrBuryOverlay(db: SourcemarkDb, row: Source): Promise<Source> {
  const { deletedAt: _was, ...live } = row;
  const empty = row.builtin && BUILTINS_BY_ID.has(row.id) && !row.rating && row.aliases.length === 0;
  const saved: Source = empty ? { ...live, deletedAt: row.updatedAt ?? new Date().toISOString() } : live;
  await db.sources.put(saved);
  return saved;
}

/**
 * Create or update a source the user defines, or set the user's aliases of a built-in.
 *
 * - No `id`: a new user source under `sourceIdFor(name)`. Refused when that id is a built-in's
 *   or another stored source's (edit that one instead), or when the name is empty.
 * - A user source's `id`: its name, aliases, type and country are replaced; its id and rating stay.
 *   Renaming it to a name another source already has (by slug) is refused.
 * - A built-in's `id`: an overlay row with the built-in's id and `builtin: true` stores the
 *   aliases the built-in lacks, and keeps any rating; the built-in's name, type and country stay.
 *
 * Aliases are checked by `normaliseAliases` (trimmed, non-empty, deduplicated, at most
 * `MAX_ALIASES` of at most `MAX_ALIAS_LENGTH` characters); a name starting with "The" also gets
 * its matchable form as an alias. Refusals are `SourceInputError`s naming the field.
 * Stamps `updatedAt` with `now`. Returns the stored row.
 */
export async function saveUserSource(db: SourcemarkDb, input: UserSourceInput, now = new Date()): Promise<Source> {
  const stamp = now.toISOString();
  const builtin = input.id === undefined ? undefined : BUILTINS_BY_ID.get(input.id);
  if (builtin) {
    const aliases = normaliseAliases(input.aliases, [builtin.name, ...builtin.aliases]);
    return db.transaction('rw', db.sources, db.outbox, async () => {
      const existing = await db.sources.get(builtin.id);
      const row: Source = { ...existing, ...builtin, aliases, builtin: true, updatedAt: stamp };
      if (existing?.rating) row.rating = existing.rating;
      const saved = await putOrBuryOverlay(db, withHistory(row, existing?.ratingHistory ?? []));
      await queueChanges(db, 'source', [row.id], now); // sync: in this transaction
      return saved;
    });
  }

  const name = normaliseName(input.name);
  const type = checkSourceType(input.type);
  const country = normaliseCountry(input.country);
  const nameForm = matchableForm(name);
  const aliases = normaliseAliases(nameForm === name ? input.aliases : [...input.aliases, nameForm], [name]);
  const slug = sourceIdFor(name);
  const shipped = builtinSources.find((b) => b.id === slug || sourceIdFor(b.name) === slug);
  if (shipped) {
    throw new SourceInputError(
      'name',
      `“${shipped.name}” is a built-in source. To add your own words for it, use “Edit” on ${shipped.name} in the list of sources.`,
    );
  }

  return db.transaction('rw', db.sources, db.outbox, async () => {
    const id = input.id ?? slug;
    const stored = await db.sources.get(id);
    const existing = stored && isLiveSource(stored) ? stored : undefined;
    if (input.id === undefined && existing) {
      throw new SourceInputError('name', `You already have a source “${existing.name}”. Use “Edit” on it in the list instead.`);
    }
    if (input.id !== undefined && !existing) {
      throw new Error(`There is no source with id “${input.id}” to update; it may have been deleted in another window.`);
    }
    const others = await db.sources
      .filter((row) => row.id !== id && isLiveSource(row) && !BUILTINS_BY_ID.has(row.id))
      .toArray();
    const namesake = others.find((row) => row.id === slug || sourceIdFor(row.name) === slug);
    if (namesake) {
      throw new SourceInputError('name', `Another of your sources is already called “${namesake.name}”. Choose another name, or edit that one.`);
    }
    // A new source with a deleted one's id revives that row: its ratings come back as history.
    const fresh: Source = { id, name, aliases, type, builtin: false, updatedAt: stamp };
    if (country !== undefined) fresh.country = country;
    if (existing?.rating) fresh.rating = existing.rating;
    const row = withHistory(fresh, existing ? (existing.ratingHistory ?? []) : historyOfTombstone(stored));
    if (existing?.shared !== undefined) row.shared = existing.shared;
    await db.sources.put(row);
    await queueChanges(db, 'source', [row.id], now); // sync: in this transaction
    return row;
  });
}

/**
 * Delete a user source: its row stays as a tombstone (`deletedAt` and `updatedAt` stamped,
 * ratings kept for a later revival) that every reader skips. For a built-in, remove the user's
 * aliases from its overlay but keep its rating (an overlay left with neither becomes a
 * tombstone). Throws when there is nothing to delete.
 */
export async function deleteUserSource(db: SourcemarkDb, id: string, now = new Date()): Promise<void> {
  const stamp = now.toISOString();
  await db.transaction('rw', db.sources, db.outbox, async () => {
    const stored = await db.sources.get(id);
    const existing = stored && isLiveSource(stored) ? stored : undefined;
    const builtin = BUILTINS_BY_ID.get(id);
    if (builtin) {
      if (!existing || existing.aliases.length === 0) throw new Error(`You have added no aliases to ${builtin.name}; there is nothing to remove.`);
      await putOrBuryOverlay(db, { ...existing, aliases: [], updatedAt: stamp });
      await queueChanges(db, 'source', [id], now); // sync: in this transaction
      return;
    }
    if (!existing) throw new Error(`There is no source with id “${id}” to delete; it may have been deleted in another window.`);
    await db.sources.put({ ...existing, deletedAt: stamp, updatedAt: stamp });
    await queueChanges(db, 'source', [id], now); // sync: in this transaction
  });
}
