/**
 * Unicode sentence boundaries (UAX #29, the rules `Intl.Segmenter` implements) for text made only
 * of the characters news is written in; `Intl.Segmenter` itself for anything else.
 *
 * Why not always the platform: on a long page the segmenter was the largest single cost of
 * detection (about 20 ns a character, mostly creating one segment object after another from ICU),
 * while the rules, for text without combining marks, format characters, non-ASCII terminators or
 * paragraph separators, come down to a few checks at each ".", "?" and "!": a native regex finds
 * those, and the stretch between two of them is never looked at. Texts with any other character
 * go to the segmenter, so the boundaries are always the segmenter's; the equivalence is checked
 * character by character and on random text in tests/unit/detect/sentence-breaks.test.ts.
 *
 * The rules that remain, where SATerm is "." (ATerm) or "?"/"!" (STerm), Close a bracket or
 * quotation mark, Sp a space, and a break falls only at the end of "SATerm Close* Sp*":
 * - SB6  ATerm × Numeric                      "3.5"
 * - SB7  (Upper | Lower) ATerm × Upper        "U.S"
 * - SB8  ATerm Close* Sp* × (not a letter or terminator)* Lower     "etc. and", "p. (5) the"
 * - SB8a SATerm Close* Sp* × (SContinue | SATerm)                   "Why?!", "e.g., so"
 * - SB11 otherwise, a break after SATerm Close* Sp*.
 */

// A character's Sentence_Break class, as far as these rules need it (numbers, for a typed table).
const OTHER = 0;
const UPPER = 1;
const LOWER = 2;
const OLETTER = 3;
const NUMERIC = 4;
const ATERM = 5;
const STERM = 6;
const CLOSE = 7;
const SCONTINUE = 8;
const SP = 9;

/**
 * The characters handled here: tab, printable ASCII, Latin-1 and Latin Extended-A (but the soft
 * hyphen, a format character), and the typographic quotation marks, dashes and symbols of news
 * text. Not here, so sent to the segmenter: controls, combining marks, format characters (soft
 * hyphen, zero-width space and joiners), other scripts, and terminators other than . ? !
 */
const SAFE = '\\t\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u017f\\u2010-\\u2023\\u2025\\u2026\\u2030-\\u203a\\u20ac\\u2122';
/** Matches one character that `sentenceBreaks` classifies itself (for the tests). */
export const HANDLED_CHARACTER = new RegExp(`[${SAFE}]`);
const UNSAFE_RE = new RegExp(`[^${SAFE}]`);
const TERMINATOR_RE = /[.?!]/g;

/** Sentence_Break=Close beyond the brackets: Line_Break=Quotation ("Close" in UAX #29). */
const QUOTATION = '"\'«»‘’‛“”‟‹›';
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Sentence_Break=SContinue among the safe characters. Unicode 15.1 added the semicolon; whether it
 * is one here depends on the ICU the browser ships, so the segmenter itself is asked, once.
 */
const SCONTINUE_CHARACTERS = `,-:–—${[...segmenter.segment('a.;b')].length === 1 ? ';' : ''}`;

/** The class of every safe character, by code; built once from Unicode properties and the lists above. */
const CLASSES: Uint8Array = (() => {
  const table = new Uint8Array(0x2123);
  const upper = /[\p{Uppercase}\p{Lt}]/u;
  const lower = /\p{Lowercase}/u;
  const letter = /\p{Alphabetic}/u;
  const space = /\p{White_Space}/u;
  const bracket = /[\p{Ps}\p{Pe}]/u;
  for (let code = 0; code < table.length; code += 1) {
    // Skip the gap between Latin Extended-A and the punctuation block: nothing there is handled.
    if (code === 0x180) code = 0x2010;
    const ch = String.fromCharCode(code);
    if (!HANDLED_CHARACTER.test(ch)) continue;
    let cls: number = OTHER;
    if (ch === '.') cls = ATERM;
    else if (ch === '?' || ch === '!') cls = STERM;
    else if (code >= 0x30 && code <= 0x39) cls = NUMERIC;
    else if (upper.test(ch)) cls = UPPER;
    else if (lower.test(ch)) cls = LOWER;
    else if (letter.test(ch)) cls = OLETTER;
    else if (space.test(ch)) cls = SP;
    else if (bracket.test(ch) || QUOTATION.includes(ch)) cls = CLOSE;
    else if (SCONTINUE_CHARACTERS.includes(ch)) cls = SCONTINUE;
    table[code] = cls;
  }
  return table;
})();

/** The class of the character at `i` (OTHER past the end). */
function sb(text: string, i: number): number {
  return CLASSES[text.charCodeAt(i)] ?? OTHER;
}

/** The ends of the sentences of `text` by the segmenter, the last being `text.length` (none for ""). */
function segmenterBreaks(text: string): number[] {
  const ends: number[] = [];
  for (const seg of segmenter.segment(text)) ends.push(seg.index + seg.segment.length);
  return ends;
}

/** True when the break after SATerm at `t` is prevented by SB6 or SB7 (what follows it directly). */
function joinedToNext(text: string, t: number): boolean {
  const next = sb(text, t + 1);
  if (next === NUMERIC) return true;
  const prev = t > 0 ? sb(text, t - 1) : OTHER;
  return next === UPPER && (prev === UPPER || prev === LOWER);
}

/** SB8: whether a lower-case letter comes before any other letter or terminator from `from` on. */
function lowerFollows(text: string, from: number): boolean {
  for (let k = from; k < text.length; k += 1) {
    const c = sb(text, k);
    if (c === LOWER) return true;
    if (c === UPPER || c === OLETTER || c === ATERM || c === STERM) return false;
  }
  return false;
}

/**
 * The end offsets of the sentences of `text` (no line or paragraph separators in it), as
 * `Intl.Segmenter('en', { granularity: 'sentence' })` gives them: ascending, the last being
 * `text.length`. Linear: SB8's look-ahead stops at the next terminator.
 */
export function sentenceBreaks(text: string): number[] {
  if (text.length === 0) return [];
  if (UNSAFE_RE.test(text)) return segmenterBreaks(text);
  const ends: number[] = [];
  const n = text.length;
  TERMINATOR_RE.lastIndex = 0;
  // `test`, not `exec`: a terminator is one character, so where it is follows from `lastIndex`,
  // without a match array made for each one.
  while (TERMINATOR_RE.test(text)) {
    const t = TERMINATOR_RE.lastIndex - 1;
    const aTerm = text.charCodeAt(t) === 0x2e;
    if (aTerm && t + 1 < n && joinedToNext(text, t)) continue;
    let j = t + 1;
    while (j < n && sb(text, j) === CLOSE) j += 1;
    while (j < n && sb(text, j) === SP) j += 1;
    if (j >= n) break;
    const c = sb(text, j);
    if (c === SCONTINUE || c === ATERM || c === STERM) continue;
    if (aTerm && lowerFollows(text, j)) continue;
    ends.push(j);
  }
  ends.push(n);
  return ends;
}
