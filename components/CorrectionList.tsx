/** Sentences of this page the user marked "not a claim": no longer highlighted, listed here with an undo. */
import { useId, useState } from 'preact/hooks';
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
};

/**
 * `<section data-testid="dismissed">` headed "Marked not a claim": one
 * `data-testid="dismissed-claim"` per sentence, with its text, the source detection gave it, and
 * an "Undo" button that makes it a claim again.
 */
export function CorrectionList({ claims, onUndo }: CorrectionListProps) {
  const headingId = useId();
  const [busy, setBusy] = useState<number | null>(null);
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
    <section data-testid="dismissed" class="dismissed" aria-labelledby={headingId}>
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
