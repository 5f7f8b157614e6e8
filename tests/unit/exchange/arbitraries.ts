/**
 * fast-check generators of valid Sourcemark records, for the exchange property tests. Text is
 * drawn from everyday strings, the whole of Unicode and a list of hostile snippets (markup,
 * bidi controls, formula starts, quotes and line breaks), so every format meets what pages hold.
 */
import fc from 'fast-check';
import {
  ANNOTATION_KINDS,
  ANNOTATION_ORIGINS,
  CREDIBILITY_TIERS,
  CUE_STANCES,
  SOURCE_TYPES,
  VERDICT_RATINGS,
  type Annotation,
  type AnnotationVersion,
  type Attribution,
  type Selector,
  type Source,
  type SourceRating,
} from '../../../lib/model';

/** Snippets that have broken exporters and viewers before. */
export const HOSTILE_SNIPPETS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  '=HYPERLINK("http://evil","x")',
  '+1',
  '-2+3',
  '@SUM(A1)',
  '\tTab',
  '"quoted, with comma"',
  'line\r\nbreak',
  '\u0000nul',
  '\ud83d',
  '💥 emoji',
  'ﷺ عربى',
  '{"json": true}',
  '\\u0041',
] as const;

/** Text as pages and people write it, hostile snippets included. */
export const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE_SNIPPETS, ' ', 'said'), { maxLength: 4 }).map((parts) => parts.join('')) },
);

/** Short, non-empty, well-formed text (names, tags). */
export const shortArb = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('KCNA', 'Yonhap', 'TASS', '<b>x</b>', '\u202eRLO', '=1+1'));

/** An ISO 8601 time as the extension writes it. */
export const timeArb = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const offsetArb = fc.nat({ max: 1_000_000 });

export const selectorArb: fc.Arbitrary<Selector> = fc.oneof(
  fc.record({ type: fc.constant('TextQuoteSelector' as const), exact: textArb, prefix: textArb, suffix: textArb }),
  fc.record({ type: fc.constant('TextPositionSelector' as const), start: offsetArb, end: offsetArb }),
);

export const attributionArb: fc.Arbitrary<Attribution> = fc.record({
  source: fc.option(fc.record({ id: shortArb, name: shortArb, type: fc.constantFrom(...SOURCE_TYPES) }), { nil: null }),
  label: shortArb,
  type: fc.constantFrom(...SOURCE_TYPES),
  sourceText: fc.option(shortArb, { nil: null }),
  speaker: fc.option(shortArb, { nil: null }),
  cue: fc.option(shortArb, { nil: null }),
  cueStance: fc.option(fc.constantFrom(...CUE_STANCES), { nil: null }),
  start: offsetArb,
  end: offsetArb,
  reportedBy: fc.option(fc.nat({ max: 3 }), { nil: null }),
  carriedOver: fc.boolean(),
});

/** Ids: UUIDs mostly, and some other strings the store may hold (older test data, hand-made files). */
export const idArb = fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.isWellFormed()) });

const annotationFields = {
  id: idArb,
  url: fc.oneof(fc.webUrl(), fc.constant('https://news.example/a?b=1')),
  pageTitle: textArb,
  target: fc.record({ selectors: fc.array(selectorArb, { maxLength: 3 }) }),
  kind: fc.constantFrom(...ANNOTATION_KINDS),
  attributions: fc.array(attributionArb, { maxLength: 3 }),
  note: textArb,
  tags: fc.array(shortArb, { maxLength: 4 }),
  verdict: fc.record({ rating: fc.constantFrom(...VERDICT_RATINGS), rationale: textArb, ratedAt: timeArb }),
  origin: fc.constantFrom(...ANNOTATION_ORIGINS),
  createdAt: timeArb,
  updatedAt: timeArb,
  deletedAt: timeArb,
  shared: fc.boolean(),
};
const REQUIRED = ['id', 'url', 'pageTitle', 'target', 'kind', 'attributions', 'note', 'tags', 'origin', 'createdAt', 'updatedAt'] as const;

const versionArb: fc.Arbitrary<AnnotationVersion> = fc.record({
  reason: fc.constant('conflict' as const),
  replacedAt: timeArb,
  annotation: fc.record(annotationFields, { requiredKeys: [...REQUIRED] }),
});

/** One annotation; optional fields are sometimes absent, as in the store. */
export const annotationArb: fc.Arbitrary<Annotation> = fc.record(
  { ...annotationFields, history: fc.array(versionArb, { maxLength: 2 }) },
  { requiredKeys: [...REQUIRED] },
);

/** Annotations with distinct ids, as a store holds them. */
export const annotationsArb = (maxLength = 12) => fc.uniqueArray(annotationArb, { selector: (a) => a.id, maxLength });

const ratingArb: fc.Arbitrary<SourceRating> = fc.record(
  {
    tier: fc.constantFrom(...CREDIBILITY_TIERS),
    score: fc.integer({ min: 0, max: 100 }),
    rationale: textArb,
    evidence: fc.array(fc.webUrl(), { maxLength: 2 }),
    ratedAt: timeArb,
    ratedBy: shortArb,
  },
  { requiredKeys: ['tier', 'rationale', 'evidence', 'ratedAt'] },
);

export const sourceArb: fc.Arbitrary<Source> = fc.record(
  {
    id: idArb,
    name: shortArb,
    aliases: fc.array(shortArb, { maxLength: 3 }),
    type: fc.constantFrom(...SOURCE_TYPES),
    country: fc.constantFrom('RU', 'KP', 'KR', 'US'),
    rating: ratingArb,
    ratingHistory: fc.array(ratingArb, { maxLength: 2 }),
    shared: fc.boolean(),
    deletedAt: timeArb,
    builtin: fc.boolean(),
    updatedAt: timeArb,
  },
  { requiredKeys: ['id', 'name', 'aliases', 'type', 'builtin'] },
);

export const sourcesArb = (maxLength = 5) => fc.uniqueArray(sourceArb, { selector: (s) => s.id, maxLength });
