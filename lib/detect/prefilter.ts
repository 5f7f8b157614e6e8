/**
 * The prefilter: one pass of native regular expressions over the whole text that finds every place
 * where a sentence may need more than a glance. Most sentences of an article have no cue word, no
 * quotation mark, no title before a name and no bracket: they cannot be claims and add nothing to
 * what later sentences refer back to, so the detector skips the expensive stages for them.
 *
 * The hits are a superset: a hit may turn out to be nothing ("minister" before a full stop), but a
 * sentence without one is guaranteed to give the same result as if every stage had run over it
 * (tests/unit/detect/equivalence.test.ts checks this against the unfiltered path). That is why the
 * word lists are read from the lexicons themselves, and why word boundaries are looser than the
 * tokenizer's: the regexes' `\b` knows only ASCII, so a hit may start inside a longer non-ASCII word
 * (harmless), and an underscore, which `\b` treats as a letter but the tokenizer as punctuation, is
 * allowed before a word explicitly.
 */
import { CUE_VERBS, RELAY_PARTICIPLES, SOURCE_FOLLOWS_CUES } from './cues';
import { ROLE_WORDS } from './source-type';
import { isSpaceCode } from './tokens';

/** A cue word: the sentence may hold an attribution. */
export const HIT_CUE = 1;
/** A role before something other than a lower-case word: the sentence may name someone ("Minister Pavel Orekhov"). */
export const HIT_ROLE = 2;
/** A double quotation mark: the sentence opens, closes or continues a quotation. */
export const HIT_QUOTE = 4;
/** An opening bracket: the sentence may define an acronym ("Joint Chiefs of Staff (JCS)"). */
export const HIT_PAREN = 8;

/** The prefilter's hits, in text order. */
export type Hits = {
  /** Offset of each hit. */
  readonly at: readonly number[];
  /** What each hit is: one or more `HIT_*` flags. */
  readonly kind: readonly number[];
};

/**
 * Words that make `SentenceReader.read` (attribution.ts) look for an attribution: every cue verb
 * form, the first word of the phrasal cues ("according to", "citing"), and "quoted" ("was quoted as
 * saying"). A new trigger there must be added here.
 */
const CUE_WORDS: ReadonlySet<string> = new Set([
  ...CUE_VERBS.keys(),
  ...[...SOURCE_FOLLOWS_CUES.keys()].map((cue) => cue.split(' ')[0] ?? cue),
  'quoted',
]);

/**
 * True for a word (lower case) that the prefilter always marks as a cue: a sentence with such a token
 * is read in full on the fast path too, so a rule that needs one to fire keeps the paths equal.
 */
export function isCueWord(lower: string): boolean {
  return CUE_WORDS.has(lower);
}

const ROLE_SET: ReadonlySet<string> = new Set(ROLE_WORDS);

/** Whitespace as the tokenizer sees it (`isSpaceCode`), as a character class. */
const SPACE_CLASS = '[\\x00-\\x20\\u00a0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';

/**
 * One alternation for `words`, sorted (the regex engine handles a plain alternation of literals
 * faster than one factored by prefixes). With `kelvin`, a "k" also matches the Kelvin sign
 * (U+212A), the one non-ASCII character whose `toLowerCase()` is an ASCII letter, which `/i` alone
 * would miss; that character class makes the regex three times slower, so it is used only for the
 * rare text that holds one.
 */
export function wordAlternation(words: Iterable<string>, kelvin: boolean): string {
  const escaped = [...new Set(words)].sort().map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return (kelvin ? escaped.map((w) => w.replace(/k/g, '[k\\u212A]')) : escaped).join('|');
}

/** The word regexes, by `(underscore ? 1 : 0) + (kelvin ? 2 : 0)`, compiled on first use. */
const WORD_RES: (RegExp | undefined)[] = [];

/**
 * The word regex: one of the words, or a relaying participle before "by" ("carried by"), not
 * running on into an ASCII letter or digit. Before it, `\b`; and, only when the text holds one,
 * an underscore (a letter to `\b`, punctuation to the tokenizer) or a Kelvin sign (which `\b` does
 * not see as a letter). Each of those alternatives costs the regex engine its fast first-character
 * scan, so they are added only for the texts that need them.
 */
