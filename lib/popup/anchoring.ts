/**
 * What the popup says about how saved annotations anchored on the page: claims re-attached to
 * changed text, and annotations not found at all (orphans). Pure.
 */
import { matchKey } from '../anchor/normalize-text';
import type { OrphanReason } from '../anchor/match-quote';
import type { Annotation, Verdict } from '../model';
import type { PageClaim, PageOrphan } from '../messages';
import { quoteSelectorOf } from './match-annotation';

/** The heading of the orphan list. */
export const ORPHANS_HEADING = 'Not found on this page';
/** The badge of a claim whose annotation re-attached to changed text. */
export const REATTACHED_BADGE = 'Re-attached to changed text';

/** Why an annotation is not on the page, in words (each says "text changed or removed"). */
export const ORPHAN_REASON_TEXT: Record<OrphanReason, string> = {
  'not-found': 'Not found: text changed or removed.',
  ambiguous: 'Not placed: text changed or removed, or it now appears more than once and Sourcemark will not guess which.',
  'no-quote': 'Not found: text changed or removed (this annotation has no saved quote).',
};

/**
 * The text a claim's annotation was saved on, when the page re-attached it to changed text and
 * the stored annotation still holds the old text; else null. Read from the live annotation, so
 * once the user saves the claim again (which stores the new text) the notice goes.
 */
export function reattachedFrom(claim: PageClaim, annotation: Annotation | undefined): string | null {
  if (claim.anchoring !== 'fuzzy' || !annotation) return null;
  const stored = quoteSelectorOf(annotation)?.exact ?? claim.previousText;
  if (!stored) return null;
  return matchKey(stored) === matchKey(claim.selectors[0].exact) ? null : stored;
}

/** An orphan as the popup lists it: the page's report joined with the stored annotation. */
export type OrphanEntry = {
  annotationId: string;
  /** The stored quote. */
  quote: string;
  reason: OrphanReason;
  /** The note, '' when none. */
  note: string;
  verdict: Verdict | undefined;
  /** When the annotation was last saved (ISO 8601), if known. */
  updatedAt: string | undefined;
};

/**
 * The orphans to list, in the page's order, with their note and verdict from the stored
 * annotations (`annotations` is null while they load: the quotes show at once). An orphan whose
 * annotation was deleted since the page reported it is left out.
 */
export function orphanEntries(orphans: readonly PageOrphan[], annotations: readonly Annotation[] | null): OrphanEntry[] {
  const byId = new Map((annotations ?? []).map((a) => [a.id, a]));
  const entries: OrphanEntry[] = [];
  for (const orphan of orphans) {
    const stored = byId.get(orphan.annotationId);
    if (annotations && !stored) continue;
    entries.push({
      annotationId: orphan.annotationId,
      quote: orphan.quote || (stored ? (quoteSelectorOf(stored)?.exact ?? '') : ''),
      reason: orphan.reason,
      note: stored?.note ?? '',
      verdict: stored?.verdict,
      updatedAt: stored?.updatedAt,
    });
  }
  return entries;
}
