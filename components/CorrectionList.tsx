/** Sentences of this page the user marked "not a claim": no longer highlighted, listed here with an undo. */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { PageClaim } from '../lib/messages';
import { sourceLabel } from '../lib/highlight/claim-label';
import { countOf, excerpt } from '../lib/popup/labels';

/** The heading of the list. */
export const DISMISSED_HEADING = 'Marked not a claim';

/** Props of `CorrectionList`. */
export type CorrectionListProps = {
  /** The page's dismissed claims (`PageClaim.dismissed`), in page order. */
  claims: readonly PageClaim[];
  /** Take the correction back; resolves false when that failed (the caller has said why). */
  onUndo(claim: PageClaim): Promise<boolean>;
  /**
   * The start of a claim just marked "not a claim": its Undo button takes keyboard focus (the
   * claim's card, where focus was, has left the list).
   */
  focusStart?: number | null;
};

/**
 * `<section data-testid="dismissed">` headed "Marked not a claim": one
 * `data-testid="dismissed-claim"` per sentence, with its text, the source detection gave it, and
 * an "Undo" button that makes it a claim again.
 */
export function CorrectionList({ claims, onUndo, focusStart = null }: CorrectionListProps) {
  const headingId = useId();
  const [busy, setBusy] = useState<number | null>(null);
  const section = useRef<HTMLElement>(null);
  /** The claim focus was last moved to: once per dismissal, not on every later re-read of the page. */
  const focused = useRef<number | null>(null);
  useEffect(() => {
    if (focusStart === null) {
      focused.current = null;
      return;
    }
    if (focused.current === focusStart) return;
    const button = section.current?.querySelector<HTMLButtonElement>(`[data-claim-start="${focusStart}"] button`);
    if (!button) return;
    button.focus();
    focused.current = focusStart;
  }, [focusStart, claims]);
  if (claims.length === 0) return null;
  const undo = async (claim: PageClaim) => {
    if (busy !== null) return;
    setBusy(claim.start);
    try {
      await onUndo(claim);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section ref={section} data-testid="dismissed" class="dismissed" aria-labelledby={headingId}>
      <h2 id={headingId}>{DISMISSED_HEADING}</h2>
      <p class="detail">
        You corrected the detector: {countOf(claims.length, 'sentence')} on this page {claims.length === 1 ? 'is' : 'are'} not
        highlighted as {claims.length === 1 ? 'a claim' : 'claims'}.
      </p>
      {claims.map((claim) => (
        <article key={claim.start} data-testid="dismissed-claim" data-claim-start={claim.start} class="claim dismissed-claim">
          <blockquote class="orphan-quote">{claim.text}</blockquote>
          {claim.attributions.length > 0 && <p class="detail">Source: {sourceLabel(claim.attributions)}</p>}
          <p class="badge">Corrected: not a claim</p>
          <div class="actions">
            <button
              type="button"
              class="secondary"
              aria-label={`Undo “not a claim” on “${excerpt(claim.text)}”`}
              aria-disabled={busy !== null}
              onClick={() => void undo(claim)}
            >
              Undo
            </button>
          </div>
        </article>
      ))}
    </section>
  );
}
