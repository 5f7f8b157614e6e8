/**
 * W3C text selectors for a span of the page's extracted text, and finding that span again later.
 * Pure: works on strings only, so it runs the same in the page, the background and tests.
 *
 * Anchoring tries a list of strategies, most specific first, and takes the first that finds one
 * unambiguous match. A later strategy (fuzzy matching) can be appended to `ANCHOR_STRATEGIES`
 * without touching the others.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from '../model';

/** Characters of context kept either side of a quote (the W3C examples and Hypothesis use 32). */
export const CONTEXT_LENGTH = 32;

/** A span of the text. */
export type TextSpan = {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character. */
  end: number;
};

/**
 * The quote and position selectors for `text.slice(start, end)`: the exact quote with up to
 * `CONTEXT_LENGTH` characters either side, and the offsets. Throws on offsets outside the text.
 */
export function buildSelectors(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`Cannot build selectors for ${start}–${end}: the text is ${text.length} characters long.`);
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** What a strategy gets: the text, the quote to find, and the stored position if there is one. */
export type AnchorQuery = {
  /** The page's current text. */
  text: string;
  /** The stored quote with its context. */
  quote: TextQuoteSelector;
  /** The stored position, when the annotation has one: a hint, never trusted alone. */
  position: TextPositionSelector | null;
};

/** One way of finding a quote: returns the span, or null when it finds none or more than one. */
export type AnchorStrategy = {
  /** For logs and tests: which strategy anchored an annotation. */
  name: string;
  /** The span the quote anchors to, or null for no match or an ambiguous one. */
  find(query: AnchorQuery): TextSpan | null;
};

/** True when the quote, with its stored context, sits at `start` in `text`. */
function matchesWithContext(text: string, quote: TextQuoteSelector, start: number): boolean {
  const end = start + quote.exact.length;
  return (
    text.startsWith(quote.exact, start) &&
    text.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix &&
    text.slice(end, end + quote.suffix.length) === quote.suffix
  );
}

/**
 * Start offsets of every occurrence of `needle` in `text`, stopping once `limit` are found
 * (strategies only need to know "none, one, or more than one").
 */
function occurrences(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

/** The quote with matching context, exactly at the stored position: the page has not changed. */
const atStoredPosition: AnchorStrategy = {
  name: 'position',
  find({ text, quote, position }) {
    if (!position || position.end - position.start !== quote.exact.length) return null;
    return matchesWithContext(text, quote, position.start)
      ? { start: position.start, end: position.start + quote.exact.length }
      : null;
  },
};

/** The quote with its context, anywhere, if it occurs once: text was added or removed above it. */
const withContextAnywhere: AnchorStrategy = {
  name: 'quote-with-context',
  find({ text, quote }) {
    const hits = occurrences(text, quote.prefix + quote.exact + quote.suffix, 2);
    if (hits.length !== 1 || hits[0] === undefined) return null;
    const start = hits[0] + quote.prefix.length;
    return { start, end: start + quote.exact.length };
  },
};

/** The quote alone, if it occurs exactly once: its surroundings were edited. */
const uniqueQuote: AnchorStrategy = {
  name: 'unique-quote',
  find({ text, quote }) {
    const hits = occurrences(text, quote.exact, 2);
    if (hits.length !== 1 || hits[0] === undefined) return null;
    return { start: hits[0], end: hits[0] + quote.exact.length };
  },
};

/** The strategies `anchorQuote` tries, in order. Each returns only unambiguous matches. */
export const ANCHOR_STRATEGIES: readonly AnchorStrategy[] = [atStoredPosition, withContextAnywhere, uniqueQuote];

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
 * Find the span of `text` that `selectors` describe: the exact quote with matching context at
 * the stored position, else the quote with its context anywhere (if unique), else the quote
 * alone (if unique). Null when nothing matches or every match is ambiguous: a highlight on the
 * wrong sentence is worse than none. Without a TextQuoteSelector there is nothing to check a
 * position against, so the result is null too.
 */
export function anchorQuote(
  text: string,
  selectors: readonly Selector[],
  strategies: readonly AnchorStrategy[] = ANCHOR_STRATEGIES,
): TextSpan | null {
  const { quote, position } = pickSelectors(selectors);
  if (!quote || quote.exact === '') return null;
  for (const strategy of strategies) {
    const span = strategy.find({ text, quote, position });
    if (span) return span;
  }
  return null;
}
