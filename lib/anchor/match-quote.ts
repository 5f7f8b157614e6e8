/**
 * Finding a stored quote again in a page's current text. Pure: strings only.
 *
 * Strategies run in order, cheapest and surest first; the first that decides wins:
 * 1. `position` — the quote with its context, exactly at the stored position (the page has not
 *    changed there). Checked on a small region of the page, so an unchanged page costs O(quote).
 * 2. `quote-with-context` — prefix + quote + suffix found once anywhere (text moved).
 * 3. `quote` — the quote found exactly, once or more: the copies are scored on their context
 *    (its surroundings were edited, or the page repeats the sentence).
 * 4. `fuzzy` — the quote with at most `MAX_ERROR_RATE` of its length in edits, searched only in
 *    candidate regions (see `candidateRegions`), kept only when its context or position
 *    corroborates it (`MIN_CONTEXT_SUPPORT`), then scored on quote, context and position.
 *
 * A match is never a guess: when the two best candidates score about the same (within
 * `AMBIGUITY_MARGIN`), the quote is an orphan with reason `ambiguous`. Position alone never
 * separates two candidates (its whole weight is below the margin): it only adds to other evidence.
 *
 * Comparison is on `matchKey` text (normalize-text.ts) on both sides; offsets in results are in
 * the page's real text.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../model';
import { distancesAlong, levenshtein, patternMasks, type PatternMasks } from './edit-distance';
import { foldForMatch, matchKey, normalizedQuoteAt, normalizeWithMap, type MappedText } from './normalize-text';

/** Characters of context kept either side of a quote (the W3C examples and Hypothesis use 32). */
export const CONTEXT_LENGTH = 32;
/** Most edits a fuzzy match may have, relative to the quote's (normalised) length. */
export const MAX_ERROR_RATE = 0.2;
/** Quotes shorter than this are matched exactly only: a few edits would match almost anything. */
export const MIN_FUZZY_LENGTH = 20;
/** The best candidate must beat the runner-up by this much (scores are 0–1), or it is a guess. */
export const AMBIGUITY_MARGIN = 0.02;

/** Weights of the evidence in a candidate's score; position stays below `AMBIGUITY_MARGIN`. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 1 } as const;
const WEIGHT_TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
/** Distance (characters) at which the position evidence halves. */
const POSITION_SCALE = 1000;
/** Exact copies of a quote scored at most; more than this and the quote says nothing. */
const MAX_EXACT_COPIES = 200;
/**
 * Seeds (pieces of the quote searched exactly) are at least this long, and at most `MAX_SEEDS`
 * per quote: each costs a scan of the page, and short pieces recur all over it.
 */
const MIN_SEED_LENGTH = 16;
const MAX_SEEDS = 6;
/**
 * A fuzzy match must be corroborated: by a side of its context at least this similar to the
 * stored one, or by sitting where the quote was stored. Changed text in new surroundings far
 * from where it was is another sentence as far as anyone can tell: an orphan, not a guess.
 */
const MIN_CONTEXT_SUPPORT = 0.5;
/** A seed found more often than this is too common to point anywhere and is skipped. */
const MAX_SEED_HITS = 32;
/** Candidate regions verified per quote, best supported first. */
const MAX_REGIONS = 24;
/** Characters of context used as seeds (the end of the prefix, the start of the suffix). */
const CONTEXT_SEED_LENGTH = 16;

/** How an annotation's quote was found. */
export type AnchorStatus =
  /** The same quote at the stored position. */
  | 'exact'
  /** The same quote, elsewhere on the page. */
  | 'moved'
  /** Changed text: the quote within `MAX_ERROR_RATE` edits. */
  | 'fuzzy';

/** Why a quote could not be anchored. */
export type OrphanReason =
  /** The annotation has no TextQuoteSelector, or its quote is empty. */
  | 'no-quote'
  /** Nothing on the page is close enough. */
  | 'not-found'
  /** More than one place fits about equally well: Sourcemark does not guess. */
  | 'ambiguous';

/** Where a quote anchors, or why it does not. Offsets are in the page's real text. */
export type AnchorResult =
  | {
      status: AnchorStatus;
      /** Start offset in the page text. */
      start: number;
      /** End offset (exclusive). */
      end: number;
      /** 0–1: how well quote, context and position agree (1 for the exact strategies). */
      score: number;
      /** Edits between the stored quote and the text found (0 unless fuzzy). */
      errors: number;
    }
  | { status: 'orphan'; reason: OrphanReason };

/**
 * A page's text, prepared once for any number of quotes. The normalised, folded copy of the
 * whole text is made on first use only: an unchanged page never needs it (strategy 1).
 */
