/**
 * Quotations: which words of a sentence are inside quotation marks, and how a quotation that runs
 * over several sentences carries its attribution to the sentences that do not repeat it.
 *
 * News style attributes a long quotation once:
 *   “This marks our first visit…,” Kozhemyako posted on his Telegram account. The itinerary… culture.”
 * The second sentence is still Kozhemyako's words on Telegram (its lone closing mark shows it; the
 * opening mark was lost in publishing). So is a paragraph that opens a quotation left unclosed by
 * the previous paragraph, and a quotation sentence that only follows an attributed one.
 *
 * Only double quotation marks count: single ones (‘ ’) double as apostrophes in the wild
 * ("North Korea‘s"), so they cannot be trusted to open or close anything.
 */
import type { Attribution } from '../model';
import type { Token } from './tokens';

/** Quotation state carried from one sentence to the next within a block. */
export type QuoteState = {
  /** True while a quotation is open. */
  open: boolean;
  /** The mark that opened it ("„" is closed by "“" in German typography). */
  opener: string | null;
};

/** The quotation marks of one sentence, as the carry-over rules need them. */
export type SentenceQuotes = {
  /** For each token: inside a quotation (the marks themselves are not). */
  inside: boolean[];
  /** A quotation opened in an earlier sentence is still open at this sentence's start. */
  startsInside: boolean;
  /** A quotation is still open at this sentence's end. */
  endsInside: boolean;
  /** The sentence opens with a quotation mark. */
  startsWithOpener: boolean;
  /** The sentence closes a quotation that no mark in the text opened (the tail of a quotation). */
  unmatchedCloser: boolean;
  /** The sentence holds any double quotation mark. */
  hasQuote: boolean;
  /** The state after the sentence. */
  end: QuoteState;
};

/** The state at the start of a block: no quotation open. */
export const CLOSED: QuoteState = { open: false, opener: null };

const OPENERS = new Set(['“', '„', '«', '‹']);
const CLOSERS = new Set(['”', '»', '›']);
const QUOTE_CHARS = new Set([...OPENERS, ...CLOSERS, '"']);

/** Read the quotation marks of one sentence's tokens, starting from `state`. One pass. */
export function analyseQuotes(tokens: readonly Token[], state: QuoteState): SentenceQuotes {
  const inside: boolean[] = new Array<boolean>(tokens.length).fill(false);
  let open = state.open;
  let opener = state.opener;
  let unmatchedCloser = false;
  let hasQuote = false;
  let firstWordSeen = false;
  let startsWithOpener = false;
  let markedUpTo = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (!t) continue;
    // A word is never a quotation mark: most tokens are settled without a lookup.
    if (t.word) {
      firstWordSeen = true;
      inside[i] = open;
      continue;
    }
    const ch = t.text;
    const isOpener = OPENERS.has(ch) && !(open && opener === '„' && ch === '“');
    const isCloser = CLOSERS.has(ch) || (open && opener === '„' && ch === '“');
    if (ch === '"' || isOpener || isCloser) {
      hasQuote = true;
      const opens = ch === '"' ? !open : isOpener;
      if (opens) {
        if (!firstWordSeen) startsWithOpener = true;
        open = true;
        opener = ch;
      } else if (open) {
        open = false;
        opener = null;
      } else {
        // A closing mark with no opening one: everything before it in this sentence was quoted.
        // (`markedUpTo` keeps this linear when a sentence holds many such marks.)
        unmatchedCloser = true;
        for (let k = markedUpTo; k < i; k += 1) inside[k] = !QUOTE_CHARS.has(tokens[k]?.text ?? '');
        markedUpTo = i;
      }
      continue;
    }
    inside[i] = open;
  }
  return {
    inside,
    startsInside: state.open,
    endsInside: open,
    startsWithOpener,
    unmatchedCloser,
    hasQuote,
    // Closed is closed whatever closed it (the opener is null then): one shared state.
    end: open ? { open, opener } : CLOSED,
  };
}

/**
 * What `analyseQuotes` returns for a sentence with no double quotation mark, without its tokens:
 * the state runs through unchanged. `inside` is left empty: only the attribution reader uses it,
 * and a sentence read this way is not given to it.
 */
export function unquotedSentence(state: QuoteState): SentenceQuotes {
  // Most sentences are read this way outside any quotation: they share one record.
  if (state === CLOSED) return UNQUOTED;
  return {
    inside: [],
    startsInside: state.open,
    endsInside: state.open,
    startsWithOpener: false,
    unmatchedCloser: false,
    hasQuote: false,
    end: state,
  };
}

