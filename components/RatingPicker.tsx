/**
 * Rates a source's credibility in the popup: tier and an optional rationale, saved with one
 * button; under them, the stored rating's score and who rated it when (the options page edits
 * score, evidence and rater).
 */
import { useId, useState } from 'preact/hooks';
import { CREDIBILITY_TIERS, type CredibilityTier, type SourceRating } from '../lib/model';
import { raterLine, scoreText } from '../lib/sources/rating-display';
import { useDraft } from './use-draft';
import { TierOptions } from './TierOptions';

/** Props of `RatingPicker`. */
export type RatingPickerProps = {
  /** The source's display name: it goes into the controls' labels, which must differ between groups. */
  sourceName: string;
  /** The stored rating, if any: the controls start from it. */
  rating: SourceRating | undefined;
  /** Store the rating; resolves false when saving failed (the caller has said why). */
  onSave(tier: CredibilityTier, rationale: string): Promise<boolean>;
};

type RatingDraft = { tier: CredibilityTier; rationale: string };

function isTier(value: string): value is CredibilityTier {
  return (CREDIBILITY_TIERS as readonly string[]).includes(value);
}

/**
 * A `<select>` labelled "Credibility of {name}", an `<input>` labelled "Rating rationale for {name}"
 * and a "Save rating" button. Unsaved edits survive a failed save and changes stored elsewhere.
 */
export function RatingPicker({ sourceName, rating, onSave }: RatingPickerProps) {
  const tierId = useId();
  const rationaleId = useId();
  const draft = useDraft<RatingDraft>({ tier: rating?.tier ?? 'unrated', rationale: rating?.rationale ?? '' });
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    try {
      const { tier, rationale } = draft.latest();
      await onSave(tier, rationale);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="rating" role="group" aria-label={`Rating of ${sourceName}`}>
      <div class="field">
        <label for={tierId}>Credibility of {sourceName}</label>
        <select
          id={tierId}
          value={draft.value.tier}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            if (isTier(chosen)) draft.set((previous) => ({ ...previous, tier: chosen }));
          }}
        >
          <TierOptions />
        </select>
      </div>
      <div class="field">
        <label for={rationaleId}>Rating rationale for {sourceName}</label>
        <input
          id={rationaleId}
          type="text"
          value={draft.value.rationale}
          placeholder="Optional: why this tier"
          onInput={(event) => {
            const rationale = event.currentTarget.value;
            draft.set((previous) => ({ ...previous, rationale }));
          }}
        />
      </div>
      {rating && (
        <p class="hint rating-meta" data-testid="rating-meta">
          {rating.score !== undefined && `${scoreText(rating.score)} · `}
          <time dateTime={rating.ratedAt}>{raterLine(rating)}</time>
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={save} aria-disabled={saving}>
          Save rating
        </button>
        {draft.dirty && <span class="hint">Unsaved changes</span>}
      </div>
    </div>
  );
}
