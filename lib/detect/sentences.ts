/**
 * Sentence segmentation for text extracted from a web page.
 *
 * Unicode's sentence rules (UAX #29, as `Intl.Segmenter` implements them; sentence-breaks.ts)
 * do the bulk of the work, and this module repairs their known faults on news text:
 * - it breaks after abbreviations ("Mr.", "Gen.", "U.S.") and initials ("J. K. Rowling");
 * - it breaks after "?" or "!" inside a quotation that the sentence goes on after ("“Why?” he asked.");
 * - it breaks at every newline, but a page's inline elements leave stray newlines inside sentences.
 *
 * A blank line ("\n\n", possibly with spaces on it) is a block boundary (paragraph, heading, list
 * item): no sentence ever crosses one.
 */
import { cueFor } from './cues';
import { sentenceBreaks } from './sentence-breaks';
import { isSpaceCode, isUpper, isWordCode } from './tokens';

/** A sentence: trimmed offsets into the text, and the block (paragraph) it belongs to. */
export type SentenceSpan = {
  /** Start offset of the first non-space character. */
  start: number;
  /** End offset (exclusive) after the last non-space character. */
  end: number;
  /** Index of the block (text between blank lines), counting only non-empty blocks. */
  block: number;
};

/** A run of text between blank lines. */
export type BlockSpan = {
  /** Start offset. */
  start: number;
  /** End offset (exclusive). */
  end: number;
};

/**
 * Titles before a name: a sentence never ends on them. Company suffixes ("Inc.", "Ltd.") are
 * absent on purpose: they often do end a sentence, and a following lower-case word is joined anyway.
 */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'cpt', 'cmdr', 'adm', 'maj', 'sgt',
  'cpl', 'pvt', 'brig', 'sen', 'rep', 'gov', 'pres', 'rev', 'hon', 'st', 'mt', 'ft', 'supt', 'insp', 'det',
  'atty', 'amb', 'sec', 'vs', 'v', 'dept',
]);

/** Abbreviations before a number ("No. 10", "Art. 5"): joined only when a number follows. */
const BEFORE_NUMBER = new Set(['no', 'nos', 'fig', 'vol', 'art', 'para', 'approx', 'pp', 'p']);

/** Month abbreviations: joined to what follows only when it is a number ("Jan. 5"). */
const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Words that commonly open a sentence: after "U.S." or an initial they mean a new sentence. */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'there', 'in', 'on', 'at', 'but', 'and', 'or', 'so', 'yet', 'however',
  'meanwhile', 'as', 'after', 'before', 'when', 'while', 'if', 'for', 'according', 'some', 'many', 'most',
  'officials', 'since', 'during', 'last', 'earlier', 'later', 'still', 'then', 'also',
]);