export type PageText = {
  /** The page's text, as extracted: what result offsets refer to. */
  readonly text: string;
  /** `matchKey` of the whole text, with its offset map (computed lazily, once). */
  readonly matchable: MappedText;
};

/** Prepare `text` for matching (cheap: the real work is deferred until a quote needs it). */
export function preparePageText(text: string): PageText {
  let matchable: MappedText | null = null;
  return {
    text,
    get matchable() {
      matchable ??= normalizeWithMap(text, { fold: true });
      return matchable;
    },
  };
}

/** A stored quote in matching form: `matchKey` of each part, with no doubled space at the joins. */
export type QuoteKey = {
  exact: string;
  prefix: string;
  suffix: string;
};

/** The matching form of a stored TextQuoteSelector (stored text may predate normalisation). */
export function quoteKey(quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>): QuoteKey {
  const exact = matchKey(quote.exact);
  let prefix = matchKey(quote.prefix);
  let suffix = matchKey(quote.suffix);
  // Normalised apart, "said. " + " The" would keep a space the joined text collapses.
  if ((exact === '' || exact.startsWith(' ')) && prefix.endsWith(' ')) prefix = prefix.slice(0, -1);
  if ((exact === '' || exact.endsWith(' ')) && suffix.startsWith(' ')) suffix = suffix.slice(1);
  return { exact, prefix, suffix };
}

/** What a strategy gets. */
export type AnchorQuery = {
  /** The page's current text. */
  page: PageText;
  /** The stored quote in matching form (non-empty). */
  key: QuoteKey;
  /** The stored position: a hint, never trusted alone. */
  position: TextPositionSelector | null;
  /**
   * Start offsets (matchable text) of the quote's exact copies, up to `MAX_EXACT_COPIES` + 1:
   * one scan of the page, made on the first call and shared by the strategies that need it.
   */
  exactCopies(): readonly number[];
};

/** One way of finding a quote: a result when it decides (found or a definite orphan), else null. */
export type AnchorStrategy = {
  /** For logs and tests: which strategy decided. */
  name: string;
  find(query: AnchorQuery): AnchorResult | null;
};

/** Start offsets of `needle` in `text`, stopping after `limit`. */
function occurrences(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** A match in the page's matchable text (offsets there, not in the real text). */
type Candidate = { start: number; end: number; errors: number; score: number };

/** The stored position's start in matchable coordinates, when there is one. */
function hintOf(page: PageText, position: TextPositionSelector | null): number | null {
  if (!position) return null;
  const start = Math.min(Math.max(0, position.start), page.text.length);
  return page.matchable.fromSource(start, 'start');
}

/** The evidence for a candidate, each 0–1. */
type Evidence = {
  /** 0–1: weighted sum of the rest (`WEIGHTS`). */
  score: number;
  /** Similarity of the stored prefix to the text before the candidate (null without a stored prefix). */
  prefix: number | null;
  /** Same for the suffix. */
  suffix: number | null;
};

/** Similarity (1 − edit distance / length) of a stored context to the text found in its place. */
function similarity(stored: string, found: string): number | null {
  return stored ? 1 - levenshtein(stored, found) / stored.length : null;
}

/** Weigh a candidate: the quote's edits, the context either side, and the distance to the hint. */
function evidenceOf(text: string, key: QuoteKey, hint: number | null, start: number, end: number, errors: number): Evidence {
  const quote = 1 - errors / key.exact.length;
  const prefix = similarity(key.prefix, text.slice(Math.max(0, start - key.prefix.length), start));
  const suffix = similarity(key.suffix, text.slice(end, end + key.suffix.length));
  const position = hint === null ? 0 : 1 / (1 + Math.abs(start - hint) / POSITION_SCALE);
  // A side with no stored context (the quote began or ended the text) agrees with any candidate.
  const score =
    (WEIGHTS.quote * quote + WEIGHTS.prefix * (prefix ?? 1) + WEIGHTS.suffix * (suffix ?? 1) + WEIGHTS.position * position) /
    WEIGHT_TOTAL;
  return { score, prefix, suffix };
}

/** The score of a candidate (see `evidenceOf`). */
function scoreOf(text: string, key: QuoteKey, hint: number | null, start: number, end: number, errors: number): number {
  return evidenceOf(text, key, hint, start, end, errors).score;
}

/**
 * True when a fuzzy candidate's context backs it (see `MIN_CONTEXT_SUPPORT`), or it starts where
 * the quote was stored, give or take the edits allowed (edited in place, context and all).
 */
function corroborated(evidence: Evidence, start: number, hint: number | null, maxErrors: number): boolean {
  if (evidence.prefix === null && evidence.suffix === null) return true; // nothing stored to compare
  if (Math.max(evidence.prefix ?? 0, evidence.suffix ?? 0) >= MIN_CONTEXT_SUPPORT) return true;
  return hint !== null && Math.abs(start - hint) <= maxErrors;
}

/** The result for a matchable-text span: real offsets, and exact/moved/fuzzy. */
function resultOf(query: AnchorQuery, start: number, end: number, errors: number, score: number): AnchorResult {
  const { matchable } = query.page;
  const realStart = matchable.toSource(start, 'start');
  const realEnd = matchable.toSource(end, 'end');
  const status: AnchorStatus = errors > 0 ? 'fuzzy' : realStart === query.position?.start ? 'exact' : 'moved';
  return { status, start: realStart, end: realEnd, score, errors };
}

/**
 * The best of the candidates; `ambiguous` when the runner-up (not overlapping it) scores within
 * `AMBIGUITY_MARGIN` of it; null when there are none.
 */
function best<C extends Candidate>(candidates: readonly C[]): C | 'ambiguous' | null {
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.errors - b.errors || a.start - b.start);
  const first = ranked[0];
  if (!first) return null;
  // Overlapping candidates are one place found twice (two alignments): the runner-up is elsewhere.
  const runnerUp = ranked.find((c) => c.start >= first.end || c.end <= first.start);
  return runnerUp && first.score - runnerUp.score < AMBIGUITY_MARGIN ? 'ambiguous' : first;
}

