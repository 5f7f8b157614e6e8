/** The choices of a credibility tier `<select>` (the popup's rating picker, the options page's rating form). */
import { CREDIBILITY_TIERS, TIER_LABELS } from '../lib/model';

/** One `<option>` per credibility tier, in the model's order, labelled as everywhere else. */
export function TierOptions() {
  return (
    <>
      {CREDIBILITY_TIERS.map((tier) => (
        <option key={tier} value={tier}>
          {TIER_LABELS[tier]}
        </option>
      ))}
    </>
  );
}
