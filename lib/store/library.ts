/**
 * The library's reads: runs the plans of lib/library/plan.ts on the `libraryIndex` table, reads
 * the annotations of the page shown, and the counters for the filter bar and per-source figures.
 */
import { FACET_ALL, type FacetRow } from '../library/facets';
import { idOfKey, timeOfKey, type LibraryIndexRow } from '../library/index-fields';
import {
  choosePlan,
  compileQuery,
  driversFor,
  facetKeysFor,
  DEFAULT_LIMITS,
  isReversed,
  matchesQuery,
  PAGE_SIZE,
  residualAfter,
  walkWorthIt,
  sortKeyOf,
  type CompiledQuery,
  type Driver,
  type KeyRange,
  type PlanLimits,
  type QueryPlan,
  type TierLookup,
  type WalkStep,
} from '../library/plan';
import type { LibraryQuery } from '../library/query';
import { summariseFacets, type LibraryFacets } from '../library/stats';
import type { Annotation, CredibilityTier, Source } from '../model';
import { countOfPostingKey } from '../library/word-postings';
import type { SourcemarkDb } from './db';
import { staleWordKeys } from './library-index';
import { foldedWordsMatch } from '../library/word-postings';

/** The results of a query, read a page at a time. */
export type LibraryCursor = {
  /** How the query runs (for tests and the curious). */
  plan: QueryPlan;
  /** The number of matches, when known; otherwise known once the end is reached. */
  readonly total: number | null;
  /** True once every match has been returned. */
  readonly done: boolean;
  /** The next `limit` matches in the query's order; fewer (or none) at the end. */
  next(limit: number): Promise<Annotation[]>;
};

/** The tier of each rated stored source, keyed by source id (the library's source key). */
export function tierLookup(sources: readonly Source[]): Map<string, CredibilityTier> {
  const tiers = new Map<string, CredibilityTier>();
  for (const source of sources) if (source.rating) tiers.set(source.id, source.rating.tier);
  return tiers;
}

/** The annotations of index keys, in their order (a missing one, deleted meanwhile, is skipped). */
async function annotationsOf(db: SourcemarkDb, keys: readonly string[]): Promise<Annotation[]> {
  if (keys.length === 0) return [];
  const rows = await db.annotations.bulkGet(keys.map(idOfKey));
  return rows.filter((row): row is Annotation => row !== undefined && !row.deletedAt);
}

/** The entries of `range` on `index`, exclusive of `after` when resuming a walk. */
function rangeOf(db: SourcemarkDb, index: WalkStep['index'], range: KeyRange, after: string | null, reverse: boolean) {
  const table = db.libraryIndex;
  if (after === null) return table.where(index).between(range.lower, range.upper, true, true);
  return reverse ? table.where(index).between(range.lower, after, true, false) : table.where(index).between(after, range.upper, false, true);
}

/** A driver's keys as far as a probe read them. */
type Probe = { driver: Driver; keys: Set<string>; complete: boolean };

/**
 * A word driver's keys from the postings (lib/library/word-postings.ts). The ranges' posting keys
 * are read first (keys only): they say how many index keys each row lists, so a word too common
 * to be selective (`limit` or more) is known without reading its large rows. Otherwise the rows
 * are read, keys with stale postings are checked on their rows, and the probe is complete: its
 * keys are exactly the live rows holding a word of the range, as a multi-entry index gives.
 */
async function probeWords(db: SourcemarkDb, driver: Driver, limit: number): Promise<Probe> {
  const keys = new Set<string>();
  const incomplete = (): Probe => ({ driver, keys: new Set(), complete: false });
  const postings: string[] = [];
  let listed = 0;
  for (const range of driver.ranges) {
    // Every posting row lists at least one key: `limit` rows list at least `limit` keys.
    const found = (await db.libraryWords.where(':id').between(range.lower, range.upper, true, true).limit(limit).primaryKeys()) as string[];
    for (const key of found) listed += countOfPostingKey(key);
    if (found.length >= limit || listed >= limit) return incomplete();
    postings.push(...found);
  }
  for (const row of await db.libraryWords.bulkGet(postings)) if (row) for (const key of row.keys) keys.add(key);
  // Postings an edit or a removal left stale: those keys are checked on their current rows.
  const stale = await staleWordKeys(db);
  const check = stale.size === 0 ? [] : [...keys].filter((key) => stale.has(key));
  if (check.length > 0) {
    const rows = await db.libraryIndex.bulkGet(check);
    check.forEach((key, i) => {
      const row = rows[i];
      if (!row || !driver.ranges.some((range) => foldedWordsMatch(row.words, range.lower))) keys.delete(key);
    });
  }
  return { driver, keys, complete: true };
}