/** Words that may follow "a.m."/"p.m." in the same sentence. */
const AFTER_TIME = new Set([
  'gmt', 'utc', 'et', 'est', 'edt', 'pt', 'pst', 'pdt', 'ct', 'cst', 'cet', 'cest', 'bst', 'kst', 'jst', 'msk',
  'local', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/**
 * Sentences longer than this that contain single newlines are re-split at those newlines: a
 * "sentence" that long is a list or a table whose lines carry no punctuation.
 */
const MAX_JOINED_SENTENCE = 1000;

/** True when `[from, to)` holds only whitespace (a blank line between two newlines). */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The blocks of `text`: runs separated by at least one blank line. Blank blocks are dropped.
 * Walks the newlines with `indexOf` (native, many times faster than a loop over every character);
 * a line between two newlines is almost never blank, and the check stops at its first letter.
 */
export function splitBlocks(text: string): BlockSpan[] {
  const blocks: BlockSpan[] = [];
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s += 1;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e -= 1;
    if (e > s) blocks.push({ start: s, end: e });
  };
  let blockStart = 0;
  let newline = text.indexOf('\n');
  while (newline >= 0) {
    const next = text.indexOf('\n', newline + 1);
    if (next < 0) break;
    if (isBlank(text, newline + 1, next)) {
      push(blockStart, newline);
      blockStart = next + 1;
    }
    newline = next;
  }
  push(blockStart, text.length);
  return blocks;
}

/** The first word of `text.slice(start, end)` after any opening punctuation, or null when it has none. */
function firstWord(text: string, start: number, end: number): string | null {
  let i = start;
  while (i < end && !isWordCode(text.charCodeAt(i))) i += 1;
  if (i >= end) return null;
  let j = i;
  while (j < end && isWordCode(text.charCodeAt(j))) j += 1;
  return text.slice(i, j);
}

/**
 * The word (possibly dotted, "U.S") right before a final "." of `text.slice(start, end)`, or null.
 * Reads backwards from the end only, so a long sentence costs nothing here.
 */
function wordBeforeFinalDot(text: string, start: number, end: number): string | null {
  if (end <= start || text.charAt(end - 1) !== '.') return null;
  let i = end - 1;
  const limit = Math.max(start, end - 40);
  while (
    i > limit &&
    (isWordCode(text.charCodeAt(i - 1)) || (text.charAt(i - 1) === '.' && i - 2 >= limit && isWordCode(text.charCodeAt(i - 2))))
  ) {
    i -= 1;
  }
  const word = text.slice(i, end - 1);
  return word.length > 0 ? word : null;
}

/** True when a segment starting with `word` continues the previous one: "he asked", "primarily". */
function startsLowerCase(word: string): boolean {
  const code = word.charCodeAt(0);
  // An ASCII capital settles it without a string made (the usual case after a sentence break).
  if (code >= 65 && code <= 90) return false;
  const first = word.charAt(0);
  if (first === first.toUpperCase()) return false;
  // "iPhone", "eBay": lower-case first letter, but a name that can open a sentence.
  for (let i = 1; i < word.length; i += 1) if (isUpper(word.charAt(i))) return false;
  return true;
}

/** Closing quotation marks after which "?" or "!" may not end the sentence. */
const CLOSING_QUOTES = new Set(['”', '"', '»', '’']);

/** Speech verbs of attribution tags that are not claim cues ("he asked", "she shouted"). */
const TAG_VERBS = new Set(['asked', 'asks', 'replied', 'replies', 'shouted', 'wondered', 'exclaimed', 'answered', 'responded', 'continued']);

/** True when `[start, end)` ends with "?" or "!" followed by a closing quotation mark. */
function endsWithQuotedQuestion(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const last = text.charAt(end - 1);
  const before = text.charAt(end - 2);
  return CLOSING_QUOTES.has(last) && (before === '?' || before === '!');
}

/** True when `[start, end)` is a short attribution tag: a few words with a speech verb among the first four. */
function isAttributionTag(text: string, start: number, end: number): boolean {
  if (end - start > 80) return false;
  const words = text.slice(start, end).split(/[^\p{L}\p{M}'’-]+/u).filter((w) => w.length > 0);
  if (words.length > 8) return false;
  return words.slice(0, 4).some((w) => cueFor(w.toLowerCase()) !== undefined || TAG_VERBS.has(w.toLowerCase()));
}

/**
 * Whether the segmenter's break between the sentence `[prevStart, prevEnd)` and the segment
 * `[nextStart, nextEnd)` of `text` (both trimmed) is one of its known faults.
 */
function isFalseBreak(text: string, prevStart: number, prevEnd: number, nextStart: number, nextEnd: number): boolean {
  const first = firstWord(text, nextStart, nextEnd);
  // Only closing punctuation ("”", ")"): it belongs to the sentence before.
  if (first === null) return true;
  if (startsLowerCase(first)) return true;
  // "“… who says so?” Kowalczyk said.": a question or exclamation closing a quotation, then a short
  // attribution tag, is one sentence.
  if (endsWithQuotedQuestion(text, prevStart, prevEnd) && isAttributionTag(text, nextStart, nextEnd)) return true;
  const last = wordBeforeFinalDot(text, prevStart, prevEnd);
  if (last === null) return false;
  const lower = last.toLowerCase();
  if (TITLES.has(lower)) return true;
  if (lower === 'a.m' || lower === 'p.m') return AFTER_TIME.has(first.toLowerCase());
  // An initialism ("U.S.", "U.N.") or a person's initial ("J."), unless a new sentence clearly starts.
  if (last.includes('.') || (last.length === 1 && isUpper(last))) return !SENTENCE_STARTERS.has(first.toLowerCase());
  if (MONTHS.has(lower) || BEFORE_NUMBER.has(lower)) return /^[0-9]/.test(first);
  return false;
}

/** Trim whitespace off `[start, end)`; returns null when nothing is left. */
function trimSpan(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s += 1;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e -= 1;
  return e > s ? [s, e] : null;
}

/** Split an over-long joined sentence back at its single newlines. */
function splitAtNewlines(text: string, start: number, end: number): [number, number][] {
  const parts: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i += 1) {
    if (i === end || text.charAt(i) === '\n') {
      const t = trimSpan(text, s, i);
      if (t) parts.push(t);
      s = i + 1;
    }
  }
  return parts;
}

/** The sentences of one block (from `splitBlocks`), as trimmed `[start, end)` pairs, in order. */
export function blockSentences(text: string, block: BlockSpan): [number, number][] {
  const raw = text.slice(block.start, block.end);
  // Single newlines inside a block are stray (inline elements); the segmenter would break at
  // each one. Replace them with spaces: same length, so offsets stay valid.
  const flat = raw.replace(/[\r\n\v\f\u2028\u2029\u0085]/g, ' ');
  const merged: [number, number][] = [];
  let segStart = 0;
  const breaks = sentenceBreaks(flat);
  // Indexed loops: a for…of allocates an iterator and a result per step until it is optimised,
  // and detection runs once per page, much of it before anything is optimised.
  for (let b = 0; b < breaks.length; b += 1) {
    const segEnd = breaks[b] as number;
    const t = trimSpan(text, block.start + segStart, block.start + segEnd);
    segStart = segEnd;
    if (!t) continue;
    const prev = merged[merged.length - 1];
    if (prev && isFalseBreak(text, prev[0], prev[1], t[0], t[1])) prev[1] = t[1];
    else merged.push(t);
  }
  // A sentence is re-split only when it is over-long and holds a newline; most blocks have none.
  let needsSplit = false;
  for (let m = 0; m < merged.length && !needsSplit; m += 1) {
    const span = merged[m] as [number, number];
    needsSplit = span[1] - span[0] > MAX_JOINED_SENTENCE && text.slice(span[0], span[1]).includes('\n');
  }
  if (!needsSplit) return merged;
  const out: [number, number][] = [];
  for (const [s, e] of merged) {
    if (e - s > MAX_JOINED_SENTENCE && text.slice(s, e).includes('\n')) out.push(...splitAtNewlines(text, s, e));
    else out.push([s, e]);
  }
  return out;
}

/**
 * The sentences of `text`, in order, trimmed, never crossing a blank line.
 * Linear in the length of the text.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  const blocks = splitBlocks(text);
  for (let b = 0; b < blocks.length; b += 1) {
    const block = blocks[b];
    if (!block) continue;
    for (const [start, end] of blockSentences(text, block)) sentences.push({ start, end, block: b });
  }
  return sentences;
}
