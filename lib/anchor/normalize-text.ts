/**
 * How quote text is normalised, on save and on load alike. Pure: strings only.
 *
 * Two layers, both applied the same way to the page and to stored selectors:
 *
 * - `normalizeText` — the canonical form a `TextQuoteSelector` stores (the W3C model: "the text
 *   MUST be normalized before recording"): Unicode NFC (a decomposed "e + ◌́" and a precomposed "é"
 *   are one text), every run of whitespace (spaces, newlines, tabs, NBSP and the other Unicode
 *   spaces) becomes one space, and invisible format characters (soft hyphen, zero-width space, word
 *   joiner, BOM) go. Typography is kept, so a stored quote reads as the page did.
 * - `foldForMatch` — applied on top, only when comparing: curly quotes, apostrophes, primes and
 *   guillemets become straight quotes, and hyphen/dash variants a hyphen-minus. An editor who
 *   "smartens" quotes has not changed the claim. One UTF-16 unit for one, so offsets do not move.
 *
 * Offsets: `normalizeWithMap` also maps offsets both ways between the source and the normalised
 * text, so a match found in normalised text becomes a span of the real page text.
 */

/** Which end of a span an offset is: decides where an offset inside a collapsed run goes. */
export type Side = 'start' | 'end';

/** A normalised text with the offset map back to (and from) the text it came from. */
export type MappedText = {
  /** The normalised (and, when asked, folded) text. */
  readonly text: string;
  /**
   * The source offset of an offset in `text`. A start offset lands on the first source character
   * of what it points at; an end offset after the last one. Where normalisation removed
   * characters (a soft hyphen), a start offset lands after them and an end offset before.
   */
  toSource(offset: number, side: Side): number;
  /**
   * The offset in `text` of a source offset. An offset inside a collapsed whitespace run moves
   * out of it: a start forward past the run's space, an end back before it.
   */
  fromSource(offset: number, side: Side): number;
};

/**
 * Runs that normalisation rewrites: one character of whitespace other than a plain space, or an
 * invisible one, with the whitespace and invisibles after it; or a space followed by more. A lone
 * plain space (the common case, one per word) is not matched, which keeps this pass fast.
 * (`\s` includes NBSP, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000 and U+FEFF.)
 */
const REWRITTEN_RUN = /[\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u00ad][\s\u00ad\u200b\u2060]*| [\s\u00ad\u200b\u2060]+/g;
/** A character of a run that is not invisible: the run then stands for a space. */
const VISIBLE_IN_RUN = /[^\u00ad\u200b\u2060\ufeff]/;

/** Single quotes, apostrophes, primes and single guillemets, folded to `'`. */
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u2039\u203a]/g;
/** Double quotes, double primes and guillemets, folded to `"`. */
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb]/g;
/** Hyphens and dashes (hyphen, non-breaking hyphen, figure, en, em dash, bar, minus), folded to `-`. */
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * A code point that may need composing with its neighbours: an ASCII character followed by
 * combining marks, or any non-ASCII one (with its marks). Used only on text that is not NFC.
 */
const COMPOSABLE_CLUSTER = /[\0-\x7f]\p{M}+|[^\0-\x7f]\p{M}*/gu;

/** The replaced parts of one rewriting pass, in order: where each was and what it became. */
class OffsetMap {
  private readonly sourceStart: number[] = [];
  private readonly sourceEnd: number[] = [];
  private readonly targetStart: number[] = [];
  private readonly targetEnd: number[] = [];

  /** Record that `source[start, end)` became `length` characters at `target` (in order of `start`). */
  add(start: number, end: number, target: number, length: number): void {
    this.sourceStart.push(start);
    this.sourceEnd.push(end);
    this.targetStart.push(target);
    this.targetEnd.push(target + length);
  }

  get empty(): boolean {
    return this.sourceStart.length === 0;
  }

  toSource(offset: number, side: Side): number {
    const i = lastAtOrBefore(this.targetStart, offset);
    if (i < 0) return offset;
    const ts = this.targetStart[i] ?? 0;
    const te = this.targetEnd[i] ?? 0;
    const ss = this.sourceStart[i] ?? 0;
    const se = this.sourceEnd[i] ?? 0;
    if (offset > te) return se + (offset - te);
    if (offset === te) {
      // A deletion sits at one target offset: a start skips what was deleted, an end stops before it.
      if (ts === te) return side === 'start' ? se : ss;
      return se;
    }
    if (offset === ts) return ss;
    // Inside a replacement longer than one character (a composed cluster): approximate.
    return Math.min(se, ss + (offset - ts));
  }

