/** Taking back a "not a claim" correction. Pure. */
import type { Annotation } from '../model';
import { isUserAttribution } from '../sources/choose-source';

/** What undoing a dismissal does to its annotation. */
export type UndoDismissal =
  /** Nothing else of the user's is on it: delete it (a tombstone), and detection's suggestion is back. */
  | { action: 'delete' }
  /** It holds a note, tags or a chosen source: keep it, without the verdict. */
  | { action: 'save'; annotation: Annotation };

/**
 * Undo "not a claim" on `annotation`. Its verdict goes. When it holds nothing else of the user's
 * (no note, no tags, no source they chose) it is deleted, so the sentence is a plain detected
 * claim again. Otherwise it stays, `corrected` when its source is the user's, else `confirmed`.
 */
export function undoDismissal(annotation: Annotation, now: Date): UndoDismissal {
  const chosenSource = annotation.attributions.some(isUserAttribution);
  if (annotation.note.trim() === '' && annotation.tags.length === 0 && !chosenSource) return { action: 'delete' };
  const { verdict: _dropped, ...rest } = annotation;
  return {
    action: 'save',
    annotation: { ...rest, origin: chosenSource ? 'corrected' : 'confirmed', updatedAt: now.toISOString() },
  };
}
