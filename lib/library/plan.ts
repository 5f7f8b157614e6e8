/**
 * The library's query planner. Pure: it names index ranges and chooses how to read them from
 * the counters (lib/library/facets.ts); lib/store/library.ts runs the plan.
 *
 * Everything is read from the `libraryIndex` table, whose primary key sorts newest first (see
 * index-fields.ts). Every constraint an index answers becomes a *driver*: key ranges on one
 * index — a search term's prefix range on `words`, a filter's value on its `by…` index
 * (limited to the date filter's days), a tier as the ranges of the sources rated so, the date
 * filter as a range of the primary key. Then:
 *
 * - **probe**: read the primary keys of the selective drivers, at most `PROBE_LIMIT` each (keys
 *   only, no rows). A driver that returns fewer is *complete*: its keys are all its rows. The
 *   complete ones are intersected; the keys sort by date themselves, so the first page is the
 *   first 50 of them, and only those 50 annotations are read. Constraints no complete driver
 *   covers are checked on the candidates' index rows, in order, only as far as the page needs.
 * - **walk**: when nothing is selective (no filter, or only common words), read an index that is
 *   already in the requested order — the primary key, or a filter's range, which holds its rows
 *   newest first — and keep the rows that match until the page is full. Dense matches make this
 *   cheap: the unfiltered library is 50 keys.
 *
 * Counts come from the counters, never from counting a range (IndexedDB walks a range to count
 * it). Nothing reads every row: a search costs at most `PROBE_LIMIT` keys per term, or a walk
 * that stops at the page's last match.
 */
import type { CredibilityTier } from '../model';
import { FACET_ALL, facetKey, type FacetKind } from './facets';
import { HIGH, recencyOfMs, SEP, timeOfKey, type LibraryIndexRow } from './index-fields';
import { dayRange, type LibraryFilters, type LibraryQuery, type SortField } from './query';
import { searchTerms } from './words';

/** The indexes of the `libraryIndex` table; `key` is its primary key. */
export type IndexName = 'key' | 'words' | 'bySite' | 'bySource' | 'byType' | 'byVerdict' | 'byOrigin' | 'byTag';

/** A range of string keys, both ends inclusive. */
export type KeyRange = { lower: string; upper: string };

/** What a query constrains; the date filter (`from`/`to`) is one constraint. */
export type Constraint = 'text' | Exclude<keyof LibraryFilters, 'from' | 'to'> | 'date';

/** Ranges of one index whose rows satisfy some of the query's constraints. */
export type Driver = {
  /** For plans and tests: `word "kim*"`, `site = example.com`. */
  label: string;
  index: IndexName;
  ranges: KeyRange[];
  /** The constraints every row in the ranges satisfies (a search term covers `text` only as the search's one term). */
  covers: Constraint[];
  /** The counters whose sum bounds the rows in the ranges (exactly, without a date filter); null when only reading tells (words, dates). */
  facets: string[] | null;
  /** True when one range holds its rows newest first and each entry is `value SEP key` (or the key itself). */
  dateOrdered: boolean;
};

/** The credibility tier of each rated source key; an absent key is `unrated`. */
export type TierLookup = ReadonlyMap<string, CredibilityTier>;

/** A query made ready to test rows and to plan. */
export type CompiledQuery = {
  query: LibraryQuery;
  /** The search terms (each a word prefix). */
  terms: string[];
  /** Inclusive ms bounds of the date filter (infinite when open). */
  fromMs: number;
  toMs: number;
  tiers: TierLookup;
  /** The constraints the query sets. */
  constraints: Constraint[];
};

/** Most keys a probe reads from one driver; a driver with more is left to the walk. */
export const PROBE_LIMIT = 2000;
/** A driver this small is probed alone: checking its few rows beats probing the others. */
export const SMALL_DRIVER = 150;
/**
 * When no probe is complete, the walk first reads `WALK_SAMPLE` rows. If the matches among them
 * promise a full first page within `WALK_BUDGET` rows, it goes on; otherwise they are sparse,
 * and the drivers are probed again, `DEEP_PROBE_LIMIT` keys deep, and intersected.
 */
