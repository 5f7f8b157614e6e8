/** Finds the stored annotation a detected claim already has, so saving updates it instead of duplicating it. */
import { quoteKey } from '../anchor/match-quote';
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
 * Quotes compare in matching form (`quoteKey`: normalised, typography folded), as anchoring does,
 * so a quote stored before normalisation still matches. Only `kind: 'claim'` annotations match
 * by selectors: a highlight or note on the same sentence is a different annotation and must not
 * be turned into a claim.
 */
export function findAnnotationForClaim(claim: PageClaim, annotations: readonly Annotation[]): Annotation | undefined {
  if (claim.annotationId) {
    const byId = annotations.find((a) => a.id === claim.annotationId);
    if (byId) return byId;
  }
  const [quote, position] = claim.selectors;
  const wanted = quoteKey(quote);
  const claimAnnotations = annotations.filter((a) => a.kind === 'claim');
  const keyOf = (a: Annotation) => {
    const q = quoteSelectorOf(a);
    return q ? quoteKey(q) : undefined;
  };
  const samePlace = claimAnnotations.find((a) => {
    const p = positionSelectorOf(a);
    return p?.start === position.start && p.end === position.end && keyOf(a)?.exact === wanted.exact;
  });
  if (samePlace) return samePlace;
  return claimAnnotations.find((a) => {
    const q = keyOf(a);
    return q?.exact === wanted.exact && q.prefix === wanted.prefix && q.suffix === wanted.suffix;
  });
}
