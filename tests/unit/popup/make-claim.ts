/** Compact builders of PageClaims and attributions for the pure lib/popup tests. */
import type { Attribution } from '../../../lib/model';
import type { PageClaim } from '../../../lib/messages';

/** An attribution with defaults: the same builder the highlight and page tests use. */
export { attribution as attr } from '../highlight/builders';

/** A claim at `start` with the given attributions; text and selectors are derived. */
export function claimAt(start: number, attributions: Attribution[], text = `Claim at ${start}.`): PageClaim {
  const end = start + text.length;
  return {
    start,
    end,
    text,
    attributions,
    selectors: [
      { type: 'TextQuoteSelector', exact: text, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start, end },
    ],
    annotationId: null,
    detected: true,
    anchoring: null,
    previousText: null,
  };
}
