/** Finds the stored annotation a detected claim already has, so saving updates it instead of duplicating it. */
import { quoteKey, type QuoteKey } from '../anchor/match-quote';
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
 * be turned into a claim. For many claims against the same annotations, use `annotationMatcher`.
 */
export function findAnnotationForClaim(claim: PageClaim, annotations: readonly Annotation[]): Annotation | undefined {
  return annotationMatcher(annotations)(claim);
}

/** Finds a claim's stored annotation (see `findAnnotationForClaim`). */
export type AnnotationMatcher = (claim: PageClaim) => Annotation | undefined;

/** Lookup key of a position and a matching-form quote. */
const placeKey = (start: number, end: number, exact: string) => `${start}\u0000${end}\u0000${exact}`;
/** Lookup key of a matching-form quote with its context. */
const contextKey = (key: QuoteKey) => `${key.exact}\u0000${key.prefix}\u0000${key.suffix}`;

/**
 * `findAnnotationForClaim` over `annotations`, with the annotations' quotes brought to matching
 * form once, not once per claim: the popup asks for every claim of a page (a hundred or more)
 * against the same annotations, and normalising every stored quote for each claim cost
 * milliseconds per card. Same answers: where several annotations fit, the first in `annotations`.
 */
export function annotationMatcher(annotations: readonly Annotation[]): AnnotationMatcher {
  const byId = new Map<string, Annotation>();
  for (const a of annotations) if (!byId.has(a.id)) byId.set(a.id, a);
  let byPlace: Map<string, Annotation> | null = null;
  let byContext: Map<string, Annotation> | null = null;
  /** Built on the first claim that needs them (most claims of an annotated page match by id). */
  const selectorIndexes = () => {
    if (!byPlace || !byContext) {
      byPlace = new Map();
      byContext = new Map();
      for (const a of annotations) {
        if (a.kind !== 'claim') continue;
        const q = quoteSelectorOf(a);
        if (!q) continue;
        const key = quoteKey(q);
        const p = positionSelectorOf(a);
        if (p) {
          const place = placeKey(p.start, p.end, key.exact);
          if (!byPlace.has(place)) byPlace.set(place, a);
        }
        const context = contextKey(key);
        if (!byContext.has(context)) byContext.set(context, a);
      }
    }
    return { byPlace, byContext };
  };
  return (claim) => {
    if (claim.annotationId) {
      const found = byId.get(claim.annotationId);
      if (found) return found;
    }
    const [quote, position] = claim.selectors;
    const wanted = quoteKey(quote);
    const indexes = selectorIndexes();
    return indexes.byPlace.get(placeKey(position.start, position.end, wanted.exact)) ?? indexes.byContext.get(contextKey(wanted));
  };
}
