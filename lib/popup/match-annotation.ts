/** Finds the stored annotation a detected claim already has, so saving updates it instead of duplicating it. */
import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../model';
import type { PageClaim } from '../messages';

/** The quote selector of an annotation, if it has one. */
export function quoteSelectorOf(annotation: Annotation): TextQuoteSelector | undefined {
  return annotation.target.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

/** The position selector of an annotation, if it has one. */
export function positionSelectorOf(annotation: Annotation): TextPositionSelector | undefined {
  return annotation.target.selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

/**
 * The stored annotation for `claim`, strongest evidence first:
 * 1. the id the content script anchored on this claim (`claim.annotationId`);
 * 2. a claim annotation at the same position with the same quote;
 * 3. a claim annotation with the same quote and context (the page's text moved, e.g. a banner was added).
 * Only `kind: 'claim'` annotations match by selectors: a highlight or note on the same sentence
 * is a different annotation and must not be turned into a claim.
 */
export function findAnnotationForClaim(claim: PageClaim, annotations: readonly Annotation[]): Annotation | undefined {
  if (claim.annotationId) {
    const byId = annotations.find((a) => a.id === claim.annotationId);
    if (byId) return byId;
  }
  const [quote, position] = claim.selectors;
  const claimAnnotations = annotations.filter((a) => a.kind === 'claim');
  const samePlace = claimAnnotations.find((a) => {
    const p = positionSelectorOf(a);
    return p?.start === position.start && p.end === position.end && quoteSelectorOf(a)?.exact === quote.exact;
  });
  if (samePlace) return samePlace;
  return claimAnnotations.find((a) => {
    const q = quoteSelectorOf(a);
    return q?.exact === quote.exact && q.prefix === quote.prefix && q.suffix === quote.suffix;
  });
}