export const WALK_SAMPLE = 320;
export const WALK_BUDGET = 4096;
export const DEEP_PROBE_LIMIT = 25_000;
/** A page of the list. */
export const PAGE_SIZE = 50;

/**
 * Compile a query, or return null when no row can match it (`from` after `to`, or a tier no
 * source has been given).
 */
export function compileQuery(query: LibraryQuery, tiers: TierLookup): CompiledQuery | null {
  const range = dayRange(query.filters);
  if (!range) return null;
  const terms = searchTerms(query.text);
  const f = query.filters;
  const constraints: Constraint[] = [];
  if (terms.length > 0) constraints.push('text');
  for (const key of ['source', 'sourceType', 'tier', 'verdict', 'origin', 'tag', 'site'] as const) {
    if (f[key] !== undefined) constraints.push(key);
  }
  if (f.from !== undefined || f.to !== undefined) constraints.push('date');
  if (f.tier !== undefined && f.tier !== 'unrated' && ![...tiers.values()].includes(f.tier)) return null;
  return { query, terms, fromMs: range.fromMs, toMs: range.toMs, tiers, constraints };
}

/** The tier of a source key: its rating's, else `unrated`. */
export function tierOf(tiers: TierLookup, sourceKey: string): CredibilityTier {
  return tiers.get(sourceKey) ?? 'unrated';
}

/** Does an index row satisfy the whole query? */
export function matchesQuery(row: LibraryIndexRow, c: CompiledQuery): boolean {
  const f = c.query.filters;
  if (f.source !== undefined && row.source !== f.source) return false;
  if (f.site !== undefined && row.site !== f.site) return false;
  if (f.sourceType !== undefined && row.sourceType !== f.sourceType) return false;
  if (f.verdict !== undefined && row.verdict !== f.verdict) return false;
  if (f.origin !== undefined && row.origin !== f.origin) return false;
  if (f.tag !== undefined && !row.tags.includes(f.tag)) return false;
  if (f.tier !== undefined && tierOf(c.tiers, row.source) !== f.tier) return false;
  const created = timeOfKey(row.key);
  if (created < c.fromMs || created > c.toMs) return false;
  return c.terms.every((term) => row.words.some((word) => word.startsWith(term)));
}

/** The part of a primary key range the date filter allows: newest allowed first. */
function keyBounds(c: CompiledQuery): KeyRange {
  return {
    lower: Number.isFinite(c.toMs) ? recencyOfMs(c.toMs) : '',
    upper: Number.isFinite(c.fromMs) ? `${recencyOfMs(c.fromMs)}${HIGH}` : HIGH,
  };
}

/** The entries `value SEP key` of one value, within the date filter. */
function valueRange(value: string, c: CompiledQuery): KeyRange {
  const keys = keyBounds(c);
  return { lower: `${value}${SEP}${keys.lower}`, upper: `${value}${SEP}${keys.upper}` };
}

/** The filters answered by one `by…` index each: constraint, index, counter kind. */
const FILTER_INDEXES: readonly [Exclude<Constraint, 'text' | 'tier' | 'date'>, IndexName, FacetKind][] = [
  ['site', 'bySite', 'site'],
  ['source', 'bySource', 'source'],
  ['sourceType', 'byType', 'type'],
  ['verdict', 'byVerdict', 'verdict'],
  ['origin', 'byOrigin', 'origin'],
  ['tag', 'byTag', 'tag'],
];

/**
 * Every driver of a compiled query: one per search term, one per filter (tier through the
 * sources rated so; `unrated` has none, being the rest), and the date range.
 */
