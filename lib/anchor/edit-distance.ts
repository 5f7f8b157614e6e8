/**
 * Bounded edit distance (Levenshtein: insertions, deletions, substitutions) for the quote matcher.
 * Pure.
 *
 * `distancesAlong` is Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm for
 * approximate string matching based on dynamic programming", JACM 46(3), 1999) in the block form
 * for patterns longer than a machine word (Hyyrö's formulation of the block step): one text
 * character costs ⌈m/32⌉ word operations instead of m cells of the classic table.
 *
 * Written here rather than taken from npm: the matcher runs it only inside a few small windows of
 * the page (see match-quote.ts), in both directions and with the start either free or anchored,
 * and wants every column's distance, not only the best matches. `approx-string-match` (what
 * Hypothesis uses) searches a whole text for the lowest-error matches only; using it would mean
 * slicing and reversing windows around it and still writing the scoring and windowing here. The
 * algorithm is ~40 lines, and tests/unit/anchor/edit-distance.test.ts checks it against the
 * textbook dynamic programme on random strings.
 */

/** Bits per block: JavaScript's bitwise operators work on 32-bit integers. */
const WORD = 32;

/** The pattern as Myers' algorithm reads it: for each character, the rows where it occurs. */
export type PatternMasks = {
  /** The pattern's length, m. */
  readonly length: number;
  /** ⌈m/32⌉ blocks of 32 rows. */
  readonly blocks: number;
  /** For each UTF-16 code unit in the pattern, one bit per row where it occurs, block by block. */
  readonly equal: ReadonlyMap<number, Int32Array>;
  /** The mask for characters that do not occur in the pattern (all zero). */
  readonly none: Int32Array;
  /** The bit of the pattern's last row in the last block. */
  readonly lastRow: number;
};

/** Precompute the character masks of `pattern` (non-empty). */
export function patternMasks(pattern: string): PatternMasks {
  if (pattern.length === 0) throw new RangeError('Cannot match an empty pattern.');
  const blocks = Math.ceil(pattern.length / WORD);
  const equal = new Map<number, Int32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    let masks = equal.get(code);
    if (!masks) {
      masks = new Int32Array(blocks);
      equal.set(code, masks);
    }
    const block = (i / WORD) | 0;
    masks[block] = (masks[block] ?? 0) | (1 << i % WORD);
  }
  return { length: pattern.length, blocks, equal, none: new Int32Array(blocks), lastRow: 1 << (pattern.length - 1) % WORD };
}

/** How the pattern may sit in the text. */
export type AlignMode =
  /** Anywhere: the distance at each text position is that of the best substring ending there. */
  | 'substring'
  /** Anchored at the first text character read: the distance to exactly the text read so far. */
  | 'prefix';

/**
 * The edit distance between the pattern and the text read so far, after each text character, for
 * the characters of `text` from `from` towards `to` (exclusive; `to < from` reads backwards, and
 * then `masks` should be of the reversed pattern). Entry i is the distance after reading i + 1
 * characters. Cost: O(|to − from| · ⌈m/32⌉).
 */
export function distancesAlong(masks: PatternMasks, text: string, from: number, to: number, mode: AlignMode): Int32Array {
  const step = to >= from ? 1 : -1;
  const count = Math.abs(to - from);
  const out = new Int32Array(count);
  const { blocks, equal, none, lastRow } = masks;
  // Vertical deltas of the current column, +1 (plus) or −1 (minus) per row; the first column is 0…m.
  const plus = new Int32Array(blocks).fill(-1);
  const minus = new Int32Array(blocks);
  // Horizontal delta entering the top row: 0 when the pattern may start anywhere, +1 when anchored.
  const top = mode === 'prefix' ? 1 : 0;
  let score = masks.length;
  for (let n = 0, j = from; n < count; n++, j += step) {
    const eqs = equal.get(text.charCodeAt(j)) ?? none;
    let carry = top;
    for (let b = 0; b < blocks; b++) {
      const pv = plus[b] ?? 0;
      const mv = minus[b] ?? 0;
      const carryIn = carry;
      // A −1 entering the block behaves like a match in its first row.
      const eq = (eqs[b] ?? 0) | (carryIn < 0 ? 1 : 0);
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const last = b === blocks - 1 ? lastRow : 1 << (WORD - 1);
      carry = (ph & last) !== 0 ? 1 : (mh & last) !== 0 ? -1 : 0;
      ph = (ph << 1) | (carryIn > 0 ? 1 : 0);
      mh = (mh << 1) | (carryIn < 0 ? 1 : 0);
      plus[b] = mh | ~(xv | ph);
      minus[b] = ph & xv;
    }
    score += carry;
    out[n] = score;
  }
  return out;
}

/**
 * Levenshtein distance between two short strings (the 32-character contexts): the plain dynamic
 * programme, one row at a time, O(|a|·|b|).
 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}
