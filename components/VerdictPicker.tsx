/** The verdict control of a claim card: the ClaimReview-style ratings, or none. */
import { useId } from 'preact/hooks';
import { VERDICT_LABELS, VERDICT_RATINGS, type VerdictRating } from '../lib/model';

/** Props of `VerdictPicker`. */
export type VerdictPickerProps = {
  /** The chosen verdict, or null for none. */
  value: VerdictRating | null;
  /** Called with the new choice. */
  onChange(value: VerdictRating | null): void;
};

function isVerdict(value: string): value is VerdictRating {
  return (VERDICT_RATINGS as readonly string[]).includes(value);
}

/** A `<select>` labelled "Verdict", with an empty "No verdict" option first. */
export function VerdictPicker({ value, onChange }: VerdictPickerProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>Verdict</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          onChange(isVerdict(chosen) ? chosen : null);
        }}
      >
        <option value="">No verdict</option>
        {VERDICT_RATINGS.map((rating) => (
          <option key={rating} value={rating}>
            {VERDICT_LABELS[rating]}
          </option>
        ))}
      </select>
    </div>
  );
}
