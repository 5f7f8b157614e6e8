/** One detected claim in the popup: its text (click to find it on the page), who it comes from, and the user's note and verdict. */
import { useId, useState } from 'preact/hooks';
import type { Annotation, CredibilityTier, VerdictRating } from '../lib/model';
import type { PageClaim } from '../lib/messages';
import { reattachedFrom, REATTACHED_BADGE } from '../lib/popup/anchoring';
import { AttributionChain } from './AttributionChain';
import { SyncHistory } from './SyncHistory';
import { VerdictPicker } from './VerdictPicker';
import { useDraft } from './use-draft';

/** What the user edits on a claim card. */
export type ClaimDraft = {
  /** The note text. */
  note: string;
  /** The chosen verdict, or null for none. */
  verdict: VerdictRating | null;
  /** The source as typed or picked (a registry name, or a new one); starts as the detected source's name. */
  source: string;
  /** "Share with team": sync sends it when only shared annotations sync. */
  shared: boolean;
};

/** Props of `ClaimCard`. */
export type ClaimCardProps = {
  /** The detected claim. */
  claim: PageClaim;
  /** The stored annotation for this claim, if it was saved. */
  annotation: Annotation | undefined;
  /** The stored rating tier of a source id, for nested sources in the chain. */
  tierOf(sourceId: string): CredibilityTier | undefined;
  /** Store the draft; resolves false when saving failed (the caller has said why). */
  onSave(claim: PageClaim, annotation: Annotation | undefined, draft: ClaimDraft): Promise<boolean>;
  /** Ask the page to scroll to the claim. */
  onShow(start: number): void;
};

/** The id of the hidden hint every claim-text button points to with `aria-describedby`; PopupApp renders it once. */
export const SHOW_ON_PAGE_HINT_ID = 'show-on-page-hint';
/** The id of the `<datalist>` of registry source names every Source field suggests from; PopupApp renders it once. */
export const SOURCE_OPTIONS_ID = 'source-options';

/**
 * `<article data-testid="claim" data-claim-start>`: the claim text as a button that shows it on the
 * page, the attribution chain, an "Annotated" badge once saved (with "Re-attached to changed
 * text" and the text it was saved on, when the page's text changed), a "Note" textarea, a
 * "Verdict" select and a "Save" button. Typed text is kept until it is saved, even across a
 * failed save.
 */
export function ClaimCard({ claim, annotation, tierOf, onSave, onShow }: ClaimCardProps) {
  const noteId = useId();
  const sourceId = useId();
  const sourceHintId = useId();
  const previousId = useId();
  const previous = reattachedFrom(claim, annotation);
  const draft = useDraft<ClaimDraft>({
    note: annotation?.note ?? '',
    verdict: annotation?.verdict?.rating ?? null,
    source: claim.attributions[0]?.label ?? '',
    shared: annotation?.shared === true,
  });
  const corrected = annotation?.origin === 'corrected';
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      await onSave(claim, annotation, draft.latest());
    } finally {
      setSaving(false);
    }
  };

  return (
    <article
      data-testid="claim"
      data-claim-start={claim.start}
      data-anchoring={annotation && claim.anchoring ? claim.anchoring : undefined}
      class={annotation ? 'claim annotated' : 'claim'}
    >
      <button
        type="button"
        class="claim-text"
        data-testid="claim-text"
        aria-describedby={previous === null ? SHOW_ON_PAGE_HINT_ID : `${SHOW_ON_PAGE_HINT_ID} ${previousId}`}
        onClick={() => onShow(claim.start)}
      >
        {claim.text}
      </button>
      {previous !== null && (
        <div class="reattached" data-testid="reattached" id={previousId}>
          <p class="badge">{REATTACHED_BADGE}</p>
          <p class="detail">You saved it on:</p>
          <blockquote class="previous-text" data-testid="previous-text">
            {previous}
          </blockquote>
        </div>
      )}
      {!claim.detected && annotation?.origin === 'manual' && (
        <p class="detail" data-testid="manual">
          Your own annotation, made on text you selected.
        </p>
      )}
      {!claim.detected && annotation?.origin !== 'manual' && (
        <p class="detail" data-testid="not-detected">
          Saved annotation: detection does not flag this text as a claim now.
        </p>
      )}
      <AttributionChain claim={claim} tierOf={tierOf} />
      {annotation && (
        <p class="badge" data-testid="claim-annotated">
          {corrected ? 'Annotated · source corrected by you' : 'Annotated'}
        </p>
      )}
      <div class="field">
        <label for={noteId}>Note</label>
        <textarea
          id={noteId}
          rows={2}
          value={draft.value.note}
          onInput={(event) => {
            const note = event.currentTarget.value;
            draft.set((previous) => ({ ...previous, note }));
          }}
        />
      </div>
      <div class="field">
        <label for={sourceId}>Source</label>
        <input
          id={sourceId}
          type="text"
          list={SOURCE_OPTIONS_ID}
          autocomplete="off"
          aria-describedby={sourceHintId}
          value={draft.value.source}
          onInput={(event) => {
            const source = event.currentTarget.value;
            draft.set((previous) => ({ ...previous, source }));
          }}
        />
        <p class="hint" id={sourceHintId}>
          Wrong source? Pick one from your registry or type a new name.
        </p>
      </div>
      <VerdictPicker value={draft.value.verdict} onChange={(verdict) => draft.set((previous) => ({ ...previous, verdict }))} />
      <label class="field share">
        <input type="checkbox" checked={draft.value.shared} onChange={(event) => {
          const shared = event.currentTarget.checked;
          draft.set((previous) => ({ ...previous, shared }));
        }} /> Share with team
      </label>
      <SyncHistory annotation={annotation} />
      <div class="actions">
        <button type="button" onClick={save} aria-disabled={saving}>
          Save
        </button>
        {draft.dirty && <span class="hint">Unsaved changes</span>}
      </div>
    </article>
  );
}
