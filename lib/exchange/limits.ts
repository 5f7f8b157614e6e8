/**
 * How big an imported file and its parts may be. An import is untrusted input: these bounds turn
 * a hostile or broken file (a 500 MB note, a million tags) into a clear message instead of a tab
 * that runs out of memory, and they sit well above anything Sourcemark itself writes. Pure.
 */
export const IMPORT_LIMITS = {
  /**
   * Characters in the whole file. V8 cannot make a string longer than about 536 million
   * characters, so a page should refuse a `File` over this many bytes before reading it.
   */
  maxChars: 500_000_000,
  /** Annotations in one file (ten times the 100,000 the exports are measured with). */
  maxAnnotations: 1_000_000,
  /** Sources in one file. */
  maxSources: 100_000,
  /** Characters of a quote, note, rationale or other free text. */
  maxTextChars: 100_000,
  /** Characters of a short field: ids, names, labels, cues, tags, times. */
  maxShortChars: 2_000,
  /** Characters of a URL. */
  maxUrlChars: 8_192,
  /** Items in a short list: tags, aliases, selectors, attributions, evidence links, bodies. */
  maxListItems: 1_000,
  /** Earlier versions kept in an annotation's history or a source's rating history. */
  maxHistory: 1_000,
  /** Offsets in the page text (TextPositionSelector, attribution offsets). */
  maxOffset: 1_000_000_000,
} as const;
