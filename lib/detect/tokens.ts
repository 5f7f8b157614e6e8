/**
 * Word and punctuation tokens of a span of text, with offsets into the whole text.
 * Every later stage (datelines, quotations, cues, noun phrases) reads tokens instead of running
 * regular expressions over raw text, so each stage is one linear pass with no backtracking.
 */

/** One word or one punctuation character of the analysed text. */
export type Token = {
  /** Start offset in the analysed text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** The characters as written. */
  text: string;
  /** Lower case, with typographic apostrophes folded to `'` so word lists need one spelling. */
  lower: string;
  /** `lower` without a possessive `'s` or `'`, so "Korea’s" looks up as "korea". */
  base: string;
  /** True for words and numbers, false for a punctuation character. */
  word: boolean;
  /** True when the first character is an upper-case letter. */
  cap: boolean;
};

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const LETTER = /[\p{L}\p{M}]/u;

/** True for the UTF-16 code of a letter, mark or digit. ASCII is decided without a regex (hot path). */
export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  // A lone surrogate half is never a word character; whole astral characters are rare in news.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return WORD_CHAR.test(String.fromCharCode(code));
}

/**
 * `isWordCode` for ASCII, as a table (1 for a letter or digit): the scanning loops below look a
 * character up here and call `isWordCode` only past ASCII, since a call per character is what
 * code that has not been optimised yet (a page's first detection) pays most for.
 */
const ASCII_WORD: Uint8Array = (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code += 1) table[code] = isWordCode(code) ? 1 : 0;
  return table;
})();

/** The end of the run of word characters (`isWordCode`) that starts at `i`, not past `end`. */
export function wordRunEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const code = text.charCodeAt(j);
    if (code < 128 ? ASCII_WORD[code] === 0 : !isWordCode(code)) break;
    j += 1;
  }
  return j;
}

/** True for the UTF-16 code of a letter of any script (not a digit). */
function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return LETTER.test(String.fromCharCode(code));
}

/** True for an upper-case letter (a character that changes when lower-cased). */
export function isUpper(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for a digit 0–9. */
function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True for the UTF-16 code of any whitespace, including the no-break and zero-width spaces pages leave. */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** True for any whitespace character. */
export function isSpace(ch: string): boolean {
  return isSpaceCode(ch.charCodeAt(0));
}

const APOSTROPHE_RE = /[’‘ʼ]/g;

/** Fold typographic apostrophes so "Korea’s" and "Korea's" are the same word. */
export function foldApostrophes(s: string): string {
  return s.replace(APOSTROPHE_RE, "'");
}

/** Apostrophes as news sites write them (' ’ ‘ ʼ); "Korea‘s", a left quote as apostrophe, occurs in the wild. */
function isApostropheCode(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x2bc;
}

/** Hyphens that join a compound ("state-run", "Jong-un"); dashes are punctuation. */
function isHyphenCode(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

/**
 * True when `text` is written in capitals ("JCS", "MOSCOW", "U.S."): two characters or more, none
 * that upper-casing would change, and some that lower-casing would. An ASCII lower-case letter
 * settles it at once, so the usual word costs no string copies (a hot path).
 */
export function isAllCaps(text: string): boolean {
  if (text.length < 2) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) return false;
  }
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/** True when `s` holds a typographic apostrophe that `foldApostrophes` would replace. */
function hasTypographicApostrophe(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const code = s.charCodeAt(i);
    if (code === 0x2019 || code === 0x2018 || code === 0x2bc) return true;
  }
  return false;
}

function makeToken(text: string, start: number, end: number, word: boolean): Token {
  const raw = text.slice(start, end);
  if (!word) return { start, end, text: raw, lower: raw, base: raw, word, cap: false };
  const lowered = raw.toLowerCase();
  const lower = hasTypographicApostrophe(lowered) ? foldApostrophes(lowered) : lowered;
  let base = lower;
  if (base.endsWith("'s")) base = base.slice(0, -2);
  else if (base.endsWith("'")) base = base.slice(0, -1);
  return { start, end, text: raw, lower, base, word, cap: isUpper(raw) };
}

/**
 * Where a word that starts at `i` ends. Apostrophes and hyphens inside a word, decimal and
 * thousands separators, and the dots of an initialism ("U.S.") stay part of it.
 */
function wordEnd(text: string, i: number, end: number): number {
  let j = i;
  let dotted = false;
  for (;;) {
    j = wordRunEnd(text, j, end);
    if (j + 1 >= end) break;
    const code = text.charCodeAt(j);
    const next = text.charCodeAt(j + 1);
    if (isApostropheCode(code) && isLetterCode(next)) {
      j += 1;
      continue;
    }
    if (isHyphenCode(code) && isWordCode(next)) {
      j += 1;
      continue;
    }
    if ((code === 0x2e || code === 0x2c) && isDigitCode(text.charCodeAt(j - 1)) && isDigitCode(next)) {
      j += 1;
      continue;
    }
    // "U.S", "a.m": a single letter before the dot and a letter after it.
    if (code === 0x2e && isLetterCode(next) && j - 1 >= i && (j - 2 < i || !isWordCode(text.charCodeAt(j - 2)))) {
      dotted = true;
      j += 1;
      continue;
    }
    if (code === 0x26 && isUpper(text.charAt(j - 1)) && isUpper(text.charAt(j + 1))) {
      j += 1;
      continue;
    }
    break;
  }
  // The closing dot of "U.S." belongs to the initialism.
  if (dotted && j < end && text.charCodeAt(j) === 0x2e && j - 2 >= i && text.charCodeAt(j - 2) === 0x2e) j += 1;
  return j;
}

/**
 * Abbreviated titles that keep their dot ("Dr.", "Gen."): the dot is part of a name, not the end
 * of a phrase, so "said Dr. Sarah Chen" reads as one name.
 */
const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'lt', 'col', 'capt', 'cmdr', 'adm', 'maj', 'sgt', 'cpl',
  'sen', 'rep', 'gov', 'rev', 'hon', 'st', 'jr', 'sr', 'amb', 'brig', 'supt', 'insp', 'det',
]);

/** Tokens of `text.slice(start, end)`, in order, with offsets into `text`. One linear pass. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      i += 1;
      continue;
    }
    if (isWordCode(code)) {
      let j = wordEnd(text, i, end);
      if (j < end && text.charCodeAt(j) === 0x2e && j - i <= 4 && TITLE_ABBREVIATIONS.has(text.slice(i, j).toLowerCase())) j += 1;
      tokens.push(makeToken(text, i, j, true));
      i = j;
      continue;
    }
    // Punctuation, one character; a surrogate pair (emoji) stays whole.
    const len = code >= 0xd800 && code <= 0xdbff && i + 1 < end ? 2 : 1;
    tokens.push(makeToken(text, i, i + len, false));
    i += len;
  }
  return tokens;
}
