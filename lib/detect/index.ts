/**
 * The public entry point of lib/detect: find the sentences of a text that report a claim, and who
 * each claim is attributed to. Pure: runs in Node and in a content script alike.
 *
 * Pipeline, each stage one linear pass:
 * 0. prefilter.ts        one regex pass marks cue words, quotation marks, titles before names and
 *                        brackets; most sentences have none, and skip the stages below that cannot
 *                        change the result for them (document.ts; outlet-backlog.ts);
 * 1. sentences.ts        split into sentences, never across a blank line (a block boundary);
 * 2. tokens.ts           tokenise each sentence;
 * 3. quotations.ts       mark the words inside quotation marks (cues there are someone else's words);
 * 4. source-matcher.ts   find registry sources (one trie walk; registry.ts holds the built-ins);
 * 5. names.ts            collect names the text introduces ("Minister Pavel Orekhov", "(JCS)");
 * 6. attribution.ts      read each cue's source, speaker and medium (cues.ts, noun-phrases.ts,
 *                        source-type.ts, datelines.ts), and chain them (chains.ts);
 * 7. coreference.ts      resolve "he said", "the agency", "Orekhov", "the statement" to the source
 *                        named before, "he"/"she" agreeing in gender where titles, names or
 *                        earlier pronouns show it (names.ts);
 * 8. quotations.ts       carry a quotation's attribution into its continuing sentences.
 *
 * The conventions for what counts as a claim and which words name a source are those of the
 * labelled corpus, tests/fixtures/attribution/README.md.
 */
import type { DetectedClaim, Source } from '../model';
import { DocumentReader } from './document';
import { OutletBacklog } from './outlet-backlog';
import { HIT_CUE, HitScanner } from './prefilter';
import { BUILTIN_SOURCES } from './registry';
import { blockSentences, splitBlocks, splitSentences } from './sentences';
import { sourceIndexFor, type SourceIndex } from './source-matcher';

export { FALLBACK_SOURCE_ID, sourceIdFor } from './source-id';
export { splitSentences, type SentenceSpan } from './sentences';

/** Options for `detectClaims`. */
export type DetectOptions = {
  /** The user's stored sources; they win over built-in entries with the same id or alias. */
  userSources?: readonly Source[];
  /**
   * Skip the expensive stages for the sentences the prefilter shows cannot matter (default true).
   * False reads every sentence through every stage: the plain reference path, slower, that
   * tests/unit/detect/equivalence.test.ts checks the fast path against. The output is the same.
   */
  prefilter?: boolean;
};

/** The sources shipped with the extension (KCNA, Yonhap, TASS, Telegram, Reuters, …). */
export const builtinSources: readonly Source[] = BUILTIN_SOURCES;

/**
 * The registry source that `words` name (built-ins merged with `userSources`, the user's winning),
 * or null. "the Yonhap news agency" → Yonhap; "American authorities" → null.
 */
export function resolveSource(words: string, userSources?: readonly Source[]): Source | null {
  return sourceIndexFor(userSources).resolve(words);
}

/** Every sentence through every stage. */
function readEverything(text: string, index: SourceIndex): DetectedClaim[] {
  const reader = new DocumentReader(text, index, null);
  for (const span of splitSentences(text)) reader.read(span.start, span.end, span.block);
  return reader.claims();
}

/** A detection that runs a part at a time (see `readClaims`). */
export type ClaimReading = {
  /**
   * Read on, a block at a time, until `pause()` says to stop (asked after each block) or the text
   * is read. True once the whole text is read.
   */
  readOn(pause: () => boolean): boolean;
  /** The claims of the whole text; call once, after `readOn` returned true. */
  claims(): DetectedClaim[];
};

/**
 * Every stage, but only over what can matter. One regex pass (prefilter.ts) marks cue words,
 * quotation marks, titles before names and brackets. A block with none of them is not even split
 * into sentences: it cannot hold a claim, neither continues nor receives a quotation (the
 * quotation state starts closed in every block, and a quotation reopened across blocks needs a
 * mark), and only the outlets it names could matter later, so it is queued for those. In the other
 * blocks, a sentence with a cue is read in full and the rest are glanced at (`DocumentReader.glance`).
 * The regex pass runs ahead of the blocks read, so the reading can stop after any block.
 */
function readWhatMatters(text: string, index: SourceIndex): ClaimReading {
  const hits = new HitScanner(text);
  const { at, kind } = hits;
  const backlog = new OutletBacklog(text, index, (start, end) => blockSentences(text, { start, end }));
  const reader = new DocumentReader(text, index, backlog);
  const blocks = splitBlocks(text);
  let h = 0;
  let b = 0;
  return {
    readOn(pause) {
      for (; b < blocks.length; ) {
        const block = blocks[b];
        if (block) {
          hits.scanTo(block.end);
          // Hits only fall on non-space characters, so none lies between blocks or between sentences.
          const first = h;
          let flags = 0;
          while (h < at.length && (at[h] ?? 0) < block.end) flags |= kind[h++] ?? 0;
          if (flags === 0) {
            backlog.addBlock(block.start, block.end, b);
          } else {
            let k = first;
            const sentences = blockSentences(text, block);
            // Indexed: a for…of with destructuring allocates iterators until the loop is optimised.
            for (let s = 0; s < sentences.length; s += 1) {
              const sentence = sentences[s] as [number, number];
              const start = sentence[0];
              const end = sentence[1];
              let sentenceHits = 0;
              while (k < h && (at[k] ?? 0) < end) sentenceHits |= kind[k++] ?? 0;
              if (sentenceHits & HIT_CUE) {
                reader.read(start, end, b, sentenceHits);
              } else {
                reader.glance(start, end, b, sentenceHits);
                backlog.addSentence(start, end, b);
              }
            }
          }
        }
        b += 1;
        if (b < blocks.length && pause()) return false;
      }
      return true;
    },
    claims: () => reader.claims(),
  };
}

/**
 * `detectClaims`, a part at a time: for a long text read between other work (the content script
 * reads a long page in slices, yielding to the page in between). The claims are exactly
 * `detectClaims(text, options)`'s.
 */
export function readClaims(text: string, options: Omit<DetectOptions, 'prefilter'> = {}): ClaimReading {
  return readWhatMatters(text, sourceIndexFor(options.userSources));
}

/**
 * Find the sentences of `text` that report a claim, with who each is attributed to. Pure.
 * Offsets are into `text`: `text.slice(claim.start, claim.end) === claim.text`, and the same for
 * every attribution's `sourceText` (null only on attributions carried over from an earlier sentence
 * of the same quotation).
 */
export function detectClaims(text: string, options: DetectOptions = {}): DetectedClaim[] {
  const index = sourceIndexFor(options.userSources);
  if (options.prefilter === false) return readEverything(text, index);
  const reading = readWhatMatters(text, index);
  reading.readOn(() => false);
  return reading.claims();
}
