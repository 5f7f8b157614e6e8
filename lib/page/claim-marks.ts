/**
 * What the page marks: detected claims, joined with the saved annotations that anchor onto them.
 * Pure: offsets in the extracted text, no DOM.
 */
import { anchorQuote } from '../anchor/text-quote';
import type { Annotation, Attribution, DetectedClaim } from '../model';

/** A saved annotation and the span of the current text it anchors to. */
export type AnchoredAnnotation = {
  annotation: Annotation;
  /** Start offset of the anchored quote in the current text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
};

/** One marked span of the page: a detected claim, or a saved annotation no detection covers. */
export type ClaimMark = {
  /** Start offset in the extracted text; also the claim's id in messages (`page:show-claim`). */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** The detected attributions, or the saved ones for an annotation-only mark. */
  attributions: Attribution[];
  /** True for a claim detection found on the page now; false for an annotation-only mark. */
  detected: boolean;
  /** The saved annotation that overlaps this claim most, if any. */
  annotation: Annotation | null;
};

/** The result of anchoring saved annotations on the current text. */
export type AnchoringResult = {
  /** Annotations found on the page, with where. */
  anchored: AnchoredAnnotation[];
  /** Annotations whose quote is gone or ambiguous: reported, never guessed. */
  orphaned: Annotation[];
};

/** Anchor every saved annotation on `text` by its selectors. */
export function anchorAnnotations(text: string, annotations: readonly Annotation[]): AnchoringResult {
  const anchored: AnchoredAnnotation[] = [];
  const orphaned: Annotation[] = [];
  for (const annotation of annotations) {
    const span = anchorQuote(text, annotation.target.selectors);
    if (span) anchored.push({ annotation, ...span });
    else orphaned.push(annotation);
  }
  return { anchored, orphaned };
}

/** Characters two spans share (0 when they only touch). */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * The annotation that best matches a claim: the same span first, then the largest overlap, then
 * the most recently updated. Null when none overlaps.
 */
function bestAnnotation(claim: DetectedClaim, anchored: readonly AnchoredAnnotation[]): AnchoredAnnotation | null {
  let best: AnchoredAnnotation | null = null;
  let bestScore = 0;
  for (const candidate of anchored) {
    const shared = overlap(claim, candidate);
    if (shared === 0) continue;
    // An exact match beats any partial one: its score exceeds every possible overlap.
    const score = candidate.start === claim.start && candidate.end === claim.end ? Number.MAX_SAFE_INTEGER : shared;
    if (
      score > bestScore ||
      (score === bestScore && best !== null && candidate.annotation.updatedAt > best.annotation.updatedAt)
    ) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Join detected claims with anchored annotations. A claim is annotated when an annotation
 * anchors onto its span or overlaps it; an annotation that overlaps no claim (a manual
 * highlight, or a sentence detection no longer flags) becomes a mark of its own, with the
 * attributions saved with it. Sorted by start, detected claims first on a tie.
 */
export function buildMarks(claims: readonly DetectedClaim[], anchored: readonly AnchoredAnnotation[]): ClaimMark[] {
  const used = new Set<AnchoredAnnotation>();
  const marks: ClaimMark[] = claims.map((claim) => {
    const best = bestAnnotation(claim, anchored);
    for (const candidate of anchored) if (overlap(claim, candidate) > 0) used.add(candidate);
    return {
      start: claim.start,
      end: claim.end,
      text: claim.text,
      attributions: claim.attributions,
      detected: true,
      annotation: best?.annotation ?? null,
    };
  });
  for (const candidate of anchored) {
    if (used.has(candidate)) continue;
    marks.push({
      start: candidate.start,
      end: candidate.end,
      text: candidate.annotation.target.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '',
      attributions: candidate.annotation.attributions,
      detected: false,
      annotation: candidate.annotation,
    });
  }
  return marks.sort((a, b) => a.start - b.start || Number(b.detected) - Number(a.detected));
}

/**
 * The mark containing `offset` (start inclusive, end exclusive); a detected claim wins over an
 * annotation-only mark, and the innermost (latest-starting) over an enclosing one.
 */
export function markAt(marks: readonly ClaimMark[], offset: number): ClaimMark | null {
  let found: ClaimMark | null = null;
  for (const mark of marks) {
    if (mark.start > offset) break; // sorted by start
    if (offset >= mark.end) continue;
    if (!found || (mark.detected && !found.detected) || mark.detected === found.detected) found = mark;
  }
  return found;
}

/** The mark that starts at `start`, preferring a detected claim (the popup names claims by start). */
export function markStartingAt(marks: readonly ClaimMark[], start: number): ClaimMark | null {
  return marks.find((m) => m.start === start && m.detected) ?? marks.find((m) => m.start === start) ?? null;
}
