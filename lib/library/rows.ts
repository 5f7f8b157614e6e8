/**
 * What the library's list shows of an annotation, as a small plain object: the list can hold
 * many thousands of these while scrolling, so it keeps the words it shows and not the selectors
 * and attribution details. Pure.
 */
import { SOURCE_TYPES, TIER_LABELS, VERDICT_LABELS, type Annotation, type CredibilityTier, type SourceType } from '../model';
import { outerAttributionOf, quoteOf, siteOf, sourceKeyOf, sourceLabelOf, type VerdictKey } from './index-fields';
import { tierOf, type TierLookup } from './plan';
import { textFragmentUrl } from './text-fragment';

/** Longest quote and note kept for the list (the row shows a few lines of each). */
export const ROW_TEXT_MAX = 600;

/** One annotation as the list shows it. */
export type LibraryRow = {
  id: string;
  /** The quote, cut to `ROW_TEXT_MAX`. */
  quote: string;
  /** The outer source's key (see `sourceKeyOf`), for its tier and filter. */
  sourceKey: string;
  /** The outer source's name: the registry's when resolved, else the page's words; '' without a source. */
  sourceLabel: string;
  sourceType: SourceType;
  verdict: VerdictKey;
  /** The note, cut to `ROW_TEXT_MAX`. */
  note: string;
  tags: string[];
  /** The page's site. */
  site: string;
  pageTitle: string;
  /** The page, with a text fragment for the quote's start. */
  href: string;
  /** ISO time the annotation was made. */
  createdAt: string;
};

function cut(text: string): string {
  return text.length <= ROW_TEXT_MAX ? text : `${text.slice(0, ROW_TEXT_MAX - 1)}…`;
}

/** The list row of an annotation. */
export function toLibraryRow(annotation: Annotation): LibraryRow {
  const outer = outerAttributionOf(annotation);
  const quote = quoteOf(annotation);
  return {
    id: annotation.id,
    quote: cut(quote),
    sourceKey: sourceKeyOf(annotation),
    sourceLabel: sourceLabelOf(annotation),
    sourceType: outer && SOURCE_TYPES.includes(outer.type) ? outer.type : 'other',
    verdict: annotation.verdict?.rating ?? 'none',
    note: cut(annotation.note),
    tags: annotation.tags,
    site: siteOf(annotation.url),
    pageTitle: annotation.pageTitle,
    href: textFragmentUrl(annotation.url, quote),
    createdAt: annotation.createdAt,
  };
}

/** The verdict's words: `False`, or `No verdict`. */
export function verdictLabel(verdict: VerdictKey): string {
  return verdict === 'none' ? 'No verdict' : VERDICT_LABELS[verdict];
}

/** The tier of a row's source, and its words (never the colour alone). */
export function rowTier(row: Pick<LibraryRow, 'sourceKey'>, tiers: TierLookup): { tier: CredibilityTier; label: string } {
  const tier = tierOf(tiers, row.sourceKey);
  return { tier, label: TIER_LABELS[tier] };
}

/** A local calendar day `YYYY-MM-DD` of an ISO time ('' when it doesn't parse). */
export function localDay(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
