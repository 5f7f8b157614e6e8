/**
 * Re-attaching an orphaned annotation (one its page no longer holds) to text the user selected on
 * the page, by hand: the annotation keeps everything the user wrote, only its target moves. Pure.
 */
import type { Annotation, TextPositionSelector, TextQuoteSelector } from '../model';

/**
 * `annotation` with its target replaced by the selection's selectors and `updatedAt` stamped
 * (so the move wins over older copies wherever it syncs). Note, verdict, source, tags, kind and
 * `createdAt` stay as they were.
 */
export function reattachAnnotation(annotation: Annotation, selectors: readonly [TextQuoteSelector, TextPositionSelector], now: Date): Annotation {
  return {
    ...annotation,
    target: { ...annotation.target, selectors: [{ ...selectors[0] }, { ...selectors[1] }] },
    updatedAt: now.toISOString(),
  };
}
