/**
 * What the library shows: a search, filters and a sort, and its form in the page's URL, so a
 * view can be bookmarked, shared between tabs, and survives a reload. Pure.
 */
import {
  ANNOTATION_ORIGINS,
  CREDIBILITY_TIERS,
  SOURCE_TYPES,
  VERDICT_RATINGS,
  type AnnotationOrigin,
  type CredibilityTier,
  type SourceType,
} from '../model';
import type { VerdictKey } from './index-fields';

/** What the list is ordered by: the date the annotation was made, the page's site, or the source's key. */
export const SORT_FIELDS = ['date', 'site', 'source'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** Each sort's usual direction: newest first; sites and sources A to Z. */
export const DEFAULT_DIRECTION: Record<SortField, SortDirection> = { date: 'desc', site: 'asc', source: 'asc' };

/** The verdict filter's values: every rating, and `none` for "no verdict yet". */
export const VERDICT_KEYS: readonly VerdictKey[] = [...VERDICT_RATINGS, 'none'];

/** Every filter is optional; set ones must all hold (AND). */
export type LibraryFilters = {
  /** The outer source's key (registry id, or the slug of an unresolved source's label). */
  source?: string;
  /** The outer source's type. */
  sourceType?: SourceType;
  /** The credibility tier of the outer source (`unrated`: sources without a rating). */
  tier?: CredibilityTier;
  /** The verdict's rating, or `none`. */
  verdict?: VerdictKey;
  /** Where the annotation came from. */
  origin?: AnnotationOrigin;
  /** A tag, exactly as stored. */
  tag?: string;
  /** The page's site (host name without `www.`). */
  site?: string;
  /** First day (YYYY-MM-DD, local time) the annotation was made on, inclusive. */
  from?: string;
  /** Last day (YYYY-MM-DD, local time), inclusive. */
  to?: string;
};

/** One view of the library. */
export type LibraryQuery = {
  /** The search box as typed ('' for none); see `searchTerms`. */
  text: string;
  filters: LibraryFilters;
  sort: SortField;
  direction: SortDirection;
};

/** The library with nothing narrowed: everything, newest first. */
export const DEFAULT_QUERY: LibraryQuery = { text: '', filters: {}, sort: 'date', direction: 'desc' };

/** Longest search text and filter value taken from a URL. */
export const MAX_PARAM_LENGTH = 500;

/** The URL parameter of each filter. */
const FILTER_PARAMS = {
  source: 'source',
  sourceType: 'type',
  tier: 'tier',
  verdict: 'verdict',
  origin: 'origin',
  tag: 'tag',
  site: 'site',
  from: 'from',
  to: 'to',
} as const satisfies Record<keyof LibraryFilters, string>;

const FILTER_ORDER = Object.keys(FILTER_PARAMS) as (keyof LibraryFilters)[];

function oneOf<T extends string>(values: readonly T[], raw: string | null): T | undefined {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

/** A calendar day `YYYY-MM-DD` that exists (no 2024-02-30). */
export function isDay(raw: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function text(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  const trimmed = raw.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_PARAM_LENGTH ? trimmed : undefined;
}

/**
 * The query a URL describes. Unknown parameters, unknown values, impossible dates and overlong
 * values are ignored (a hand-edited or outdated bookmark still opens the library). A missing
 * direction is the sort's usual one.
 */
export function parseQuery(params: URLSearchParams): LibraryQuery {
  const filters: LibraryFilters = {};
  const source = text(params.get(FILTER_PARAMS.source));
  if (source) filters.source = source;
  const sourceType = oneOf(SOURCE_TYPES, params.get(FILTER_PARAMS.sourceType));
  if (sourceType) filters.sourceType = sourceType;
  const tier = oneOf(CREDIBILITY_TIERS, params.get(FILTER_PARAMS.tier));
  if (tier) filters.tier = tier;
  const verdict = oneOf(VERDICT_KEYS, params.get(FILTER_PARAMS.verdict));
  if (verdict) filters.verdict = verdict;
  const origin = oneOf(ANNOTATION_ORIGINS, params.get(FILTER_PARAMS.origin));
  if (origin) filters.origin = origin;
  const tag = text(params.get(FILTER_PARAMS.tag));
  if (tag) filters.tag = tag;
  const site = text(params.get(FILTER_PARAMS.site));
  if (site) filters.site = site.toLowerCase();
  for (const key of ['from', 'to'] as const) {
    const day = params.get(FILTER_PARAMS[key]);
    if (day !== null && isDay(day)) filters[key] = day;
  }
  const sort = oneOf(SORT_FIELDS, params.get('sort')) ?? DEFAULT_QUERY.sort;
  const direction = oneOf(SORT_DIRECTIONS, params.get('dir')) ?? DEFAULT_DIRECTION[sort];
  const q = params.get('q');
  return { text: q !== null && q.length <= MAX_PARAM_LENGTH ? q : '', filters, sort, direction };
}

/**
 * The URL parameters of a query, in a fixed order, defaults left out: `parseQuery` of the result
 * gives the query back, and the same view always has the same URL.
 */
export function formatQuery(query: LibraryQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.text.trim() !== '') params.set('q', query.text);
  for (const key of FILTER_ORDER) {
    const value = query.filters[key];
    if (value !== undefined && value !== '') params.set(FILTER_PARAMS[key], value);
  }
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.direction !== DEFAULT_DIRECTION[query.sort]) params.set('dir', query.direction);
  return params;
}

/** A filter set to a value, or cleared with `undefined`; the other filters stay. */
export function withFilter<K extends keyof LibraryFilters>(
  query: LibraryQuery,
  key: K,
  value: LibraryFilters[K] | undefined,
): LibraryQuery {
  const filters = { ...query.filters };
  if (value === undefined || value === '') delete filters[key];
  else filters[key] = value;
  return { ...query, filters };
}

/** True when the query narrows the library (a search or any filter); the sort doesn't count. */
export function isNarrowed(query: LibraryQuery): boolean {
  return query.text.trim() !== '' || FILTER_ORDER.some((key) => query.filters[key] !== undefined);
}

/** A key that is equal for two queries exactly when they show the same rows in the same order. */
export function queryKey(query: LibraryQuery): string {
  return formatQuery(query).toString();
}

/**
 * The milliseconds range of a day filter, in local time: `[start of from, end of to]`, either
 * end open. Returns null when `from` is after `to` (no day can match).
 */
export function dayRange(filters: Pick<LibraryFilters, 'from' | 'to'>): { fromMs: number; toMs: number } | null {
  const startOf = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d).getTime();
  };
  const fromMs = filters.from ? startOf(filters.from) : Number.NEGATIVE_INFINITY;
  // The last millisecond of `to`: the start of the next day minus one (DST-safe: built from the calendar).
  const toMs = filters.to
    ? (() => {
        const [y, m, d] = filters.to.split('-').map(Number) as [number, number, number];
        return new Date(y, m - 1, d + 1).getTime() - 1;
      })()
    : Number.POSITIVE_INFINITY;
  return fromMs > toMs ? null : { fromMs, toMs };
}
