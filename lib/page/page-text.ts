/**
 * The page's text as a sequence of independently extracted segments, so that a page which
 * changes is read again only where it changed. Each segment holds its own text and text nodes
 * (an `ExtractedText`) and whatever the pipeline keeps about it (`data`: its claims, anchored
 * annotations and drawn marks, in the segment's own offsets). The page's text is the segments'
 * texts in document order joined by `BLOCK_SEPARATOR`: exactly what one `extractText` of the
 * whole page gives, because every segment starts and ends at a block boundary.
 *
 * - A long page is extracted as segments of about `SEGMENT_LENGTH` characters, one slice at a
 *   time (`createTextWalker`).
 * - Added or changed blocks are extracted on their own and inserted in document order.
 * - Removed text is cut out of its segment, which splits around the cut; the parts keep their
 *   data (rebased by the caller).
 */
import {
  BLOCK_SEPARATOR,
  chunkEnd,
  chunkIndexOf,
  sliceExtraction,
  type ExtractedText,
} from '../anchor/dom-text';

/** One independently extracted part of the page. */
export type Segment<D> = {
  /** Unique per model; segments are never reused. */
  readonly id: number;
  /** Its text and text nodes, offsets from the segment's start. */
  extracted: ExtractedText;
  /** Offset of its first character in the page's text. */
  offset: number;
  /** What the pipeline keeps about it. */
  data: D;
  /** False once the segment has left the model (cut, replaced, reset). */
  live: boolean;
};

/** A kept part of a segment that was cut: the characters `[from, to)` of the old segment's text. */
export type SegmentPart = { from: number; to: number };

/** What a change did to the model. */
export type ModelChange<D> = {
  /** Segments that left the model (their data's marks must be undrawn unless carried over). */
  removed: Segment<D>[];
  /** Segments that entered it. */
  added: Segment<D>[];
};

/** The page's text, segment by segment. */
export type PageTextModel<D> = {
  /** The segments, in document order. */
  readonly segments: readonly Segment<D>[];
  /** Length of the page's text (separators included). */
  readonly length: number;
  /** The page's text (built on demand, cached until the next change). */
  text(): string;
  /** Replace everything. */
  reset(parts: readonly { extracted: ExtractedText; data: D }[]): Segment<D>[];
  /** Insert segments at `index` (their order kept). */
  insert(index: number, parts: readonly { extracted: ExtractedText; data: D }[]): Segment<D>[];
  /**
   * Cut these text nodes' characters out of their segments. A segment that loses chunks is
   * replaced by the runs of chunks it keeps (`rebase` turns its data into each part's). Callers
   * cut whole blocks only, so each part starts and ends at a block boundary.
   */
  cut(nodes: Iterable<Text>, rebase: (segment: Segment<D>, part: SegmentPart) => D): ModelChange<D>;
  /** Give a segment a new extraction of the same text (text nodes split by the `<mark>` fallback). */
  remap(segment: Segment<D>, extracted: ExtractedText): void;
  /** The live segment a text node's characters are in, or null. */
  segmentOf(node: Node): Segment<D> | null;
  /** The segment holding page offset `offset` (a separator belongs to the segment before it). */
  segmentAt(offset: number): Segment<D> | null;
  /** The page offset of a DOM position (a text node and an offset in it), or null outside the text. */
  offsetOf(node: Node, offset: number): number | null;
  /** Where a segment holding `node` belongs: the index of the first segment after it in document order. */
  insertionIndex(node: Node): number;
  /** Up to `maxChars` of the end of the text before segment `index` (whole blocks), with a trailing separator; '' at the start. */
  contextBefore(index: number, maxBlocks: number, maxChars: number): string;
  /** Up to `maxChars` of the start of the text after segment `index`, with a leading separator; '' at the end. */
  contextAfter(index: number, maxChars: number): string;
};

/** `text` cut back to its last `maxBlocks` blocks, at most `maxChars` characters (whole blocks when they fit). */
export function lastBlocks(text: string, maxBlocks: number, maxChars: number): string {
  let from = text.length;
  for (let blocks = 0; blocks < maxBlocks && from > 0; blocks++) {
    const at = text.lastIndexOf(BLOCK_SEPARATOR, from - BLOCK_SEPARATOR.length - 1);
    const start = at === -1 ? 0 : at + BLOCK_SEPARATOR.length;
    if (text.length - start > maxChars) break;
    from = start;
  }
  return text.slice(from);
}