export function driversFor(c: CompiledQuery): Driver[] {
  const f = c.query.filters;
  const hasDate = c.constraints.includes('date');
  const dated = (covers: Constraint[]): Constraint[] => (hasDate ? [...covers, 'date'] : covers);
  const drivers: Driver[] = c.terms.map((term) => ({
    label: `word "${term}*"`,
    index: 'words',
    ranges: [{ lower: term, upper: term + HIGH }],
    covers: c.terms.length === 1 ? ['text'] : [],
    facets: null,
    dateOrdered: false,
  }));
  for (const [constraint, index, kind] of FILTER_INDEXES) {
    const value = f[constraint];
    if (value === undefined) continue;
    drivers.push({
      label: `${constraint} = ${value}`,
      index,
      ranges: [valueRange(value, c)],
      covers: dated([constraint]),
      facets: [facetKey(kind, value)],
      dateOrdered: true,
    });
  }
  if (f.tier !== undefined && f.tier !== 'unrated') {
    const tier = f.tier;
    const sources = [...c.tiers].filter(([, t]) => t === tier).map(([key]) => key).sort();
    drivers.push({
      label: `tier = ${tier} (${sources.length} source${sources.length === 1 ? '' : 's'})`,
      index: 'bySource',
      ranges: sources.map((key) => valueRange(key, c)),
      covers: dated(['tier']),
      facets: sources.map((key) => facetKey('source', key)),
      dateOrdered: sources.length === 1,
    });
  }
  if (hasDate) {
    drivers.push({
      label: `date ${f.from ?? '…'} to ${f.to ?? '…'}`,
      index: 'key',
      ranges: [keyBounds(c)],
      covers: ['date'],
      facets: null,
      dateOrdered: true,
    });
  }
  return drivers;
}

/** The counters a plan needs: the total and every driver's. */
export function facetKeysFor(drivers: readonly Driver[]): string[] {
  return [...new Set([FACET_ALL, ...drivers.flatMap((d) => d.facets ?? [])])];
}

/** The index holding each sort's order (`key` is newest first). */
export const SORT_INDEX: Record<SortField, 'key' | 'bySite' | 'bySource'> = { date: 'key', site: 'bySite', source: 'bySource' };

/**
 * True when the query's direction is against its index's natural order: keys hold inverted
 * times, so the natural order is newest first (`desc`); sites and sources read A to Z (`asc`).
 */
export function isReversed(query: Pick<LibraryQuery, 'sort' | 'direction'>): boolean {
  return query.direction !== (query.sort === 'date' ? 'desc' : 'asc');
}

/** The sort key of an index row: its date key, or its site or source entry. */
export function sortKeyOf(row: LibraryIndexRow, sort: SortField): string {
  return sort === 'date' ? row.key : sort === 'site' ? row.bySite : row.bySource;
}

/** An ordered walk over one index range. */
export type WalkStep = {
  index: IndexName;
  range: KeyRange;
  reverse: boolean;
  label: string;
  /**
   * True when every row in the range matches and each entry can be rebuilt from its primary key
   * (`prefix + key`): the walk reads keys only. Otherwise it reads index rows and checks them.
   */
  keysOnly: boolean;
  /** For `keysOnly` walks of a `by…` index: the `value SEP` before each key. */
  prefix: string;
};

/** What the executor does. */
export type QueryPlan =
  | { kind: 'empty'; reason: string }
  | {
      kind: 'plan';
      /** Drivers whose keys are read (up to `PROBE_LIMIT` each) and intersected; may be empty. */
      probe: Driver[];
      /** Drivers probed again (up to `DEEP_PROBE_LIMIT`) when the walk finds matches sparse. */
      deep: Driver[];
      /** The ordered walk, used when no probed driver is complete. */
      walk: WalkStep;
      /** The total, when the counters give it exactly. */
      total: number | null;
    };

/** The counted rows of a driver, or null when the counters don't know. */
export function driverCount(driver: Driver, counts: ReadonlyMap<string, number>): number | null {
  if (driver.facets === null) return null;
  return driver.facets.reduce((sum, key) => sum + (counts.get(key) ?? 0), 0);
}

/** The planner's thresholds; tests lower them to exercise every path on small data. */
export type PlanLimits = { probe: number; small: number; walkSample: number; walkBudget: number; deep: number };
export const DEFAULT_LIMITS: PlanLimits = {
  probe: PROBE_LIMIT,
  small: SMALL_DRIVER,
  walkSample: WALK_SAMPLE,
  walkBudget: WALK_BUDGET,
  deep: DEEP_PROBE_LIMIT,
};

