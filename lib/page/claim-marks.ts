/**
 * What the page marks: detected claims, joined with the saved annotations that anchor onto them.
 * Pure: offsets in the extracted text, no DOM.
 */
import { preparePageText, type AnchorStatus, type OrphanReason, type PageText } from '../anchor/match-quote';
import { anchorQuote, pickSelectors } from '../anchor/text-quote';
import type { Annotation, Attribution, DetectedClaim } from '../model';

/** A saved annotation and the span of the current text it anchors to. */
export type AnchoredAnnotation = {
  annotation: Annotation;
  /** Start offset of the anchored quote in the current text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** The current text of the span, `text.slice(start, end)`. */
  text: string;
  /** How it anchored: the same text where it was, the same text elsewhere, or changed text. */
  status: AnchorStatus;
};

/** A saved annotation that could not be anchored: reported, never dropped, never guessed. */
export type OrphanedAnnotation = {
  annotation: Annotation;
  /** Why it was not anchored. */
  reason: OrphanReason;
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
  /** How that annotation anchored; null without one. */
  anchoring: AnchorStatus | null;
  /** The annotation's stored quote when it re-attached to changed text (`fuzzy`), else null. */
  previousText: string | null;
};

/** The result of anchoring saved annotations on the current text. */
export type AnchoringResult = {
  /** Annotations found on the page, with where. */
  anchored: AnchoredAnnotation[];
  /** Annotations whose quote is gone or ambiguous, with why: reported, never guessed. */
  orphaned: OrphanedAnnotation[];
};

/**
 * Anchor every saved annotation on the page's text by its selectors. Pass a `PageText` prepared
 * once per extraction (run-page does) so repeated anchoring shares the normalised text.
 */
export function anchorAnnotations(page: PageText | string, annotations: readonly Annotation[]): AnchoringResult {
  const prepared = typeof page === 'string' ? preparePageText(page) : page;
  const anchored: AnchoredAnnotation[] = [];
  const orphaned: OrphanedAnnotation[] = [];
  for (const annotation of annotations) {
    const result = anchorQuote(prepared, annotation.target.selectors);
    if (result.status === 'orphan') {
      orphaned.push({ annotation, reason: result.reason });
    } else {
      const { start, end, status } = result;
      anchored.push({ annotation, start, end, status, text: prepared.text.slice(start, end) });
    }
  }
  return { anchored, orphaned };
}

/** The stored quote of an annotation ('' when it has none). */
export function storedQuote(annotation: Annotation): string {
  return pickSelectors(annotation.target.selectors).quote?.exact ?? '';
}

/** What a mark says about its annotation's anchoring. */
function anchoringOf(anchored: AnchoredAnnotation | null): Pick<ClaimMark, 'anchoring' | 'previousText'> {
  if (!anchored) return { anchoring: null, previousText: null };
  return {
    anchoring: anchored.status,
    previousText: anchored.status === 'fuzzy' ? storedQuote(anchored.annotation) : null,
  };
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
 * highlight, a sentence detection no longer flags, or changed text detection does not flag)
 * becomes a mark of its own, with the attributions saved with it: a saved highlight shows
 * whatever detection now thinks. Sorted by start, detected claims first on a tie.
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
      ...anchoringOf(best),
    };
  });
  for (const candidate of anchored) {
    if (used.has(candidate)) continue;
    marks.push({
      start: candidate.start,
      end: candidate.end,
      text: candidate.text,
      attributions: candidate.annotation.attributions,
      detected: false,
      annotation: candidate.annotation,
      ...anchoringOf(candidate),
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
