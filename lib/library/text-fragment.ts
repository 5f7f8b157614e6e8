/**
 * Links that open a page scrolled to an annotation's text, with a URL text fragment
 * (`#:~:text=`, https://wicg.github.io/scroll-to-text-fragment/). Browsers without support
 * ignore the fragment and just open the page. Pure.
 */

/** Most characters of the quote's start put in the fragment; cut at a word boundary. */
export const FRAGMENT_MAX_CHARS = 80;

/** Percent-encode a fragment term: `encodeURIComponent` leaves `-` alone, which the syntax reserves. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/**
 * The start of a quote for a text fragment: white space collapsed, at most `FRAGMENT_MAX_CHARS`
 * characters, never cutting a word (a fragment matches whole words only). '' for an empty quote.
 */
export function fragmentStart(quote: string, max = FRAGMENT_MAX_CHARS): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > 0 ? cut.slice(0, lastSpace) : flat.slice(0, max)).trim();
}

/**
 * `url` with a text fragment for the start of `quote`, so the browser scrolls to it and marks
 * it. A URL that already has a fragment keeps it (`#top:~:text=…`); an empty quote adds nothing.
 */
export function textFragmentUrl(url: string, quote: string): string {
  const start = fragmentStart(quote);
  if (start === '') return url;
  const directive = `:~:text=${encodeTerm(start)}`;
  return url.includes('#') ? `${url}${directive}` : `${url}#${directive}`;
}
