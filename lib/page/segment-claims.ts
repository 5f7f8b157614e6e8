/**
 * Detection and anchoring one segment of the page at a time (see page-text.ts). Pure: strings
 * and offsets only.
 *
 * Detection reads each segment with the end of the segment before it as context (up to
 * `CONTEXT_BLOCKS` paragraphs, `CONTEXT_CHARS` characters), and keeps only the claims that start
 * in the segment. The first scan of a long page does this only for the segments at the viewport
 * (they are shown first); with the built-in detector it then reads the whole text as one document
 * (`readClaims`, a few blocks per slice), so what follows applies to text added later. Quotation carry-over and pronouns ("he said", "the agency") look back that far;
 * what the detector remembers beyond it (a person's full name given many paragraphs earlier, an
 * acronym defined at the top) is not seen, so on long pages read in slices a few speakers keep
 * the short name the sentence itself uses ("Marchenko" for "Pavel Marchenko"). Sentence spans
 * are the same as one detection over the whole text; pages up to `SINGLE_PASS_LIMIT` characters
 * are read as one segment and come out identical.
 */
import type { AnchoredAnnotation } from './claim-marks';
import type { Attribution, DetectedClaim } from '../model';

/** Paragraphs of the previous segment given to the detector as context. */
export const CONTEXT_BLOCKS = 3;
/** Most characters of context. */
export const CONTEXT_CHARS = 4_000;
/** Characters per segment when a long page is read in slices. */
export const SEGMENT_LENGTH = 24_000;
/**
 * The first segments of a long page are shorter: they are read first (the top of the page is
 * usually what the reader sees) while the detector is still cold, and so paint sooner.
 */
export const FIRST_SEGMENT_LENGTH = 6_000;
/** How many segments are short. */
export const FIRST_SEGMENTS = 4;
/** Pages with at most this much text are read as one segment (one detection, as before slicing). */
export const SINGLE_PASS_LIMIT = 24_000;

/** The length of segment `index` of a long page. */
export function segmentLengthAt(index: number, length = SEGMENT_LENGTH): number {
  return index < FIRST_SEGMENTS ? Math.min(FIRST_SEGMENT_LENGTH, length) : length;
}

/** An attribution with its offsets moved by `delta`. */
function shiftAttribution(attribution: Attribution, delta: number): Attribution {
  return { ...attribution, start: attribution.start + delta, end: attribution.end + delta };
}

/** A claim with every offset (its own and its attributions') moved by `delta`. */
export function shiftClaim(claim: DetectedClaim, delta: number): DetectedClaim {
  if (delta === 0) return claim;
  return {
    ...claim,
    start: claim.start + delta,
    end: claim.end + delta,
    attributions: claim.attributions.map((a) => shiftAttribution(a, delta)),
  };
}

/**
 * The claims of `text` (a segment) read after `context` (the end of the text before it, ending
 * with a block separator, or ''). Offsets are the segment's; an attribution carried over from
 * the context has negative offsets (it points into the segment before).
 */
export function detectWithContext(
  detect: (text: string) => DetectedClaim[],
  context: string,
  text: string,
): DetectedClaim[] {
  const claims = detect(context + text);
  const from = context.length;
  return claims.filter((claim) => claim.start >= from).map((claim) => shiftClaim(claim, -from));
}

/** A part `[from, to)` of a segment's text. */
export type Span = { from: number; to: number };

/** True when `[start, end)` lies in `span`. */
export function within(span: Span, start: number, end: number): boolean {
  return start >= span.from && end <= span.to;
}

/** The claims in `span`, with offsets from its start. */
export function claimsIn(claims: readonly DetectedClaim[], span: Span): DetectedClaim[] {
  return claims.filter((c) => within(span, c.start, c.end)).map((c) => shiftClaim(c, -span.from));
}

/** The anchored annotations in `span`, with offsets from its start. */
export function anchoredIn(anchored: readonly AnchoredAnnotation[], span: Span): AnchoredAnnotation[] {
  return anchored
    .filter((a) => within(span, a.start, a.end))
    .map((a) => ({ ...a, start: a.start - span.from, end: a.end - span.from }));
}

/** Segment lengths and offsets, enough to find which segment a page offset is in. */
export type SegmentBounds = { offset: number; length: number };

/**
 * Split annotations anchored on the whole page's text among its segments: for each, the
 * segment's index and the annotation with offsets in that segment. One that straddles two
 * segments (it cannot, short of a bug: segments end at block boundaries) is left out.
 */
export function assignToSegments(
  anchored: readonly AnchoredAnnotation[],
  segments: readonly SegmentBounds[],
): { index: number; anchored: AnchoredAnnotation }[] {
  const result: { index: number; anchored: AnchoredAnnotation }[] = [];
  for (const a of anchored) {
    // Last segment starting at or before the annotation.
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((segments[mid]?.offset ?? 0) <= a.start) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    const segment = segments[found];
    if (!segment || a.end > segment.offset + segment.length) continue;
    result.push({ index: found, anchored: { ...a, start: a.start - segment.offset, end: a.end - segment.offset } });
  }
  return result;
}

/**
 * The order to read segments in: the one at the viewport and the one after it first (what the
 * reader sees is marked first), then the rest from the top.
 */
export function viewportFirst(count: number, atViewport: number): number[] {
  const first = Math.max(0, Math.min(atViewport, count - 1));
  const order = count > 0 ? [first] : [];
  if (first + 1 < count) order.push(first + 1);
  for (let i = 0; i < count; i++) if (i !== first && i !== first + 1) order.push(i);
  return order;
}