/**
 * After a walk's sample, should it go on? Yes when the page is full, or when the density of
 * matches so far (`matched` of `read` rows) fills a page within the budget.
 */
export function walkWorthIt(matched: number, read: number, pageSize: number, limits: Pick<PlanLimits, 'walkBudget'>): boolean {
  if (matched >= pageSize) return true;
  if (matched === 0) return false;
  return (pageSize * read) / matched <= limits.walkBudget;
}

/**
 * Choose how to run a query from its drivers and the counters (`counts`: counter key → count;
 * a missing key counts nothing).
 */
export function choosePlan(
  c: CompiledQuery,
  drivers: readonly Driver[],
  counts: ReadonlyMap<string, number>,
  limits: PlanLimits = DEFAULT_LIMITS,
): QueryPlan {
  const live = counts.get(FACET_ALL) ?? 0;
  if (live === 0) return { kind: 'empty', reason: 'the library is empty' };
  const counted = drivers.map((driver) => ({ driver, count: driverCount(driver, counts) }));
  const none = counted.find((d) => d.count === 0);
  if (none) return { kind: 'empty', reason: `no annotation has ${none.driver.label}` };
  const hasDate = c.constraints.includes('date');

  // Probe: a very small driver alone; else every driver that may be selective (unknown counts included).
  const known = counted.filter((d) => d.count !== null).sort((a, b) => (a.count ?? 0) - (b.count ?? 0));
  const smallest = known[0];
  const probe =
    smallest && (smallest.count ?? 0) <= limits.small
      ? [smallest.driver]
      : [...known.filter((d) => (d.count ?? 0) <= limits.probe), ...counted.filter((d) => d.count === null && d.driver.index === 'words')].map((d) => d.driver);

  // Walk: the smallest range already in the requested order, else the whole sort index.
  const sort = c.query.sort;
  const reverse = isReversed(c.query);
  const orderedFor = (d: Driver) =>
    d.dateOrdered && d.ranges.length === 1 && (sort === 'date' || (sort === 'site' && d.index === 'bySite') || (sort === 'source' && d.index === 'bySource'));
  const ordered = counted.filter((d) => orderedFor(d.driver)).sort((a, b) => (a.count ?? live) - (b.count ?? live))[0];
  let walk: WalkStep;
  if (ordered) {
    const d = ordered.driver;
    const keysOnly = c.constraints.every((k) => d.covers.includes(k));
    const range = d.ranges[0] as KeyRange;
    const prefix = d.index === 'key' ? '' : range.lower.slice(0, range.lower.indexOf(SEP) + 1);
    walk = { index: d.index, range, reverse, label: d.label, keysOnly, prefix };
  } else if (sort === 'date') {
    walk = { index: 'key', range: { lower: '', upper: HIGH }, reverse, label: 'all by date', keysOnly: c.constraints.length === 0, prefix: '' };
  } else {
    walk = { index: SORT_INDEX[sort], range: { lower: '', upper: HIGH }, reverse, label: `all by ${sort}`, keysOnly: false, prefix: '' };
  }

  // A total from the counters: everything, or one counted driver that is the whole query (no date filter to narrow it).
  let total: number | null = null;
  if (c.constraints.length === 0) total = live;
  else if (!hasDate) {
    const whole = counted.find((d) => d.count !== null && c.constraints.every((k) => d.driver.covers.includes(k)));
    if (whole) total = whole.count;
  }
  // Deep probes: the words, and the filters small enough (never the date range: the walk's own range holds it).
  const deep = counted.filter((d) => d.driver.index !== 'key' && (d.count === null || d.count <= limits.deep)).map((d) => d.driver);
  return { kind: 'plan', probe, deep, walk, total };
}

/** The constraints the complete (fully read) drivers leave to check on rows. */
export function residualAfter(c: CompiledQuery, complete: readonly Driver[]): Constraint[] {
  const covered = new Set(complete.flatMap((d) => d.covers));
  const terms = complete.filter((d) => d.index === 'words').length;
  if (c.terms.length > 0 && terms === c.terms.length) covered.add('text');
  return c.constraints.filter((k) => !covered.has(k));
}