/** `unquotedSentence(CLOSED)`: nothing changes it, so it is made once. */
const UNQUOTED: SentenceQuotes = {
  inside: [],
  startsInside: false,
  endsInside: false,
  startsWithOpener: false,
  unmatchedCloser: false,
  hasQuote: false,
  end: CLOSED,
};

/** What the carry-over needs to know of each sentence. */
export type QuotedSentence = {
  /** The block (paragraph) index. */
  block: number;
  /** The sentence's quotation marks. */
  quotes: SentenceQuotes;
  /** True when the sentence ends with a colon (a quotation may follow in the next block). */
  endsWithColon: boolean;
  /**
   * True when the sentence is only an attribution introducing what follows ("The minister said:"):
   * its attributions carry into the quotation, but it is not a claim itself.
   */
  introOnly: boolean;
  /** The sentence's attributions; the carry-over fills in those of continuing sentences. */
  attributions: Attribution[];
  /**
   * The attributions a continuing sentence takes over, when not all of them: speech reported inside
   * the quotation ("“He used to tell me …,” she said") is not the speaker of what follows.
   */
  speakers?: Attribution[];
};

/** The attributions of `from` as carried into another sentence: same source, no words, no cue. */
export function carried(from: readonly Attribution[]): Attribution[] {
  const out: Attribution[] = [];
  // Field by field (not a spread): every attribution keeps the one shape `attributionOf` gives it.
  for (let i = 0; i < from.length; i += 1) {
    const a = from[i] as Attribution;
    out.push({
      source: a.source,
      label: a.label,
      type: a.type,
      sourceText: null,
      speaker: a.speaker,
      cue: null,
      cueStance: null,
      start: a.start,
      end: a.end,
      reportedBy: a.reportedBy,
      carriedOver: true,
    });
  }
  return out;
}

/** Whether sentence `s` continues the quotation of `p`, the sentence right before it. */
function continuesQuotation(p: QuotedSentence, s: QuotedSentence): boolean {
  if (s.block === p.block) return p.quotes.endsInside || s.quotes.unmatchedCloser;
  // A quotation over several paragraphs: each paragraph opens it again, only the last closes it.
  return s.block === p.block + 1 && p.quotes.endsInside && (s.quotes.startsWithOpener || s.quotes.unmatchedCloser);
}

/**
 * Give every sentence that continues an attributed quotation (and has no attribution of its own)
 * the attributions of the nearest attributed sentence of the same quotation, marked `carriedOver`.
 * A quotation with no attribution of its own that opens right after an attributed sentence (same
 * paragraph, or the next one after a colon) takes that sentence's attributions. Linear.
 */
export function carryOverQuotations(sentences: QuotedSentence[]): void {
  let runStart = 0;
  for (let i = 1; i <= sentences.length; i += 1) {
    const p = sentences[i - 1];
    const s = sentences[i];
    if (s && p && continuesQuotation(p, s)) continue;
    carryWithinRun(sentences, runStart, i);
    runStart = i;
  }
}

/** Carry attributions within the quotation run `[start, end)`. */
function carryWithinRun(sentences: QuotedSentence[], start: number, end: number): void {
  const own: number[] = [];
  for (let i = start; i < end; i += 1) if ((sentences[i]?.attributions.length ?? 0) > 0) own.push(i);
  const first = sentences[start];
  if (!first) return;
  if (own.length === 0) {
    // Rule (b): a quotation opening right after an attributed sentence continues its speaker, in the
    // same paragraph or the next one when the previous paragraph was itself a quotation of that speaker.
    const quoted = first.quotes.startsWithOpener || first.quotes.unmatchedCloser || first.quotes.startsInside;
    const prev = sentences[start - 1];
    if (!quoted || !prev || prev.attributions.length === 0) return;
    // Same paragraph; or the next one after a colon, or after a paragraph that quoted the same speaker.
    const nextBlock = prev.block + 1 === first.block && (prev.endsWithColon || (prev.quotes.hasQuote && first.quotes.startsWithOpener));
    const adjacent = prev.block === first.block || nextBlock;
    if (!adjacent) return;
    for (let i = start; i < end; i += 1) {
      const s = sentences[i];
      if (s) s.attributions = carried(prev.speakers ?? prev.attributions);
    }
    return;
  }
  if (end - start < 2) return;
  // Each unattributed sentence takes the nearest attributed one before it, else the first after it.
  let k = 0;
  for (let i = start; i < end; i += 1) {
    const s = sentences[i];
    while (k < own.length && (own[k] ?? end) < i) k += 1;
    if (!s || s.attributions.length > 0) continue;
    const before = k > 0 ? own[k - 1] : undefined;
    const after = own[k];
    const from = sentences[before ?? after ?? -1];
    if (from) s.attributions = carried(from.speakers ?? from.attributions);
  }
}