/** Read up to `limit` primary keys of each of the driver's ranges; complete when none hit the limit. */
async function probe(db: SourcemarkDb, driver: Driver, limit: number): Promise<Probe> {
  if (driver.index === 'words') return probeWords(db, driver, limit);
  const lists = await Promise.all(driver.ranges.map((range) => rangeOf(db, driver.index, range, null, false).limit(limit).primaryKeys()));
  const keys = new Set<string>();
  for (const list of lists) for (const key of list) keys.add(key);
  return { driver, keys, complete: lists.every((list) => list.length < limit) };
}

const EMPTY_CURSOR = (plan: QueryPlan): LibraryCursor => ({ plan, total: 0, done: true, next: async () => [] });

/** A cursor over keys known to match, in order. */
function keysCursor(db: SourcemarkDb, plan: QueryPlan, keys: readonly string[]): LibraryCursor {
  let offset = 0;
  return {
    plan,
    total: keys.length,
    get done() {
      return offset >= keys.length;
    },
    async next(limit) {
      const page = keys.slice(offset, offset + limit);
      offset += page.length;
      return annotationsOf(db, page);
    },
  };
}

/** Rows read per check of candidates, and per step of a walk (growing to the most). */
const CHECK_CHUNK = 100;
const FIRST_CHUNK = 64;
const MAX_CHUNK = 1024;

/**
 * A cursor over candidate keys (in order) that still need checking against the query: their
 * index rows are read a chunk at a time, as far as the pages asked for need.
 */
function checkedCursor(db: SourcemarkDb, plan: QueryPlan, candidates: readonly string[], c: CompiledQuery): LibraryCursor {
  let offset = 0;
  let matched = 0;
  const buffer: string[] = [];
  const exhausted = () => offset >= candidates.length;
  return {
    plan,
    get total() {
      return exhausted() ? matched : null;
    },
    get done() {
      return exhausted() && buffer.length === 0;
    },
    async next(limit) {
      while (buffer.length < limit && !exhausted()) {
        const chunk = candidates.slice(offset, offset + CHECK_CHUNK);
        offset += chunk.length;
        const rows = await db.libraryIndex.bulkGet(chunk);
        for (const row of rows) {
          if (row && matchesQuery(row, c)) {
            buffer.push(row.key);
            matched += 1;
          }
        }
      }
      return annotationsOf(db, buffer.splice(0, limit));
    },
  };
}

/** A walk's cursor, which can also read ahead within a budget of rows. */
type WalkCursor = LibraryCursor & {
  /** Read until `limit` matches are buffered, the end, or `maxRows` rows were read; say how far it got. */
  fill(limit: number, maxRows: number): Promise<{ complete: boolean; read: number; matched: number }>;
};

/**
 * A cursor that walks `walk` in order: keys only when every entry matches, else index rows in
 * growing chunks, keeping those that match, until each page is full.
 */
function walkCursor(db: SourcemarkDb, plan: QueryPlan, walk: WalkStep, c: CompiledQuery, knownTotal: number | null): WalkCursor {
  let after: string | null = null;
  let exhausted = false;
  let matched = 0;
  let chunk = FIRST_CHUNK;
  const buffer: string[] = [];
  const entryOf = (row: LibraryIndexRow): string => {
    if (walk.index === 'key') return row.key;
    if (walk.prefix !== '') return walk.prefix + row.key;
    return row[walk.index as 'bySite' | 'bySource'];
  };
  const fill = async (limit: number, maxRows: number): Promise<{ complete: boolean; read: number; matched: number }> => {
    let read = 0;
    while (buffer.length < limit && !exhausted) {
      if (read >= maxRows) return { complete: false, read, matched: buffer.length };
      let collection = rangeOf(db, walk.index, walk.range, after, walk.reverse);
      if (walk.reverse) collection = collection.reverse();
      if (walk.keysOnly) {
        const want = limit - buffer.length;
        const keys = await collection.limit(want).primaryKeys();
        buffer.push(...keys);
        matched += keys.length;
        read += keys.length;
        const last = keys[keys.length - 1];
        if (last !== undefined) after = walk.prefix + last;
        if (keys.length < want) exhausted = true;
      } else {
        const rows = await collection.limit(chunk).toArray();
        for (const row of rows) {
          if (matchesQuery(row, c)) {
            buffer.push(row.key);
            matched += 1;
          }
        }
        read += rows.length;
        const last = rows[rows.length - 1];
        if (last) after = entryOf(last);
        if (rows.length < chunk) exhausted = true;
        chunk = Math.min(MAX_CHUNK, chunk * 4);
      }
    }
    return { complete: true, read, matched: buffer.length };
  };
  return {
    plan,
    get total() {
      return exhausted && buffer.length === 0 ? matched : knownTotal;
    },
    get done() {
      return exhausted && buffer.length === 0;
    },
    fill,
    async next(limit) {
      await fill(limit, Number.POSITIVE_INFINITY);
      return annotationsOf(db, buffer.splice(0, limit));
    },
  };
}

