/**
 * A fixed, hand-written store for the golden files: every kind of record the formats must carry
 * (a machine detection, a reported chain, a named speaker, each verdict family, a tombstone,
 * conflict history, hostile page text, sources with rating history, a deleted source).
 */
import type { Annotation, Attribution, Source } from '../../../lib/model';
import { makeAnnotation, makeRating, makeSource } from '../support/store-fixtures';

const attribution = (overrides: Partial<Attribution>): Attribution => ({
  source: null,
  label: '',
  type: 'other',
  sourceText: null,
  speaker: null,
  cue: 'said',
  cueStance: 'neutral',
  start: 0,
  end: 0,
  reportedBy: null,
  carriedOver: false,
  ...overrides,
});

const quote = (exact: string, prefix: string, suffix: string, start: number) => [
  { type: 'TextQuoteSelector' as const, exact, prefix, suffix },
  { type: 'TextPositionSelector' as const, start, end: start + exact.length },
];

const detected = makeAnnotation({ id: '0b8e5c1e-0001-4000-8000-000000000001' });

const chain = makeAnnotation({
  id: '0b8e5c1e-0002-4000-8000-000000000002',
  url: 'https://wire.example/seoul-briefing',
  pageTitle: 'Seoul says Pyongyang sent more troops',
  target: { selectors: quote('Yonhap reported that South Korea’s spy service said 3,000 more troops had been sent.', 'the briefing on Tuesday. ', ' The ministry in Moscow', 1040) },
  attributions: [
    attribution({ source: { id: 'yonhap', name: 'Yonhap', type: 'news-agency' }, label: 'Yonhap', type: 'news-agency', sourceText: 'Yonhap', cue: 'reported', start: 1040, end: 1046 }),
    attribution({ label: 'South Korea’s spy service', type: 'government', sourceText: 'South Korea’s spy service', start: 1060, end: 1085, reportedBy: 0 }),
  ],
  note: 'Figure differs from the NIS press release (2,000).\nAsked the ministry, no answer yet.',
  tags: ['troops', 'needs follow-up'],
  verdict: { rating: 'mostly-false', rationale: 'The NIS release says 2,000, not 3,000.', ratedAt: '2024-05-03T08:15:00.000Z' },
  origin: 'confirmed',
  createdAt: '2024-05-03T07:59:00.000Z',
  updatedAt: '2024-05-03T08:15:00.000Z',
  shared: true,
});

const speaker = makeAnnotation({
  id: '0b8e5c1e-0003-4000-8000-000000000003',
  url: 'https://news.example/primorye',
  pageTitle: 'Governor on ferry link',
  target: { selectors: quote('Kozhemyako posted on his Telegram account that the ferry would run weekly.', '', ' Officials in Wonsan', 0) },
  attributions: [
    attribution({ source: { id: 'telegram', name: 'Telegram', type: 'social-media' }, label: 'Telegram', type: 'social-media', sourceText: 'Telegram', speaker: 'Kozhemyako', cue: 'posted on', start: 28, end: 36 }),
  ],
  verdict: { rating: 'unverifiable', rationale: 'No schedule published.', ratedAt: '2024-05-04T12:00:00.000Z' },
  origin: 'corrected',
  createdAt: '2024-05-04T11:00:00.000Z',
  updatedAt: '2024-05-04T12:00:00.000Z',
});

const notAClaim = makeAnnotation({
  id: '0b8e5c1e-0004-4000-8000-000000000004',
  verdict: { rating: 'not-a-claim', rationale: 'A schedule, not a claim.', ratedAt: '2024-05-05T09:00:00.000Z' },
  origin: 'manual',
  updatedAt: '2024-05-05T09:00:00.000Z',
});

const hostile = makeAnnotation({
  id: '0b8e5c1e-0005-4000-8000-000000000005',
  kind: 'highlight',
  attributions: [],
  target: { selectors: quote('<script>alert("x")</script> =1+1 \u202eRLO\u202c', '-prefix', '@suffix', 500) },
  note: '=HYPERLINK("http://evil.example","click"), then "quotes", commas\r\nand lines',
  tags: ['a|b', '+plus'],
  origin: 'manual',
  createdAt: '2024-05-06T10:00:00.000Z',
  updatedAt: '2024-05-06T10:00:00.000Z',
});

const anonymous = makeAnnotation({
  id: '0b8e5c1e-0006-4000-8000-000000000006',
  url: 'https://news.example/talks',
  pageTitle: 'Talks resume',
  target: { selectors: quote('Officials who spoke on condition of anonymity said the talks had resumed.', 'On Friday. ', '', 77) },
  attributions: [attribution({ label: 'Officials who spoke on condition of anonymity', type: 'anonymous', sourceText: 'Officials who spoke on condition of anonymity', start: 77, end: 123 })],
  verdict: { rating: 'true', rationale: '', ratedAt: '2024-05-07T10:00:00.000Z' },
  origin: 'confirmed',
  createdAt: '2024-05-07T09:00:00.000Z',
  updatedAt: '2024-05-07T10:00:00.000Z',
  history: [
    {
      reason: 'conflict',
      replacedAt: '2024-05-07T10:00:00.000Z',
      annotation: makeAnnotation({ id: '0b8e5c1e-0006-4000-8000-000000000006', note: 'Written on the laptop, lost to the phone’s edit', updatedAt: '2024-05-07T09:30:00.000Z' }),
    },
  ],
});

const noteOnly = makeAnnotation({
  id: '0b8e5c1e-0007-4000-8000-000000000007',
  kind: 'note',
  attributions: [],
  note: 'Whole article reads like a press release.',
  tags: ['framing'],
  origin: 'manual',
  createdAt: '2024-05-08T10:00:00.000Z',
  updatedAt: '2024-05-08T10:00:00.000Z',
});

const tombstone = makeAnnotation({ id: '0b8e5c1e-0008-4000-8000-000000000008', deletedAt: '2024-05-09T00:00:00.000Z', updatedAt: '2024-05-09T00:00:00.000Z' });

/** The sample store's annotations, in store order. */
export const SAMPLE_ANNOTATIONS: Annotation[] = [detected, chain, speaker, notAClaim, hostile, anonymous, noteOnly, tombstone];

/** The sample store's sources. */
export const SAMPLE_SOURCES: Source[] = [
  makeSource({
    id: 'kcna',
    name: 'KCNA',
    aliases: ['Korean Central News Agency'],
    type: 'state-media',
    country: 'KP',
    builtin: true,
    rating: makeRating({ ratedBy: 'JK' }),
    ratingHistory: [makeRating({ tier: 'unreliable', score: 20, rationale: 'First look.', ratedAt: '2024-04-01T09:00:00.000Z' })],
  }),
  makeSource({ rating: makeRating({ tier: 'mixed', score: 55, rationale: 'Accurate on schedules, not on figures.', evidence: [] }), shared: true }),
  makeSource({ id: 'old-blog', name: 'Old blog', aliases: [], type: 'other', country: undefined, deletedAt: '2024-05-10T00:00:00.000Z', updatedAt: '2024-05-10T00:00:00.000Z' }),
];

/** The clock and version of the golden exports. */
export const SAMPLE_OPTIONS = { version: '0.1.0', now: new Date('2025-03-04T05:06:07.890Z') };
