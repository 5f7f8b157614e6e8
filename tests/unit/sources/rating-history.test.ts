/** The rating history rule: a new judgement moves the current rating into the history; the same one changes nothing. */
import { describe, expect, it } from 'vitest';
import type { SourceRating } from '../../../lib/model';
import { ratingsNewestFirst, sameJudgement, withNewRating } from '../../../lib/sources/rating-history';
import { makeRating } from '../support/store-fixtures';

const FIRST = makeRating({ ratedAt: '2024-06-01T12:00:00.000Z' });
const LATER = '2024-06-02T08:30:00.000Z';

describe('sameJudgement', () => {
  it('ignores the time of the rating', () => {
    expect(sameJudgement(FIRST, { ...FIRST, ratedAt: LATER })).toBe(true);
  });

  it('treats a missing rater and an empty one alike', () => {
    const unsigned = makeRating();
    expect(sameJudgement(unsigned, { ...unsigned, ratedBy: '' })).toBe(true);
  });

  it.each<[string, Partial<SourceRating>]>([
    ['tier', { tier: 'unreliable' }],
    ['score', { score: 6 }],
    ['score removed', { score: undefined }],
    ['rationale', { rationale: 'Another reason.' }],
    ['evidence added', { evidence: ['https://example.org/a', 'https://example.org/b', 'https://example.org/c'] }],
    ['evidence reordered', { evidence: ['https://example.org/b', 'https://example.org/a'] }],
    ['rater', { ratedBy: 'Someone else' }],
  ])('sees a change of %s', (_what, change) => {
    const base = { ...FIRST, evidence: ['https://example.org/a', 'https://example.org/b'] };
    expect(sameJudgement(base, { ...base, ...change })).toBe(false);
  });
});

describe('withNewRating', () => {
  it('rates an unrated source without inventing history', () => {
    expect(withNewRating({}, FIRST)).toEqual({ rating: FIRST, ratingHistory: [] });
  });

  it('moves the current rating to the end of the history, oldest first', () => {
    const older = makeRating({ tier: 'mixed', ratedAt: '2024-01-01T00:00:00.000Z' });
    const next = makeRating({ tier: 'unreliable', ratedAt: LATER });
    expect(withNewRating({ rating: FIRST, ratingHistory: [older] }, next)).toEqual({ rating: next, ratingHistory: [older, FIRST] });
  });

  it('returns null for the same judgement saved again, so nothing is written', () => {
    expect(withNewRating({ rating: FIRST, ratingHistory: [] }, { ...FIRST, ratedAt: LATER })).toBeNull();
  });

  it('keeps the history of a source that has none current (a revived one)', () => {
    const older = makeRating({ tier: 'mixed' });
    expect(withNewRating({ ratingHistory: [older] }, FIRST)).toEqual({ rating: FIRST, ratingHistory: [older] });
  });

  it('does not change the state it was given', () => {
    const state = { rating: FIRST, ratingHistory: [] as SourceRating[] };
    withNewRating(state, makeRating({ tier: 'reliable' }));
    expect(state).toEqual({ rating: FIRST, ratingHistory: [] });
  });
});

describe('ratingsNewestFirst', () => {
  it('lists the current rating, then the history from the most recent back', () => {
    const a = makeRating({ tier: 'reliable' });
    const b = makeRating({ tier: 'mixed' });
    expect(ratingsNewestFirst({ rating: FIRST, ratingHistory: [a, b] })).toEqual([FIRST, b, a]);
    expect(ratingsNewestFirst({ ratingHistory: [a, b] })).toEqual([b, a]);
    expect(ratingsNewestFirst({})).toEqual([]);
  });
});
