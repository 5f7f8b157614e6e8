/**
 * Builders for stored records and throwaway databases, shared by the store, exchange and
 * background tests. Every value is fixed (no clock, no randomness but the db name).
 */
import type { Annotation, Source, SourceRating } from '../../../lib/model';
import { openDb, type SourcemarkDb } from '../../../lib/store/db';

/** A fresh database under a unique name, so tests never share state. Pair with `db.delete()`. */
export function openTestDb(): SourcemarkDb {
  return openDb(`sourcemark-test-${crypto.randomUUID()}`);
}

/** A claim annotation on a KCNA sentence, with both selectors; override any field. */
export function makeAnnotation(overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    url: 'https://news.example/korea-russia',
    pageTitle: 'North Korea and Russia discuss cooperation',
    target: {
      selectors: [
        {
          type: 'TextQuoteSelector',
          exact: 'state agency KCNA said on Wednesday.',
          prefix: 'strengthen regional economic co',
          suffix: ' “Elevating economic cooperati',
        },
        { type: 'TextPositionSelector', start: 212, end: 248 },
      ],
    },
    kind: 'claim',
    attributions: [
      {
        source: { id: 'kcna', name: 'KCNA', type: 'state-media' },
        label: 'KCNA',
        type: 'state-media',
        sourceText: 'KCNA',
        speaker: null,
        cue: 'said',
        cueStance: 'neutral',
        start: 225,
        end: 229,
        reportedBy: null,
        carriedOver: false,
      },
    ],
    note: '',
    tags: [],
    origin: 'detected',
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A credibility rating; override any field. */
export function makeRating(overrides: Partial<SourceRating> = {}): SourceRating {
  return {
    tier: 'propaganda',
    score: 5,
    rationale: 'State-run news agency of the DPRK.',
    evidence: ['https://en.wikipedia.org/wiki/Korean_Central_News_Agency'],
    ratedAt: '2024-05-02T09:00:00.000Z',
    ...overrides,
  };
}

/** A stored user source; override any field. */
export function makeSource(overrides: Partial<Source> = {}): Source {
  return {
    id: 'primorsky-governor-office',
    name: 'Primorsky governor’s office',
    aliases: ['Primorye administration'],
    type: 'government',
    country: 'RU',
    builtin: false,
    updatedAt: '2024-05-02T09:00:00.000Z',
    ...overrides,
  };
}
