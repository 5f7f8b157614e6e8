/**
 * How a source rating reads wherever it is shown (options page, claim cards): the score, who
 * rated and when, and which evidence links may be opened. Pure.
 */
import type { SourceRating } from '../model';

/** "Score 5/100". */
export function scoreText(score: number): string {
  return `Score ${score}/100`;
}

/**
 * The time of a rating for people: "1 Jun 2024, 12:00" in `locale` (the browser's by default)
 * and `timeZone` (the browser's by default); the ISO text itself when it is not a date.
 */
export function ratedAtText(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** "Rated by Ana, 1 Jun 2024, 12:00" (or "Rated 1 Jun 2024, 12:00" without a rater). */
export function raterLine(rating: Pick<SourceRating, 'ratedBy' | 'ratedAt'>, locale?: string, timeZone?: string): string {
  const when = ratedAtText(rating.ratedAt, locale, timeZone);
  return rating.ratedBy ? `Rated by ${rating.ratedBy}, ${when}` : `Rated ${when}`;
}

/**
 * True for an http(s) URL with a host: the only evidence a page renders as a link. Ratings also
 * arrive by import and sync, so a stored `javascript:` or `data:` URL is shown as text, never made
 * clickable.
 */
export function isWebLink(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