  fromSource(offset: number, side: Side): number {
    const i = lastAtOrBefore(this.sourceStart, offset);
    if (i < 0) return offset;
    const ts = this.targetStart[i] ?? 0;
    const te = this.targetEnd[i] ?? 0;
    const ss = this.sourceStart[i] ?? 0;
    const se = this.sourceEnd[i] ?? 0;
    if (offset >= se) return te + (offset - se);
    if (offset === ss) return ts;
    return side === 'start' ? te : ts;
  }
}

/** Index of the last element `<= value` in an ascending array, or -1. */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? 0) <= value) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Rewrite every match of `pattern` with `replace`, recording length changes in a map. */
function rewrite(source: string, pattern: RegExp, replace: (match: string) => string): { text: string; map: OffsetMap } {
  const map = new OffsetMap();
  let shrink = 0; // source length minus target length so far
  const text = source.replace(pattern, (match: string, offset: number) => {
    const out = replace(match);
    if (out.length !== match.length) {
      map.add(offset, offset + match.length, offset - shrink, out.length);
      shrink += match.length - out.length;
    }
    return out;
  });
  return { text, map };
}

/** NFC, cluster by cluster so offsets can be mapped; a no-op (and cheap) on text that is NFC already. */
function compose(source: string): { text: string; map: OffsetMap | null } {
  if (source.normalize('NFC') === source) return { text: source, map: null };
  return rewrite(source, COMPOSABLE_CLUSTER, (cluster) => cluster.normalize('NFC'));
}

/** Whitespace runs to one space, invisible characters removed. */
function collapse(source: string): { text: string; map: OffsetMap } {
  return rewrite(source, REWRITTEN_RUN, (run) => (VISIBLE_IN_RUN.test(run) ? ' ' : ''));
}

/** Fold typographic quotes and dashes to ASCII, one character for one (see the module comment). */
export function foldForMatch(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

/** The canonical form stored in selectors: NFC, whitespace runs to one space, invisibles removed. */
export function normalizeText(text: string): string {
  return collapse(compose(text).text).text;
}

/** The form compared when matching: `foldForMatch(normalizeText(text))`. */
export function matchKey(text: string): string {
  return foldForMatch(normalizeText(text));
}

/**
 * `source` normalised (`normalizeText`, and `foldForMatch` with `fold`), with the map between
 * offsets in it and offsets in `source`.
 */
export function normalizeWithMap(source: string, options: { fold?: boolean } = {}): MappedText {
  const composed = compose(source);
  const collapsed = collapse(composed.text);
  const text = options.fold ? foldForMatch(collapsed.text) : collapsed.text;
  const first = composed.map;
  const second = collapsed.map.empty ? null : collapsed.map;
  return {
    text,
    toSource(offset, side) {
      const middle = second ? second.toSource(offset, side) : offset;
      return first ? first.toSource(middle, side) : middle;
    },
    fromSource(offset, side) {
      const middle = first ? first.fromSource(offset, side) : offset;
      return second ? second.fromSource(middle, side) : middle;
    },
  };
}

/** A quote and its context, normalised (`normalizeText`): what a TextQuoteSelector stores. */
export type NormalizedQuote = {
  exact: string;
  prefix: string;
  suffix: string;
};

/**
 * The normalised quote `source.slice(start, end)` with up to `context` normalised characters
 * either side, computed on a region around the span (never on the whole text), widened until it
 * holds enough context. The region's own edges are kept out of the context, so a whitespace run
 * or a combining sequence cut by the region cannot make the result differ from normalising the
 * whole text.
 */
export function normalizedQuoteAt(source: string, start: number, end: number, context: number): NormalizedQuote {
  let margin = 2 * context + 16;
  for (;;) {
    const from = Math.max(0, start - margin);
    const to = Math.min(source.length, end + margin);
    const region = normalizeWithMap(source.slice(from, to));
    const exactStart = region.fromSource(start - from, 'start');
    const exactEnd = Math.max(exactStart, region.fromSource(end - from, 'end'));
    const enoughBefore = from === 0 || exactStart > context;
    const enoughAfter = to === source.length || region.text.length - exactEnd > context;
    if (enoughBefore && enoughAfter) {
      return {
        exact: region.text.slice(exactStart, exactEnd),
        prefix: region.text.slice(Math.max(0, exactStart - context), exactStart),
        suffix: region.text.slice(exactEnd, exactEnd + context),
      };
    }
    margin *= 4; // long whitespace runs or stripped characters: look further
  }
}