/** 1. The quote and its context at the stored position, compared on a small region of the page. */
const atStoredPosition: AnchorStrategy = {
  name: 'position',
  find({ page, key, position }) {
    if (!position || position.start < 0 || position.end > page.text.length || position.start >= position.end) return null;
    const here = normalizedQuoteAt(page.text, position.start, position.end, CONTEXT_LENGTH);
    const same =
      foldForMatch(here.exact) === key.exact &&
      foldForMatch(here.prefix).endsWith(key.prefix) &&
      foldForMatch(here.suffix).startsWith(key.suffix);
    return same ? { status: 'exact', start: position.start, end: position.end, score: 1, errors: 0 } : null;
  },
};

/** 2. Prefix, quote and suffix together, if they occur exactly once. */
const withContextAnywhere: AnchorStrategy = {
  name: 'quote-with-context',
  find(query) {
    const { key } = query;
    const text = query.page.matchable.text;
    const m = key.exact.length;
    const inContext = query
      .exactCopies()
      .filter((start) => start >= key.prefix.length && text.startsWith(key.prefix, start - key.prefix.length) && text.startsWith(key.suffix, start + m));
    const [start] = inContext;
    return inContext.length === 1 && start !== undefined ? resultOf(query, start, start + m, 0, 1) : null;
  },
};

/** 3. Exact copies of the quote, scored on their context; null when there is none. */
const scoredCopies: AnchorStrategy = {
  name: 'quote',
  find(query) {
    const { page, key } = query;
    const hits = query.exactCopies();
    if (hits.length === 0) return null;
    if (hits.length > MAX_EXACT_COPIES) return { status: 'orphan', reason: 'ambiguous' };
    const text = page.matchable.text;
    const hint = hintOf(page, query.position);
    const m = key.exact.length;
    const chosen = best(hits.map((start) => ({ start, end: start + m, errors: 0, score: scoreOf(text, key, hint, start, start + m, 0) })));
    if (chosen === 'ambiguous') return { status: 'orphan', reason: 'ambiguous' };
    return chosen && resultOf(query, chosen.start, chosen.end, 0, chosen.score);
  },
};

/** A stretch of the matchable text to verify, and how many seeds point into it. */
type Region = { from: number; to: number; votes: number };

/**
 * Where a quote with up to `maxErrors` edits may be, found cheaply: exact hits of seeds, then
 * regions around them. Seeds are the quote cut into equal pieces (by the pigeonhole principle,
 * a match with fewer edits than pieces contains one piece unchanged; pieces are kept at least
 * `MIN_SEED_LENGTH` long, so heavier edits rely on the other seeds), then, only if no piece is
 * found, the end of the prefix and the start of the suffix (the quote rewritten in place), and
 * always the stored position. Seeds found more than `MAX_SEED_HITS` times are skipped. Returns
 * the best-supported regions, merged.
 */
