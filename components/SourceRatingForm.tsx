/**
 * The options page's rating editor for one source: tier, optional score 0–100, rationale,
 * evidence links (one per line) and who rated. The page checks and stores the draft
 * (lib/sources/rating-input.ts); a refusal marks its field and keeps everything typed.
 */
import { useId, useLayoutEffect } from 'preact/hooks';
import { MAX_EVIDENCE, MAX_RATIONALE_LENGTH, type RatingDraft, type RatingField } from '../lib/sources/rating-input';
import { MAX_RATER_NAME_LENGTH } from '../lib/settings/settings';
import { useFieldForm, type FormSubmitOutcome } from './use-field-form';
import { TierOptions } from './TierOptions';

/** How a rating submit went; a refusal says which field to fix (the page has already announced why). */
export type RatingSubmitOutcome = FormSubmitOutcome<RatingField>;

/** Props of `SourceRatingForm`. */
export type SourceRatingFormProps = {
  /** The source's name, for the form's accessible name ("Rate KCNA"). */
  sourceName: string;
  /** What the fields start with (the current rating, or an empty one with the user's name). */
  initial: RatingDraft;
  /** Check and store the draft; resolves how it went. */
  onSubmit(draft: RatingDraft): Promise<RatingSubmitOutcome>;
  /** The "Cancel" button and Escape. */
  onCancel(): void;
};

/**
 * `<form aria-label="Rate {name}">` with labelled "Credibility tier", "Score (optional, 0–100)",
 * "Rationale", "Evidence links" and "Rated by" controls, "Save rating" and "Cancel". The tier
 * select takes the focus when the form opens; a refused field gets `aria-invalid`, the error
 * beside it, and the focus.
 */
export function SourceRatingForm({ sourceName, initial, onSubmit, onCancel }: SourceRatingFormProps) {
  const ids = {
    tier: useId(),
    score: useId(),
    scoreHint: useId(),
    rationale: useId(),
    evidence: useId(),
    evidenceHint: useId(),
    ratedBy: useId(),
    ratedByHint: useId(),
    error: useId(),
  };
  const { draft, update, saving, refusal, formRef, focusField, submit, invalid, describedBy } = useFieldForm({ initial, ids, onSubmit });

  useLayoutEffect(() => focusField('tier'), []);

  return (
    <form
      ref={formRef}
      class="source-form rating-form"
      aria-label={`Rate ${sourceName}`}
      data-testid="rating-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      noValidate
    >
      <div class="field-row">
        <div class="field">
          <label for={ids.tier}>Credibility tier</label>
          <select
            id={ids.tier}
            value={draft.tier}
            aria-invalid={invalid('tier')}
            aria-describedby={describedBy('tier')}
            onChange={(event) => update({ tier: event.currentTarget.value })}
          >
            <TierOptions />
          </select>
        </div>
        <div class="field">
          <label for={ids.score}>Score (optional, 0–100)</label>
          <input
            id={ids.score}
            class="score"
            type="text"
            inputMode="numeric"
            autocomplete="off"
            value={draft.score}
            aria-invalid={invalid('score')}
            aria-describedby={describedBy('score', ids.scoreHint)}
            onInput={(event) => update({ score: event.currentTarget.value })}
          />
          <p id={ids.scoreHint} class="hint">
            A whole number; higher is more credible.
          </p>
        </div>
      </div>
      <div class="field">
        <label for={ids.rationale}>Rationale</label>
        <textarea
          id={ids.rationale}
          rows={3}
          maxLength={MAX_RATIONALE_LENGTH}
          value={draft.rationale}
          aria-invalid={invalid('rationale')}
          aria-describedby={describedBy('rationale')}
          onInput={(event) => update({ rationale: event.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={ids.evidence}>Evidence links</label>
        <textarea
          id={ids.evidence}
          rows={3}
          value={draft.evidence}
          aria-invalid={invalid('evidence')}
          aria-describedby={describedBy('evidence', ids.evidenceHint)}
          onInput={(event) => update({ evidence: event.currentTarget.value })}
        />
        <p id={ids.evidenceHint} class="hint">
          One link per line, starting with https:// (at most {MAX_EVIDENCE}).
        </p>
      </div>
      <div class="field">
        <label for={ids.ratedBy}>Rated by</label>
        <input
          id={ids.ratedBy}
          type="text"
          autocomplete="name"
          maxLength={MAX_RATER_NAME_LENGTH}
          value={draft.ratedBy}
          aria-invalid={invalid('ratedBy')}
          aria-describedby={describedBy('ratedBy', ids.ratedByHint)}
          onInput={(event) => update({ ratedBy: event.currentTarget.value })}
        />
        <p id={ids.ratedByHint} class="hint">
          Your name or initials; “Your name” at the top of the page fills it in.
        </p>
      </div>
      {refusal && (
        <p id={ids.error} class="form-error" data-testid="form-error">
          {refusal.message}
        </p>
      )}
      <div class="actions">
        <button type="submit" aria-disabled={saving}>
          Save rating
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
