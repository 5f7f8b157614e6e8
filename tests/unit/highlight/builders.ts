/** Compact builders of attributions, marks, sources and annotations for the highlight and page tests. */
import type { Annotation, Attribution, Source, SourceRating } from '../../../lib/model';
import type { ClaimMark } from '../../../lib/page/claim-marks';

/** An attribution: resolved to a registry source when `id` is given, else unresolved under `label`. */
export function attribution(label: string, overrides: Partial<Attribution> & { id?: string } = {}): Attribution {
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

/** A mark over `text` at `start`. */
export function mark(start: number, text: string, overrides: Partial<ClaimMark> = {}): ClaimMark {
  return {
    start,
    end: start + text.length,
    text,
    attributions: [],
    detected: true,
    annotation: null,
    anchoring: null,
    previousText: null,
    ...overrides,
  };
}

/** A rating with a rationale. */
export function rating(tier: SourceRating['tier'], rationale = ''): SourceRating {
  return { tier, rationale, evidence: [], ratedAt: '2024-01-01T00:00:00.000Z' };
}

/** A stored source. */
export function source(id: string, name: string, overrides: Partial<Source> = {}): Source {
  return { id, name, aliases: [], type: 'other', builtin: false, ...overrides };
}

/** A saved annotation of `exact` at `start` in a text, with its context. */
export function annotation(
  id: string,
  text: string,
  exact: string,
  overrides: Partial<Annotation> = {},
): Annotation {
  const start = text.indexOf(exact);
  if (start === -1) throw new Error(`fixture: ${exact} not in text`);
  const end = start + exact.length;
  return {
    id,
    url: 'https://example.com/a',
    pageTitle: 'Example',
    target: {
      selectors: [
        { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        { type: 'TextPositionSelector', start, end },
      ],
    },
    kind: 'claim',
    attributions: [],
    note: '',
    tags: [],
    origin: 'confirmed',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}
