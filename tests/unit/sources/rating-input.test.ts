/** The options page's rating editor input: score, evidence links, rater, and the rating they make. */
import { describe, expect, it } from 'vitest';
import {
  draftOfRating,
  MAX_EVIDENCE,
  MAX_RATIONALE_LENGTH,
  parseEvidence,
  parseScore,
  RatingInputError,
  ratingFromDraft,
  type RatingDraft,
} from '../../../lib/sources/rating-input';
import { makeRating } from '../support/store-fixtures';

const NOW = new Date('2024-09-01T10:00:00.000Z');
const DRAFT: RatingDraft = { tier: 'propaganda', score: '', rationale: '', evidence: '', ratedBy: '' };

/** The field of the `RatingInputError` `run` throws. */
function refusedField(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RatingInputError) return error.field;
    throw error;
  }
  throw new Error('expected a RatingInputError');
}

describe('parseScore', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['0', 0],
    [' 42 ', 42],
    ['100', 100],
  ])('%j → %j', (raw, score) => {
    expect(parseScore(raw)).toBe(score);
  });

  it.each(['101', '-1', '4.5', '1e2', 'fifty', '0x10', '1000'])('refuses %j, naming the score field', (raw) => {
    expect(refusedField(() => parseScore(raw))).toBe('score');
    expect(() => parseScore(raw)).toThrow(/whole number from 0 to 100/);
  });
});

describe('parseEvidence', () => {
  it('keeps one link per line, trimmed, blank lines and repeats dropped, in order', () => {
    expect(parseEvidence(' https://a.example/1 \n\nhttp://b.example/2\r\nhttps://a.example/1\n')).toEqual([
      'https://a.example/1',
      'http://b.example/2',
    ]);
    expect(parseEvidence('')).toEqual([]);
  });

  it.each([
    ['a word', 'see the report', /Evidence line 1 .*not a web link/],
    ['a second bad line', 'https://ok.example\njavascript:alert(1)', /Evidence line 2/],
    ['a link without a scheme', 'example.org/report', /not a web link/],
    ['a file link', 'file:///etc/passwd', /not a web link/],
  ])('refuses %s', (_case, raw, message) => {
    expect(() => parseEvidence(raw)).toThrow(message);
    expect(refusedField(() => parseEvidence(raw))).toBe('evidence');
  });

  it(`refuses more than ${MAX_EVIDENCE} links`, () => {
    const lines = Array.from({ length: MAX_EVIDENCE + 1 }, (_, i) => `https://e.example/${i}`).join('\n');
    expect(() => parseEvidence(lines)).toThrow(/at most 20 evidence links/);
  });
});

describe('ratingFromDraft', () => {
  it('makes the rating a full draft describes, stamped now', () => {
    const rating = ratingFromDraft(
      { tier: 'propaganda', score: '5', rationale: '  State-run.\nNo editorial independence.  ', evidence: 'https://rsf.example/kp', ratedBy: '  Ana   K. ' },
      NOW,
    );
    expect(rating).toEqual({
      tier: 'propaganda',
      score: 5,
      rationale: 'State-run.\nNo editorial independence.',
      evidence: ['https://rsf.example/kp'],
      ratedBy: 'Ana K.',
      ratedAt: NOW.toISOString(),
    });
  });

  it('leaves out a score and a rater that were left empty', () => {
    const rating = ratingFromDraft(DRAFT, NOW);
    expect(rating).not.toHaveProperty('score');
    expect(rating).not.toHaveProperty('ratedBy');
    expect(rating).toEqual({ tier: 'propaganda', rationale: '', evidence: [], ratedAt: NOW.toISOString() });
  });

  it.each<[string, Partial<RatingDraft>, string]>([
    ['an unknown tier', { tier: 'great' }, 'tier'],
    ['a bad score', { score: '120' }, 'score'],
    ['a long rationale', { rationale: 'x'.repeat(MAX_RATIONALE_LENGTH + 1) }, 'rationale'],
    ['bad evidence', { evidence: 'not a link' }, 'evidence'],
    ['a long name', { ratedBy: 'n'.repeat(81) }, 'ratedBy'],
  ])('refuses %s, naming its field', (_case, change, field) => {
    expect(refusedField(() => ratingFromDraft({ ...DRAFT, ...change }, NOW))).toBe(field);
  });

  it('round-trips through draftOfRating', () => {
    const rating = makeRating({ ratedBy: 'Ana', evidence: ['https://a.example/1', 'https://b.example/2'] });
    expect(ratingFromDraft(draftOfRating(rating, 'someone else'), new Date(rating.ratedAt))).toEqual(rating);
  });

  it('prefills the rater name for a source not rated yet', () => {
    expect(draftOfRating(undefined, 'Ana')).toEqual({ tier: 'unrated', score: '', rationale: '', evidence: '', ratedBy: 'Ana' });
  });
});