function candidateRegions(text: string, key: QuoteKey, hint: number | null, maxErrors: number): Region[] {
  const m = key.exact.length;
  const pad = maxErrors + 8;
  const raw: Region[] = [];
  const around = (estimatedStart: number, slack: number) => {
    raw.push({ from: Math.max(0, estimatedStart - slack), to: Math.min(text.length, estimatedStart + m + slack), votes: 1 });
  };
  const seed = (piece: string, offsetInQuote: number) => {
    const hits = occurrences(text, piece, MAX_SEED_HITS + 1);
    if (hits.length > MAX_SEED_HITS) return;
    for (const hit of hits) around(hit - offsetInQuote, pad);
  };

  const pieces = Math.max(1, Math.min(maxErrors + 1, MAX_SEEDS, Math.floor(m / MIN_SEED_LENGTH)));
  const pieceLength = Math.floor(m / pieces);
  for (let i = 0; i < pieces; i++) {
    const from = i * pieceLength;
    seed(key.exact.slice(from, i === pieces - 1 ? m : from + pieceLength), from);
  }
  // The context is searched only when no piece of the quote is left: rewritten in place.
  if (raw.length === 0) {
    if (key.prefix.length >= MIN_SEED_LENGTH) {
      const tail = key.prefix.slice(-CONTEXT_SEED_LENGTH);
      seed(tail, -tail.length);
    }
    if (key.suffix.length >= MIN_SEED_LENGTH) seed(key.suffix.slice(0, CONTEXT_SEED_LENGTH), m);
  }

  const regions = mergeRegions(raw);
  const ranked = regions.sort((a, b) => b.votes - a.votes || a.from - b.from).slice(0, MAX_REGIONS);
  // The stored position is always looked at, with room for text added or removed just before it.
  if (hint !== null) ranked.push({ from: Math.max(0, hint - m - pad), to: Math.min(text.length, hint + 2 * m + pad), votes: 0 });
  return mergeRegions(ranked);
}

/** Overlapping regions merged, their votes added; sorted by start. */
function mergeRegions(regions: readonly Region[]): Region[] {
  const sorted = [...regions].sort((a, b) => a.from - b.from);
  const merged: Region[] = [];
  for (const region of sorted) {
    const last = merged[merged.length - 1];
    if (last && region.from <= last.to) {
      last.to = Math.max(last.to, region.to);
      last.votes += region.votes;
    } else {
      merged.push({ ...region });
    }
  }
  return merged;
}

/** The quote's masks for reading forwards, and (reversed by UTF-16 unit, as the text is read) backwards. */
type QuoteMasks = { forward: PatternMasks; backward: PatternMasks };

/**
 * Matches of the quote with at most `maxErrors` edits inside `region`: Myers' algorithm gives the
 * distance of the best match ending at each position; every local minimum within the bound is a
 * match end, and a second, backwards pass anchored at that end finds its start (preferring the
 * length closest to the quote's).
 */
function matchesIn(text: string, masks: QuoteMasks, region: Region, maxErrors: number): Omit<Candidate, 'score'>[] {
  const m = masks.forward.length;
  const forward = distancesAlong(masks.forward, text, region.from, region.to, 'substring');
  const found: Omit<Candidate, 'score'>[] = [];
  for (let i = 0; i < forward.length; i++) {
    const errors = forward[i] ?? Infinity;
    if (errors > maxErrors) continue;
    if (i > 0 && (forward[i - 1] ?? Infinity) <= errors) continue; // not where a dip starts
    if (i + 1 < forward.length && (forward[i + 1] ?? Infinity) < errors) continue; // still falling
    const end = region.from + i + 1;
    const longest = Math.min(end, m + maxErrors);
    const backward = distancesAlong(masks.backward, text, end - 1, end - 1 - longest, 'prefix');
    let bestLength = 0;
    let bestErrors = Infinity;
    for (let length = 1; length <= longest; length++) {
      const e = backward[length - 1] ?? Infinity;
      const closer = Math.abs(length - m) < Math.abs(bestLength - m) || (Math.abs(length - m) === Math.abs(bestLength - m) && length > bestLength);
      if (e < bestErrors || (e === bestErrors && closer)) {
        bestErrors = e;
        bestLength = length;
      }
    }
    if (bestErrors <= maxErrors) found.push({ start: end - bestLength, end, errors: bestErrors });
  }
  return found;
}

/** A letter or digit: inside a word. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** How far a boundary may move to reach the edge of a word. */
const MAX_SNAP = 12;

function isWordAt(text: string, at: number): boolean {
  return at >= 0 && at < text.length && WORD_CHARACTER.test(text.charAt(at));
}

