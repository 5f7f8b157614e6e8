/**
 * The user's corrections to the machine, applied to what the page marks. Pure: offsets in the
 * extracted text, no DOM.
 *
 * Two corrections exist (both stored as annotations with `origin: 'corrected'`, remembered for
 * the page by its normalised URL and re-anchored like any annotation):
 * - **not a claim**: the verdict `not-a-claim` on a sentence detection flagged. The sentence is
 *   no longer highlighted or tagged; the popup lists it as corrected, with an undo.
 * - **a changed source**: the user replaced the detected attributions with a source picked from
 *   the registry or typed new. The tag and the card show the user's source.
 */
import { buildSelectors } from '../anchor/text-quote';
import type { PageClaim } from '../messages';
import type { Annotation, DetectedClaim } from '../model';
import { isUserAttribution } from '../sources/choose-source';
import { buildMarks, type AnchoredAnnotation, type ClaimMark } from './claim-marks';

/**
 * True when the annotation says its text is not a claim (and a person, not the detector, made
 * that call on a detected sentence: a manual annotation is the user's own and always shown).
 */
export function isDismissal(annotation: Annotation): boolean {
  return annotation.verdict?.rating === 'not-a-claim' && annotation.origin !== 'manual';
}

/** True when the user replaced the detected source of this annotation's claim. */
export function hasCorrectedSource(annotation: Annotation | null): boolean {
  return (
    annotation !== null &&
    annotation.origin === 'corrected' &&
    annotation.attributions.length > 0 &&
    annotation.attributions.some(isUserAttribution)
  );
}

/** Characters two spans share (0 when they only touch). */
function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * True when a dismissal covers a detected claim: they share at least half of the claim (it was
 * saved on the claim's span; the page may have changed a little, or detection may now cut the
 * sentence differently).
 */
function covers(dismissal: AnchoredAnnotation, claim: DetectedClaim): boolean {
  return overlap(dismissal, claim) * 2 >= claim.end - claim.start;
}

/** The anchored annotations that dismiss their text as not a claim. */
export function dismissalsIn(anchored: readonly AnchoredAnnotation[]): AnchoredAnnotation[] {
  return anchored.filter((a) => isDismissal(a.annotation));
}

/**
 * The page's marks with the user's corrections applied: claims the user dismissed as not a claim
 * are left out (and their dismissals make no mark of their own), and a claim whose source the
 * user changed carries the user's attributions. Otherwise as `buildMarks`.
 */
export function buildCorrectedMarks(claims: readonly DetectedClaim[], anchored: readonly AnchoredAnnotation[]): ClaimMark[] {
  const dismissals = dismissalsIn(anchored);
  const keptClaims = dismissals.length === 0 ? claims : claims.filter((claim) => !dismissals.some((d) => covers(d, claim)));
  const keptAnchored = dismissals.length === 0 ? anchored : anchored.filter((a) => !isDismissal(a.annotation));
  const marks = buildMarks(keptClaims, keptAnchored);
  for (const mark of marks) {
    if (mark.detected && hasCorrectedSource(mark.annotation) && mark.annotation) mark.attributions = mark.annotation.attributions;
  }
  return marks;
}

/**
 * The dismissed claims of a segment as the popup lists them: each dismissal's span in page
 * offsets (`offset` is the segment's), with selectors built on `pageText` (the whole page's text)
 * and `dismissed: true`. `detected` says whether detection still flags text there.
 */
export function dismissedClaims(
  anchored: readonly AnchoredAnnotation[],
  claims: readonly DetectedClaim[] | null,
  offset: number,
  pageText: string,
): PageClaim[] {
  return dismissalsIn(anchored).map((d): PageClaim => {
    const start = offset + d.start;
    const end = offset + d.end;
    return {
      start,
      end,
      text: d.text,
      attributions: d.annotation.attributions,
      selectors: buildSelectors(pageText, start, end),
      annotationId: d.annotation.id,
      detected: (claims ?? []).some((claim) => covers(d, claim)),
      anchoring: d.status,
      previousText: null,
      dismissed: true,
    };
  });
}