/** An empty model. */
export function createPageTextModel<D>(): PageTextModel<D> {
  let segments: Segment<D>[] = [];
  let length = 0;
  let cachedText: string | null = null;
  let nextId = 1;
  // A Map, not a WeakMap: the model holds its text nodes anyway (in its chunks), entries go with
  // their segments, and tens of thousands of weak keys make the browser's full GCs long.
  const owners = new Map<Text, Segment<D>>();

  const make = (extracted: ExtractedText, data: D): Segment<D> => {
    const segment: Segment<D> = { id: nextId++, extracted, offset: 0, data, live: true };
    for (const chunk of extracted.chunks) owners.set(chunk.node, segment);
    return segment;
  };

  const renumber = () => {
    let offset = 0;
    for (const segment of segments) {
      segment.offset = offset;
      offset += segment.extracted.text.length + BLOCK_SEPARATOR.length;
    }
    length = segments.length > 0 ? offset - BLOCK_SEPARATOR.length : 0;
    cachedText = null;
  };

  const segmentOf = (node: Node): Segment<D> | null => {
    if (node.nodeType !== 3 /* TEXT_NODE */) return null;
    const segment = owners.get(node as Text);
    return segment?.live ? segment : null;
  };

  const model: PageTextModel<D> = {
    get segments() {
      return segments;
    },
    get length() {
      return length;
    },
    text() {
      cachedText ??= segments.map((s) => s.extracted.text).join(BLOCK_SEPARATOR);
      return cachedText;
    },
    reset(parts) {
      for (const segment of segments) segment.live = false;
      owners.clear();
      segments = parts.map((p) => make(p.extracted, p.data));
      renumber();
      return segments;
    },
    insert(index, parts) {
      const added = parts.map((p) => make(p.extracted, p.data));
      segments.splice(Math.max(0, Math.min(index, segments.length)), 0, ...added);
      renumber();
      return added;
    },
    cut(nodes, rebase) {
      const bySegment = new Map<Segment<D>, Set<number>>();
      for (const node of nodes) {
        const segment = segmentOf(node);
        if (!segment) continue;
        const index = chunkIndexOf(segment.extracted, node);
        if (index < 0) continue;
        let set = bySegment.get(segment);
        if (!set) bySegment.set(segment, (set = new Set()));
        set.add(index);
      }
      const removed: Segment<D>[] = [];
      const added: Segment<D>[] = [];
      for (const [segment, cutIndexes] of bySegment) {
        const { extracted } = segment;
        const parts: Segment<D>[] = [];
        let runStart = -1;
        const keep = (from: number, to: number) => {
          const part: SegmentPart = { from: extracted.chunks[from]?.start ?? 0, to: chunkEnd(extracted, to) };
          parts.push(make(sliceExtraction(extracted, from, to), rebase(segment, part)));
        };
        for (let i = 0; i <= extracted.chunks.length; i++) {
          const kept = i < extracted.chunks.length && !cutIndexes.has(i);
          if (kept && runStart === -1) runStart = i;
          if (!kept && runStart !== -1) {
            keep(runStart, i - 1);
            runStart = -1;
          }
        }
        for (const index of cutIndexes) {
          const node = extracted.chunks[index]?.node;
          if (node && owners.get(node) === segment) owners.delete(node);
        }
        segment.live = false;
        removed.push(segment);
        added.push(...parts);
        const at = segments.indexOf(segment);
        if (at !== -1) segments.splice(at, 1, ...parts);
      }
      if (bySegment.size > 0) renumber();
      return { removed, added };
    },
    remap(segment, extracted) {
      if (extracted === segment.extracted) return;
      segment.extracted = extracted;
      for (const chunk of extracted.chunks) owners.set(chunk.node, segment);
    },
    segmentOf,
    segmentAt(offset) {
      let low = 0;
      let high = segments.length - 1;
      let found: Segment<D> | null = null;
      while (low <= high) {
        const mid = (low + high) >> 1;
        const segment = segments[mid];
        if (!segment) break;
        if (segment.offset <= offset) {
          found = segment;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return found;
    },
    offsetOf(node, offset) {
      const segment = segmentOf(node);
      if (!segment) return null;
      const chunk = segment.extracted.chunks[chunkIndexOf(segment.extracted, node)];
      if (!chunk) return null;
      return segment.offset + chunk.start + Math.max(0, Math.min(offset, chunk.node.data.length));
    },
    insertionIndex(node) {
      let low = 0;
      let high = segments.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        const first = segments[mid]?.extracted.chunks[0]?.node;
        // FOLLOWING: the segment's first node comes after `node` (4 = Node.DOCUMENT_POSITION_FOLLOWING).
        const after = !first || (node.compareDocumentPosition(first) & 4) !== 0;
        if (after) high = mid;
        else low = mid + 1;
      }
      return low;
    },
    contextBefore(index, maxBlocks, maxChars) {
      const previous = segments[index - 1];
      if (!previous) return '';
      const tail = lastBlocks(previous.extracted.text, maxBlocks, maxChars);
      return tail ? tail + BLOCK_SEPARATOR : '';
    },
    contextAfter(index, maxChars) {
      const next = segments[index + 1];
      if (!next) return '';
      return BLOCK_SEPARATOR + next.extracted.text.slice(0, maxChars);
    },
  };
  return model;
}