/**
 * An approximate match's edges moved to where the stored quote's edges were: off surrounding
 * whitespace, and out to whole words when the stored quote began (ended) on a word boundary. An
 * alignment may otherwise start inside a changed first word ("…ysts believe" for "Experts
 * believe"), which would mark part of a word. The edits are counted again for the new span.
 */
function snapToWords(text: string, key: QuoteKey, masks: PatternMasks, match: Omit<Candidate, 'score'>): Omit<Candidate, 'score'> {
  let { start, end } = match;
  const { exact, prefix, suffix } = key;
  if (!/^\s/.test(exact)) while (start < end && /\s/.test(text.charAt(start))) start++;
  if (!/\s$/.test(exact)) while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  const startsWord = isWordAt(exact, 0) && !isWordAt(prefix, prefix.length - 1);
  const endsWord = isWordAt(exact, exact.length - 1) && !isWordAt(suffix, 0);
  if (startsWord && isWordAt(text, start) && isWordAt(text, start - 1)) {
    let at = start;
    while (at > 0 && start - at < MAX_SNAP && isWordAt(text, at - 1)) at--;
    if (!isWordAt(text, at - 1)) start = at;
  }
  if (endsWord && isWordAt(text, end - 1) && isWordAt(text, end)) {
    let at = end;
    while (at < text.length && at - end < MAX_SNAP && isWordAt(text, at)) at++;
    if (!isWordAt(text, at)) end = at;
  }
  if (start === match.start && end === match.end) return match;
  const distances = distancesAlong(masks, text, start, end, 'prefix');
  return { start, end, errors: distances[distances.length - 1] ?? masks.length };
}

/** 4. Approximate matches, in candidate regions only; an orphan when none is close enough. */
const fuzzy: AnchorStrategy = {
  name: 'fuzzy',
  find(query) {
    const { page, key } = query;
    const m = key.exact.length;
    if (m < MIN_FUZZY_LENGTH) return { status: 'orphan', reason: 'not-found' };
    const text = page.matchable.text;
    const hint = hintOf(page, query.position);
    const maxErrors = Math.floor(m * MAX_ERROR_RATE);
    const masks: QuoteMasks = {
      forward: patternMasks(key.exact),
      backward: patternMasks(key.exact.split('').reverse().join('')),
    };
    const seen = new Set<string>();
    const candidates: (Candidate & { backed: boolean })[] = [];
    for (const region of candidateRegions(text, key, hint, maxErrors)) {
      for (const match of matchesIn(text, masks, region, maxErrors)) {
        const snapped = snapToWords(text, key, masks.forward, match);
        const id = `${snapped.start}:${snapped.end}`;
        if (seen.has(id) || snapped.errors > maxErrors) continue;
        seen.add(id);
        const evidence = evidenceOf(text, key, hint, snapped.start, snapped.end, snapped.errors);
        candidates.push({ ...snapped, score: evidence.score, backed: corroborated(evidence, snapped.start, hint, maxErrors) });
      }
    }
    // Ambiguity is judged among all candidates; only then must the winner be corroborated, so a
    // position-only backing can never be what separates two look-alikes.
    const chosen = best(candidates);
    if (chosen === 'ambiguous') return { status: 'orphan', reason: 'ambiguous' };
    if (!chosen?.backed) return { status: 'orphan', reason: 'not-found' };
    return resultOf(query, chosen.start, chosen.end, chosen.errors, chosen.score);
  },
};

/** The strategies `matchQuote` tries, in order. */
export const ANCHOR_STRATEGIES: readonly AnchorStrategy[] = [atStoredPosition, withContextAnywhere, scoredCopies, fuzzy];

/**
 * Find a stored quote in the page: the first strategy that decides (see the module comment), or
 * an orphan. A string `page` is prepared on the spot; prepare it once with `preparePageText` to
 * anchor many quotes on one page.
 */
export function matchQuote(
  page: PageText | string,
  quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>,
  position: TextPositionSelector | null,
  strategies: readonly AnchorStrategy[] = ANCHOR_STRATEGIES,
): AnchorResult {
  const key = quoteKey(quote);
  if (key.exact.trim() === '') return { status: 'orphan', reason: 'no-quote' };
  const prepared = typeof page === 'string' ? preparePageText(page) : page;
  let copies: number[] | null = null;
  const query: AnchorQuery = {
    page: prepared,
    key,
    position,
    exactCopies: () => (copies ??= occurrences(prepared.matchable.text, key.exact, MAX_EXACT_COPIES + 1)),
  };
  for (const strategy of strategies) {
    const result = strategy.find(query);
    if (result) return result;
  }
  return { status: 'orphan', reason: 'not-found' };
}
