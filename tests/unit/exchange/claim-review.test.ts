/** ClaimReview drafts: the verdict scale, who made the claim, where it appeared, who reviewed it. */
import { describe, expect, it } from 'vitest';
import { collectChunks } from '../../../lib/exchange/chunks';
import { claimantOf, claimReviewChunks, reviewRatingOf, toClaimReview } from '../../../lib/exchange/claim-review';
import { VERDICT_RATINGS, type Attribution } from '../../../lib/model';
import { makeAnnotation } from '../support/store-fixtures';

const verdict = (rating: (typeof VERDICT_RATINGS)[number]) => ({ rating, rationale: 'Because.', ratedAt: '2024-05-03T23:30:00.000-02:00' });
const attribution = (overrides: Partial<Attribution>): Attribution => ({
  source: null,
  label: 'x',
  type: 'other',
  sourceText: 'x',
  speaker: null,
  cue: 'said',
  cueStance: 'neutral',
  start: 0,
  end: 1,
  reportedBy: null,
  carriedOver: false,
  ...overrides,
});

describe('reviewRatingOf', () => {
  it.each([
    ['true', 5, 'True'],
    ['mostly-true', 4, 'Mostly true'],
    ['mixed', 3, 'Mixed'],
    ['mostly-false', 2, 'Mostly false'],
    ['false', 1, 'False'],
  ] as const)('%s is %i of 1..5, named %s', (rating, value, name) => {
    expect(reviewRatingOf(rating)).toEqual({ '@type': 'Rating', alternateName: name, ratingValue: value, bestRating: 5, worstRating: 1 });
  });

  it('unverifiable is named but not placed on the scale', () => {
    expect(reviewRatingOf('unverifiable')).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
  });

  it('not-a-claim gets no rating', () => {
    expect(reviewRatingOf('not-a-claim')).toBeNull();
  });
});

describe('toClaimReview', () => {
  it('drafts a ClaimReview of the quote, the article and the reviewer', () => {
    const reviewer = { '@type': 'Organization' as const, name: 'Fact Desk' };
    expect(toClaimReview(makeAnnotation({ verdict: verdict('false') }), { reviewer })).toEqual({
      '@type': 'ClaimReview',
      identifier: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      claimReviewed: 'state agency KCNA said on Wednesday.',
      reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
      reviewBody: 'Because.',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'KCNA' },
        appearance: { '@type': 'CreativeWork', url: 'https://news.example/korea-russia', headline: 'North Korea and Russia discuss cooperation' },
      },
      author: reviewer,
      datePublished: '2024-05-04',
    });
  });

  it('makes no draft without a verdict, for not-a-claim, for a tombstone or without a quote', () => {
    expect(toClaimReview(makeAnnotation())).toBeNull();
    expect(toClaimReview(makeAnnotation({ verdict: verdict('not-a-claim') }))).toBeNull();
    expect(toClaimReview(makeAnnotation({ verdict: verdict('false'), deletedAt: '2024-06-01T00:00:00.000Z' }))).toBeNull();
    expect(toClaimReview(makeAnnotation({ verdict: verdict('false'), target: { selectors: [{ type: 'TextPositionSelector', start: 1, end: 2 }] } }))).toBeNull();
  });

  it('leaves the author out when no reviewer is given, for the publisher to fill in', () => {
    expect(toClaimReview(makeAnnotation({ verdict: verdict('mixed') }))).not.toHaveProperty('author');
  });

  it.each([
    ['official-person', 'Person'],
    ['anonymous', 'Person'],
    ['government', 'Organization'],
    ['state-media', 'Organization'],
  ] as const)('a %s source is a %s', (type, schemaType) => {
    const draft = toClaimReview(makeAnnotation({ verdict: verdict('mixed'), attributions: [attribution({ type, label: 'Who' })] }));
    expect(draft?.itemReviewed.author).toEqual({ '@type': schemaType, name: 'Who' });
  });

  it('a named speaker is the author, with the outlet as affiliation (but not a platform)', () => {
    const ministry = attribution({ type: 'government', label: 'Foreign ministry', speaker: 'Zakharova' });
    expect(toClaimReview(makeAnnotation({ verdict: verdict('mixed'), attributions: [ministry] }))?.itemReviewed.author).toEqual({
      '@type': 'Person',
      name: 'Zakharova',
      affiliation: { '@type': 'Organization', name: 'Foreign ministry' },
    });
    const telegram = attribution({ type: 'social-media', label: 'Telegram', speaker: 'Kozhemyako' });
    expect(toClaimReview(makeAnnotation({ verdict: verdict('mixed'), attributions: [telegram] }))?.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Kozhemyako' });
  });
});

describe('claimantOf', () => {
  it('is the innermost source of a chain, not the outlet that reports it', () => {
    const yonhap = attribution({ label: 'Yonhap' });
    const nis = attribution({ label: 'NIS', reportedBy: 0 });
    expect(claimantOf([yonhap, nis])?.label).toBe('NIS');
  });

  it('is the first of independent sources, and nothing without one', () => {
    expect(claimantOf([attribution({ label: 'A' }), attribution({ label: 'B' })])?.label).toBe('A');
    expect(claimantOf([])).toBeUndefined();
  });
});

describe('claimReviewChunks', () => {
  it('writes one schema.org JSON-LD document with a @graph of drafts', async () => {
    const doc = JSON.parse(await collectChunks(claimReviewChunks([makeAnnotation({ id: 'a', verdict: verdict('true') }), makeAnnotation({ id: 'b' }), makeAnnotation({ id: 'c', verdict: verdict('false') })])));
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph'].map((d: { identifier: string }) => d.identifier)).toEqual(['urn:sourcemark:annotation:a', 'urn:sourcemark:annotation:c']);
  });

  it('an export with no verdicts is an empty graph', async () => {
    expect(JSON.parse(await collectChunks(claimReviewChunks([makeAnnotation()])))).toEqual({ '@context': 'https://schema.org', '@graph': [] });
  });
});
