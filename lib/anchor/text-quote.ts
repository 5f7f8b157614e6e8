/**
 * W3C text selectors for a span of the page's extracted text, and finding that span again later.
 * Pure: works on strings only, so it runs the same in the page, the background and tests.
 *
 * What is stored (and exported):
 * - `TextQuoteSelector`: the quote and up to `CONTEXT_LENGTH` characters of context either side,
 *   normalised with `normalizeText` (NFC, whitespace runs to one space, invisible characters
 *   removed; typography kept). Anchoring normalises the page the same way, and stored quotes
 *   again (older ones were saved raw; normalising is idempotent).
 * - `TextPositionSelector`: offsets in the page's extracted text, as extracted (UTF-16 units), so
 *   a stored position and a claim's offsets compare directly. Only a hint: anchoring never
 *   trusts it without the quote.
 *
 * The matching itself is match-quote.ts.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model';
import { CONTEXT_LENGTH, matchQuote, type AnchorResult, type AnchorStrategy, type PageText } from './match-quote';
import { normalizedQuoteAt } from './normalize-text';

export { CONTEXT_LENGTH } from './match-quote';

/**
 * The quote and position selectors for `text.slice(start, end)`: the normalised quote with up to
 * `CONTEXT_LENGTH` normalised characters either side, and the offsets. Only a window around the
 * span is normalised, so this costs O(quote), not O(page). Throws on offsets outside the text.
 */
export function buildSelectors(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`Cannot build selectors for ${start}–${end}: the text is ${text.length} characters long.`);
  }
  const quote = normalizedQuoteAt(text, start, end, CONTEXT_LENGTH);
  return [{ type: 'TextQuoteSelector', ...quote }, { type: 'TextPositionSelector', start, end }];
}

/** The first quote and position selectors in a selector list (a stored annotation's target). */
export function pickSelectors(selectors: readonly Selector[]): {
  quote: TextQuoteSelector | null;
  position: TextPositionSelector | null;
} {
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  for (const selector of selectors) {
    if (selector.type === 'TextQuoteSelector') quote ??= selector;
    else if (selector.type === 'TextPositionSelector') position ??= selector;
  }
  return { quote, position };
}

/**
 * Where `selectors` anchor in the page's text (see match-quote.ts for the strategies), or why
 * they do not. Without a TextQuoteSelector there is nothing to check a position against: the
 * result is an orphan (`no-quote`). Pass a `PageText` from `preparePageText` when anchoring many
 * annotations on one page.
 */
export function anchorQuote(
  page: PageText | string,
  selectors: readonly Selector[],
  strategies?: readonly AnchorStrategy[],
): AnchorResult {
  const { quote, position } = pickSelectors(selectors);
  if (!quote) return { status: 'orphan', reason: 'no-quote' };
  return matchQuote(page, quote, position, strategies);
}
