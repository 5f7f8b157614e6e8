/**
 * The outlets named in text the detector skipped, read only when a reference needs them.
 *
 * "The agency said" refers back to the last outlet the text named anywhere, even in a sentence that
 * is no claim ("Today TASS employs 1,500 people"). Matching the registry over every sentence costs
 * more than the rest of a skipped sentence's reading, and almost never matters: only "the agency"
 * (or "the broadcaster", …) without a source named in the last few sentences reaches that far back.
 * So skipped text is queued here, and read backwards, newest first, only when such a reference
 * comes; and no further back than a reference can reach (coreference.ts, MAX_BLOCK_DISTANCE).
 */
import type { Source, SourceRef } from '../model';
import { isOutletType, type Antecedent, type UnreadOutlets } from './coreference';
import type { SourceIndex, SourceMention } from './source-matcher';

/** The part of a source that a detection result carries. */
export function sourceRef(source: Source): SourceRef {
  return { id: source.id, name: source.name, type: source.type };
}

/** The antecedent a registry mention in block `block` makes, for later "the agency". */
export function mentionAntecedent(m: SourceMention, block: number): Antecedent {
  return { source: sourceRef(m.source), label: m.source.name, type: m.source.type, block, person: false, head: null };
}

/** Splits a block into its sentences, as `[start, end)` pairs (sentences.ts). */
export type BlockSplitter = (start: number, end: number) => readonly (readonly [number, number])[];

/** Skipped sentences and blocks, oldest first, whose outlets are read on demand. */
export class OutletBacklog implements UnreadOutlets {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly blocks: number[] = [];
  /** True for a whole block (split into sentences only if read), false for one sentence. */
  private readonly whole: boolean[] = [];

  constructor(
    private readonly text: string,
    private readonly index: SourceIndex,
    private readonly splitBlock: BlockSplitter,
  ) {}

  /** Queue the sentence `[start, end)` of block `block`, skipped by the detector. */
  addSentence(start: number, end: number, block: number): void {
    this.push(start, end, block, false);
  }

  /** Queue the whole block `[start, end)`, numbered `block`, skipped without splitting it. */
  addBlock(start: number, end: number, block: number): void {
    this.push(start, end, block, true);
  }

  private push(start: number, end: number, block: number, whole: boolean): void {
    this.starts.push(start);
    this.ends.push(end);
    this.blocks.push(block);
    this.whole.push(whole);
  }

  clear(): void {
    this.starts.length = 0;
    this.ends.length = 0;
    this.blocks.length = 0;
    this.whole.length = 0;
  }

  takeLatest(minBlock: number): Antecedent | null {
    let found: Antecedent | null = null;
    for (let i = this.starts.length - 1; i >= 0 && found === null; i -= 1) {
      const block = this.blocks[i] ?? -1;
      // Blocks only grow along the queue: everything before is too far back as well.
      if (block < minBlock) break;
      const start = this.starts[i] ?? 0;
      const end = this.ends[i] ?? 0;
      const sentences = this.whole[i] ? this.splitBlock(start, end) : [[start, end] as const];
      for (let s = sentences.length - 1; s >= 0 && found === null; s -= 1) {
        const sentence = sentences[s];
        if (sentence) found = this.lastOutletIn(sentence[0], sentence[1], block);
      }
    }
    this.clear();
    return found;
  }

  /** The last outlet named in the sentence `[start, end)`, as the detector remembers it, or null. */
  private lastOutletIn(start: number, end: number, block: number): Antecedent | null {
    const mentions = this.index.mentions(this.text, start, end);
    for (let i = mentions.length - 1; i >= 0; i -= 1) {
      const m = mentions[i];
      if (m && isOutletType(m.source.type)) return mentionAntecedent(m, block);
    }
    return null;
  }
}
