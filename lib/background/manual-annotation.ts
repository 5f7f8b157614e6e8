/** A manual annotation from what the page's editor sent. Pure. */
import type { ManualAnnotationInput } from '../messages';
import type { Annotation } from '../model';
import { attributionFor } from '../sources/choose-source';

/**
 * The annotation to store for a manual selection: `origin: 'manual'`; `kind: 'claim'` with the
 * chosen source as its one attribution when the user named a source, else `kind: 'highlight'`
 * with none. Tags are kept in their order without repeats; a verdict is dated now.
 */
export function buildManualAnnotation(input: ManualAnnotationInput, id: string, now: Date): Annotation {
  const stamp = now.toISOString();
  const { source } = input;
  const annotation: Annotation = {
    id,
    url: input.url,
    pageTitle: input.pageTitle,
    target: { selectors: [{ ...input.quote }, { ...input.position }] },
    kind: source ? 'claim' : 'highlight',
    attributions: source
      ? [
          attributionFor(
            { ref: source.id === null ? null : { id: source.id, name: source.name, type: source.type }, label: source.name, type: source.type },
            input.position,
          ),
        ]
      : [],
    note: input.note,
    tags: [...new Set(input.tags)],
    origin: 'manual',
    createdAt: stamp,
    updatedAt: stamp,
  };
  return input.verdict ? { ...annotation, verdict: { rating: input.verdict.rating, rationale: input.verdict.rationale, ratedAt: stamp } } : annotation;
}
