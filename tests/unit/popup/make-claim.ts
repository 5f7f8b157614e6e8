/** Compact builders of PageClaims and attributions for the pure lib/popup tests. */
import type { Attribution } from '../../../lib/model';
import type { PageClaim } from '../../../lib/messages';

/** An attribution with defaults: resolved when `id` is given, else unresolved under `label`. */
export function attr(label: string, overrides: Partial<Attribution> & { id?: string } = {}): Attribution {
  const { id, ...rest } = overrides;
  const type = rest.type ?? 'other';
  return {
    source: id ? { id, name: label, type } : null,
    label,
    type,
    sourceText: label,
    speaker: null,
    cue: 'said',
    cueStance: 'neutral',
    start: 0,
    end: label.length,
    reportedBy: null,
    carriedOver: false,
    ...rest,
  };
}

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
