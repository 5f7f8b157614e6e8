/**
 * The library's index rows, derived from annotations. Pure.
 *
 * Each live annotation has one row in the `libraryIndex` table (lib/store/db.ts); tombstones have
 * none, so no library index lists them. Annotation rows themselves stay exactly what the user
 * made: exports, the popup and sync never see index fields. The index is derived data: the
 * repository rewrites a row on every write of its annotation, and it can be rebuilt from the
 * annotations at any time (the version-2 upgrade does).
 *
 * Why a table of its own: its primary key, `key`, sorts newest first (`recencyKey`), so every
 * index of it yields primary keys that carry the annotation's date and id. A search reads only
 * keys (cheap) to find, intersect and order its matches, and reads whole annotations only for
 * the page it shows. Reading rows costs IndexedDB ten times more than reading keys, and counting
 * a range costs as much as reading it, so neither may depend on the library's size.
 *
 * The filter indexes hold `value SEP key`: the entries of one value are in date order too, so a
 * filter's first page is the first keys of its range.
 */
import type { Annotation, AnnotationOrigin, Attribution, SourceType, TextQuoteSelector, VerdictRating } from '../model';
import { groupKeyOf, UNATTRIBUTED_ID } from '../popup/group-claims';
import { indexWords } from './words';

/** A verdict filter value: a rating, or `none` for annotations without a verdict. */
export type VerdictKey = VerdictRating | 'none';

/** Between a filter value and the key in a filter index entry; sorts below every character a value holds. */
export const SEP = '\u0001';
/** Above every character: the end of a prefix range. */
export const HIGH = '\uffff';

/** Digits of the inverted time in a key; covers dates up to the year 2286. */
const TIME_DIGITS = 13;
const MAX_MS = 10 ** TIME_DIGITS - 1;

/** One live annotation's index row. */
export type LibraryIndexRow = {
  /** Primary key: `recencyKey(createdAt)` `:` id. Ascending order is newest first. */
  key: string;
  /** The annotation's id. */
  id: string;
  /** Distinct folded words (≥ 2 letters) of the quote, the note and the tags. Multi-entry index. */
  words: string[];
  tags: string[];
  /** Host name without `www.`. */
  site: string;
  /** The outer source's key (`sourceKeyOf`). */
  source: string;
  sourceType: SourceType;
  verdict: VerdictKey;
  origin: AnnotationOrigin;
  /** `site SEP key`: by site, then newest first; a site filter is a prefix range of it. */
  bySite: string;
  /** `source SEP key`. */
  bySource: string;
  /** `sourceType SEP key`. */
  byType: string;
  /** `verdict SEP key`. */
  byVerdict: string;
  /** `origin SEP key`. */
  byOrigin: string;
  /** `tag SEP key` for each tag. Multi-entry index. */
  byTag: string[];
};

/**
 * One library row's change in a write: the row indexed before (undefined: none) and the row to
 * index (undefined: none, for a tombstone or a removal), with the source's name as the written
 * annotation shows it (for the counters).
 */
export type IndexRowChange = {
  /** The row indexed before the write (taken out of the index and the counters). */
  before: LibraryIndexRow | undefined;
  /** The row the write indexes (put in the index and the counters). */
  after: LibraryIndexRow | undefined;
  /** The outer source's name on the written annotation (`sourceLabelOf`). */
  label?: string;
};

/** The inverted, fixed-width time of an ISO date: sorts newest first. Unparseable dates sort last (oldest). */
export function recencyKey(iso: string): string {
  return recencyOfMs(timeOf(iso));
}

/** `recencyKey` of milliseconds, clamped to the representable years. */
export function recencyOfMs(ms: number): string {
  const clamped = Math.min(MAX_MS, Math.max(0, Math.floor(ms)));
  return String(MAX_MS - clamped).padStart(TIME_DIGITS, '0');
}

/** The primary key of an annotation's index row. */
export function indexKeyOf(annotation: Pick<Annotation, 'id' | 'createdAt'>): string {
  return `${recencyKey(annotation.createdAt)}:${annotation.id}`;
}

/** The annotation id inside an index key. */
export function idOfKey(key: string): string {
  return key.slice(TIME_DIGITS + 1);
}

/** The creation time (ms) inside an index key. */
export function timeOfKey(key: string): number {
  return MAX_MS - Number(key.slice(0, TIME_DIGITS));
}

/** The site of a page URL: its host name without `www.`; empty for a URL that doesn't parse. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The annotation's quote: its TextQuoteSelector's `exact` ('' without one). */
export function quoteOf(annotation: Pick<Annotation, 'target'>): string {
  const quote = annotation.target.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  return quote?.exact ?? '';
}

/** The outermost attribution: by the model's rule, the first one. */
export function outerAttributionOf(annotation: Pick<Annotation, 'attributions'>): Attribution | undefined {
  return annotation.attributions[0];
}

/**
 * The key the library files an annotation's source under: the outer attribution's registry id
 * when resolved, else a slug of its label (the popup's grouping key, under which ratings are
 * stored); `UNATTRIBUTED_ID` without an attribution.
 */
export function sourceKeyOf(annotation: Pick<Annotation, 'attributions'>): string {
  const outer = outerAttributionOf(annotation);
  return outer ? groupKeyOf(outer) : UNATTRIBUTED_ID;
}

/** The outer source's display name: the registry's when resolved, else the page's words; '' without one. */
export function sourceLabelOf(annotation: Pick<Annotation, 'attributions'>): string {
  const outer = outerAttributionOf(annotation);
  return outer ? (outer.source?.name ?? outer.label) : '';
}

/** Milliseconds of an ISO time, 0 for one that doesn't parse. */
export function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/** The index row of an annotation, or undefined for a tombstone (it is kept out of the library). */
export function indexRowOf(annotation: Annotation): LibraryIndexRow | undefined {
  if (annotation.deletedAt) return undefined;
  const key = indexKeyOf(annotation);
  const site = siteOf(annotation.url);
  const source = sourceKeyOf(annotation);
  const sourceType = outerAttributionOf(annotation)?.type ?? 'other';
  const verdict: VerdictKey = annotation.verdict?.rating ?? 'none';
  const tags = [...new Set(annotation.tags)];
  const entry = (value: string) => `${value}${SEP}${key}`;
  return {
    key,
    id: annotation.id,
    words: indexWords(quoteOf(annotation), annotation.note, ...tags),
    tags,
    site,
    source,
    sourceType,
    verdict,
    origin: annotation.origin,
    bySite: entry(site),
    bySource: entry(source),
    byType: entry(sourceType),
    byVerdict: entry(verdict),
    byOrigin: entry(annotation.origin),
    byTag: tags.map(entry),
  };
}
