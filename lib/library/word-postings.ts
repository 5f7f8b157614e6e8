/**
 * The library's word index as postings: one row per (word, block) listing the index keys of the
 * annotations whose quote, note or tags hold that word. Pure.
 *
 * Why not a multi-entry IndexedDB index on each row's words: IndexedDB writes one index entry per
 * word of every row (about 13 per annotation), and in Chromium those entries cost twice as much as
 * the annotations' own write, which made a 100,000-annotation import several times slower than
 * storing the annotations. Postings turn a batch of rows into one row per distinct word of the
 * batch (a few thousand rows for 10,000 annotations), written in the same transaction.
 *
 * Each write transaction posts the rows it writes under a block id of its own, so writes never
 * read or rewrite another block. A row replaced or deleted later leaves its old postings behind:
 * they are *stale*. The store records the index keys whose postings may be stale
 * (lib/store/library-index.ts); a search checks those of its candidates on their current rows
 * (their `words`), so its keys are exact, and compaction rewrites the postings once they are many.
 */
import { SEP } from './index-fields';

/** One posting row: a word's keys within one block. */
export type WordPostingRow = {
  /**
   * Primary key: `word SEP block SEP count` (count: `keys.length`). A word prefix is a key range
   * (`prefix` … `prefix HIGH`), and reading only the range's keys tells how many rows it lists
   * without reading them: a common word's postings are large.
   */
  key: string;
  /** The `libraryIndex` keys (newest-first sort keys) of the block's rows holding the word. */
  keys: string[];
};

/** The posting rows of index rows written together under `block`. */
export function postingsOf(rows: Iterable<{ key: string; words: readonly string[] }>, block: string): WordPostingRow[] {
  const byWord = new Map<string, string[]>();
  for (const row of rows) {
    for (const word of row.words) {
      const keys = byWord.get(word);
      if (keys) keys.push(row.key);
      else byWord.set(word, [row.key]);
    }
  }
  const out: WordPostingRow[] = [];
  for (const [word, keys] of byWord) out.push({ key: `${word}${SEP}${block}${SEP}${keys.length}`, keys });
  return out;
}

/** The word of a posting key. */
export function wordOfPostingKey(key: string): string {
  return key.slice(0, key.indexOf(SEP));
}

/** How many index keys the posting row of this key lists. */
export function countOfPostingKey(key: string): number {
  return Number(key.slice(key.lastIndexOf(SEP) + 1));
}

/**
 * A block id for one write: unique across writes, tabs and devices (random), short (it is part of
 * every posting key of the write).
 */
export function newBlockId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += byte.toString(36).padStart(2, '0');
  return id;
}

/** True when one of a row's (folded) words begins with `prefix` (a search term). */
export function foldedWordsMatch(words: readonly string[], prefix: string): boolean {
  return words.some((word) => word.startsWith(prefix));
}

/** True when two word lists hold the same words (index rows keep them distinct, in first-seen order). */
export function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
