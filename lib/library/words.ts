/**
 * The words the library's full-text search indexes and looks up. One function folds both the
 * stored text and what the user types, so a query finds what was indexed. Pure.
 *
 * A word is a run of letters or digits (any script) after folding: lower case, accents dropped
 * (NFKD, marks removed, recomposed so Hangul syllables stay whole). Apostrophes and hyphens split
 * words: "Kremlin’s" gives "kremlin" (the lone "s" is too short to keep), "Al-Jazeera" gives "al"
 * and "jazeera". Words shorter than `MIN_WORD_LENGTH` are not indexed.
 */

/** Shortest word kept in the index. */
export const MIN_WORD_LENGTH = 2;

/**
 * Longest word kept, in characters; a longer run (a URL without punctuation, a sentence of a
 * script written without spaces) is cut here, in the index and in queries alike.
 */
export const MAX_WORD_LENGTH = 40;

const NON_WORD = /[^\p{L}\p{N}]+/u;
/** A run of letters or digits; in ASCII text those are exactly `a-z` (after lower-casing) and `0-9`. */
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const ASCII_WORD_RUN = /[a-z0-9]+/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Lower case, accents dropped: "Société" → "societe". */
export function foldText(text: string): string {
  // ASCII has no accents and nothing for Unicode normalisation to change: the common case, and
  // the costliest step of indexing 100,000 annotations when done the long way.
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
}

/** The folded runs of letters and digits of `text`, in order, duplicates and short ones included, each cut to `MAX_WORD_LENGTH`. */
function runsOf(text: string): string[] {
  return foldText(text)
    .split(NON_WORD)
    .filter((run) => run.length > 0)
    .map((run) => run.slice(0, MAX_WORD_LENGTH));
}

/**
 * The distinct indexable words of some texts (quote, note, tags), in first-seen order:
 * folded, at least `MIN_WORD_LENGTH` long.
 */
export function indexWords(...texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    // The same runs as `runsOf`, without its intermediate arrays (this runs for every row written).
    const ascii = ASCII_ONLY.test(text);
    const folded = ascii ? text.toLowerCase() : foldText(text);
    for (const match of folded.matchAll(ascii ? ASCII_WORD_RUN : WORD_RUN)) {
      const run = match[0];
      if (run.length >= MIN_WORD_LENGTH) words.add(run.length > MAX_WORD_LENGTH ? run.slice(0, MAX_WORD_LENGTH) : run);
    }
  }
  return [...words];
}

/**
 * The search terms of what the user typed. Every term is matched as a word prefix ("missile"
 * finds "missiles"). Terms shorter than `MIN_WORD_LENGTH` can't match an indexed word and are
 * dropped, except the last one while the user is still typing it (no space after it): "kim j"
 * looks for a word starting with "j" (but "Kremlin’s" looks for no word starting with "s"). Duplicates, and terms that are a prefix of another term
 * (they add no constraint), are dropped.
 */
export function searchTerms(typed: string): string[] {
  const runs = runsOf(typed);
  // Still typing the last word: no separator after it, and it isn't the "s" of "Kremlin’s".
  const stillTyping = runs.length > 0 && !/[^\p{L}\p{N}]$/u.test(typed) && !/['’‘ʼ`][\p{L}\p{N}]$/u.test(typed);
  const kept = runs.filter((run, i) => run.length >= MIN_WORD_LENGTH || (stillTyping && i === runs.length - 1));
  const unique = [...new Set(kept)];
  return unique.filter((term) => !unique.some((other) => other !== term && other.startsWith(term)));
}