/** Is the annotation of this index key made within the query's days? */
function inDays(key: string, c: CompiledQuery): boolean {
  const time = timeOfKey(key);
  return time >= c.fromMs && time <= c.toMs;
}

/** The counters for these keys (a missing counter counts nothing). */
async function countsOf(db: SourcemarkDb, keys: readonly string[]): Promise<Map<string, number>> {
  const rows = await db.libraryFacets.bulkGet([...keys]);
  return new Map(keys.map((key, i) => [key, rows[i]?.count ?? 0]));
}

/**
 * Open a query: read the counters it needs, plan, probe the selective drivers, and return a
 * cursor over the matches in the query's order. `tiers` gives the rated sources (for the tier
 * filter).
 */
export async function openLibraryQuery(db: SourcemarkDb, query: LibraryQuery, tiers: TierLookup, limits: PlanLimits = DEFAULT_LIMITS): Promise<LibraryCursor> {
  const compiled = compileQuery(query, tiers);
  if (!compiled) return EMPTY_CURSOR({ kind: 'empty', reason: 'the filters exclude each other' });
  const drivers = driversFor(compiled);
  const plan = choosePlan(compiled, drivers, await countsOf(db, facetKeysFor(drivers)), limits);
  if (plan.kind === 'empty') return EMPTY_CURSOR(plan);

  const probes = await Promise.all(plan.probe.map((driver) => probe(db, driver, limits.probe)));
  const complete = probes.filter((p) => p.complete);
  if (complete.length > 0) return candidatesCursor(db, plan, compiled, complete);

  const walker = walkCursor(db, plan, plan.walk, compiled, plan.total);
  if (plan.walk.keysOnly || plan.deep.length === 0) return walker;
  // Taste the walk: dense matches fill the first page at once. Sparse ones send the drivers
  // back for a deeper probe, which costs keys, not rows.
  const sample = await walker.fill(PAGE_SIZE, limits.walkSample);
  if (sample.complete || walkWorthIt(sample.matched, sample.read, PAGE_SIZE, limits)) return walker;
  const deep = (await Promise.all(plan.deep.map((driver) => probe(db, driver, limits.deep)))).filter((p) => p.complete);
  return deep.length > 0 ? candidatesCursor(db, plan, compiled, deep) : walker;
}

/**
 * A cursor over the intersection of complete probes: sorted by their keys (date order) and, if
 * constraints remain, checked on index rows as far as the pages need; by site or source, sorted
 * on the candidates' index rows.
 */
async function candidatesCursor(db: SourcemarkDb, plan: QueryPlan, compiled: CompiledQuery, complete: Probe[]): Promise<LibraryCursor> {
  const query = compiled.query;
  complete.sort((a, b) => a.keys.size - b.keys.size);
  let keys = [...(complete[0] as Probe).keys];
  for (const other of complete.slice(1)) keys = keys.filter((key) => other.keys.has(key));
  // The date filter needs no row: the keys carry the creation time.
  if (compiled.constraints.includes('date')) keys = keys.filter((key) => inDays(key, compiled));
  if (keys.length === 0) return EMPTY_CURSOR(plan);
  const residual = residualAfter(compiled, complete.map((p) => p.driver)).filter((k) => k !== 'date');
  const reverse = isReversed(query);

  if (query.sort === 'date') {
    keys.sort();
    if (reverse) keys.reverse();
    return residual.length === 0 ? keysCursor(db, plan, keys) : checkedCursor(db, plan, keys, compiled);
  }
  // By site or source: the candidates' index rows give the order (at most a probe's worth of them).
  const rows = (await db.libraryIndex.bulkGet(keys)).filter((row): row is LibraryIndexRow => row !== undefined && matchesQuery(row, compiled));
  rows.sort((a, b) => {
    const x = sortKeyOf(a, query.sort);
    const y = sortKeyOf(b, query.sort);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (reverse) rows.reverse();
  return keysCursor(db, plan, rows.map((row) => row.key));
}

/** Every counter row. */
export function readFacets(db: SourcemarkDb): Promise<FacetRow[]> {
  return db.libraryFacets.toArray();
}

/** The number of live annotations, from the counters. */
export async function countLive(db: SourcemarkDb): Promise<number> {
  return (await db.libraryFacets.get(FACET_ALL))?.count ?? 0;
}

/** The filter bar's choices and the per-source figures, from the counters (a stored source's name wins). */
export async function loadLibraryFacets(db: SourcemarkDb, stored: readonly Source[] = []): Promise<LibraryFacets> {
  return summariseFacets(await readFacets(db), stored);
}