function wordRegex(underscore: boolean, kelvin: boolean): RegExp {
  const key = (underscore ? 1 : 0) + (kelvin ? 2 : 0);
  let re = WORD_RES[key];
  if (!re) {
    const before = underscore || kelvin ? `(?:${['\\b', ...(underscore ? ['_'] : []), ...(kelvin ? ['(?=\\u212A)'] : [])].join('|')})` : '\\b';
    const words = wordAlternation([...CUE_WORDS, ...ROLE_SET], kelvin);
    const relays = wordAlternation(RELAY_PARTICIPLES, kelvin);
    re = new RegExp(`${before}(?:(?:${words})(?![A-Za-z0-9])|(?:${relays})${SPACE_CLASS}+by(?![A-Za-z0-9]))`, 'gi');
    WORD_RES[key] = re;
  }
  return re;
}

/** Quotation marks and opening brackets. */
const PUNCT_RE = /[“„«‹”»›"(]/g;

/** True for the apostrophes of a possessive ("minister’s"), as the tokenizer reads them. */
function isApostropheCode(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x2bc;
}

/**
 * Whether a role word ending at `end` may begin a titled name: `findTitledNames` needs a capitalised
 * word or a comma right after the role (or its possessive, or the dot of "Gov."). Rules out the
 * common "the minister said" cheaply; anything else counts.
 */
function mayStartName(text: string, end: number): boolean {
  let i = end;
  if (isApostropheCode(text.charCodeAt(i))) i += 1;
  const s = text.charCodeAt(i);
  if (s === 0x73 || s === 0x53) i += 1;
  if (text.charCodeAt(i) === 0x2e) i += 1;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i += 1;
  const c = text.charCodeAt(i);
  return !((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39));
}

/**
 * The prefilter's hits in `text`, found a part at a time: `scanTo(limit)` adds every hit before
 * `limit` to `at` and `kind` (in order), carrying on where the last call stopped. The hits found
 * are exactly `findHits(text)`'s, however the calls cut the text: each regex goes on from where
 * its last match ended, and a match found past the limit is kept for the next call.
 */
export class HitScanner implements Hits {
  readonly at: number[] = [];
  readonly kind: number[] = [];
  /** The word regex, shared: its `lastIndex` is set from `wordFrom` before each use. */
  private readonly wordRe: RegExp;
  private word: RegExpExecArray | null;
  private punct: RegExpExecArray | null;
  /** Where each regex carries on after its pending match. */
  private wordFrom: number;
  private punctFrom: number;

  constructor(private readonly text: string) {
    this.wordRe = wordRegex(text.includes('_'), text.includes('\u212A'));
    this.wordRe.lastIndex = 0;
    this.word = this.wordRe.exec(text);
    this.wordFrom = this.wordRe.lastIndex;
    PUNCT_RE.lastIndex = 0;
    this.punct = PUNCT_RE.exec(text);
    this.punctFrom = PUNCT_RE.lastIndex;
  }

  /** Find the hits before `limit` not found yet. */
  scanTo(limit: number): void {
    const { text, at, kind, wordRe } = this;
    let { word, punct } = this;
    wordRe.lastIndex = this.wordFrom;
    PUNCT_RE.lastIndex = this.punctFrom;
    while (word !== null || punct !== null) {
      if (punct !== null && (word === null || punct.index < word.index)) {
        if (punct.index >= limit) break;
        at.push(punct.index);
        kind.push(punct[0] === '(' ? HIT_PAREN : HIT_QUOTE);
        punct = PUNCT_RE.exec(text);
        continue;
      }
      if (word === null || word.index >= limit) break;
      const found = word[0];
      const lower = (found.charCodeAt(0) === 0x5f ? found.slice(1) : found).toLowerCase();
      const cue = CUE_WORDS.has(lower);
      const role = ROLE_SET.has(lower);
      // Neither list has it: a relaying participle before "by".
      let flags = cue || !role ? HIT_CUE : 0;
      if (role && mayStartName(text, word.index + found.length)) flags |= HIT_ROLE;
      if (flags !== 0) {
        at.push(word.index);
        kind.push(flags);
      }
      word = wordRe.exec(text);
    }
    this.word = word;
    this.punct = punct;
    this.wordFrom = wordRe.lastIndex;
    this.punctFrom = PUNCT_RE.lastIndex;
  }
}

/** Every hit in `text`, in order. Linear: two regex passes, with a constant amount of work per hit. */
export function findHits(text: string): Hits {
  const scanner = new HitScanner(text);
  scanner.scanTo(Number.POSITIVE_INFINITY);
  return scanner;
}
