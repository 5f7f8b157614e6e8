import { describe, expect, it } from 'vitest';
import { buildAnnotation } from '../../../lib/popup/build-annotation';
import type { Annotation } from '../../../lib/model';
import { attr, claimAt } from './make-claim';

const page = { url: 'https://news.example/a', title: 'A page' };
const now = new Date('2026-11-27T10:00:00.000Z');
const later = new Date('2026-11-28T09:30:00.000Z');
const claim = claimAt(120, [attr('KCNA', { id: 'kcna', type: 'state-media' })], 'KCNA said the talks went well.');

function existing(overrides: Partial<Annotation> = {}): Annotation {
  return {
    ...buildAnnotation({ claim, existing: undefined, note: 'old', verdict: 'mixed', page, now, newId: () => 'id-1' }),
    ...overrides,
  };
}

describe('buildAnnotation', () => {
  it('creates a confirmed claim annotation from the claim, with both selectors and its attributions', () => {
    const a = buildAnnotation({ claim, existing: undefined, note: 'Check this', verdict: 'false', page, now, newId: () => 'id-1' });
    expect(a).toEqual({
      id: 'id-1',
      url: page.url,
      pageTitle: page.title,
      target: { selectors: claim.selectors },
      kind: 'claim',
      attributions: claim.attributions,
      note: 'Check this',
      tags: [],
      verdict: { rating: 'false', rationale: '', ratedAt: now.toISOString() },
      origin: 'confirmed',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
  });

  it('uses a random UUID by default', () => {
    const a = buildAnnotation({ claim, existing: undefined, note: '', verdict: null, page, now });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('stores no verdict key when none is chosen', () => {
    const a = buildAnnotation({ claim, existing: existing(), note: 'x', verdict: null, page, now: later });
    expect('verdict' in a).toBe(false);
  });

  it('updates in place: same id, creation time and tags; new note', () => {
    const a = buildAnnotation({ claim, existing: existing({ tags: ['dprk'] }), note: 'new', verdict: 'mixed', page, now: later });
    expect(a).toMatchObject({ id: 'id-1', createdAt: now.toISOString(), updatedAt: later.toISOString(), tags: ['dprk'], note: 'new' });
  });

  it.each([
    ['the same rating keeps the verdict’s time and rationale', 'mixed', { rating: 'mixed', rationale: 'why', ratedAt: now.toISOString() }],
    ['a new rating is dated now and keeps the rationale', 'true', { rating: 'true', rationale: 'why', ratedAt: later.toISOString() }],
  ] as const)('%s', (_name, rating, verdict) => {
    const previous = existing({ verdict: { rating: 'mixed', rationale: 'why', ratedAt: now.toISOString() } });
    expect(buildAnnotation({ claim, existing: previous, note: '', verdict: rating, page, now: later }).verdict).toEqual(verdict);
  });

  const moved = claimAt(140, [attr('Yonhap', { id: 'yonhap', type: 'news-agency' })], 'KCNA said the talks went well.');
  it.each([
    ['detected', 'confirmed', moved.selectors, moved.attributions],
    ['confirmed', 'confirmed', moved.selectors, moved.attributions],
    ['corrected', 'corrected', claim.selectors, claim.attributions],
    ['manual', 'manual', claim.selectors, claim.attributions],
  ] as const)('an existing %s annotation becomes %s, with the right target and attributions', (origin, expected, selectors, attributions) => {
    const a = buildAnnotation({ claim: moved, existing: existing({ origin }), note: '', verdict: null, page, now: later });
    expect(a.origin).toBe(expected);
    expect(a.target.selectors).toEqual(selectors);
    expect(a.attributions).toEqual(attributions);
  });
});

describe('buildAnnotation: corrections to the detector', () => {
  const tass = { ref: { id: 'tass', name: 'TASS', type: 'state-media' as const }, label: 'TASS', type: 'state-media' as const };

  it.each([
    ['new, "not a claim"', 'corrected', undefined, 'not-a-claim', null],
    ['new, source changed', 'corrected', undefined, null, tass],
    ['new, a verdict of truth', 'confirmed', undefined, 'false', null],
    ['confirmed, then "not a claim"', 'corrected', 'confirmed', 'not-a-claim', null],
    ['corrected, then a note', 'corrected', 'corrected', null, null],
    ['manual, then "not a claim"', 'manual', 'manual', 'not-a-claim', null],
    ['manual, source changed', 'manual', 'manual', null, tass],
  ] as const)('%s → origin %s', (_name, expected, origin, verdict, source) => {
    const previous = origin === undefined ? undefined : existing({ origin });
    const a = buildAnnotation({ claim, existing: previous, note: '', verdict, source, page, now: later });
    expect(a.origin).toBe(expected);
  });

  it('a changed source replaces the attributions with the chosen one (no cue: the user named it)', () => {
    const a = buildAnnotation({ claim, existing: existing(), note: '', verdict: null, source: tass, page, now: later });
    expect(a.attributions).toEqual([
      expect.objectContaining({ source: tass.ref, label: 'TASS', type: 'state-media', cue: null, sourceText: null, carriedOver: false }),
    ]);
    expect(a.target.selectors).toEqual(claim.selectors);
  });

  it('a corrected annotation keeps its chosen source when saved again without a change', () => {
    const corrected = buildAnnotation({ claim, existing: existing(), note: '', verdict: null, source: tass, page, now: later });
    const moved = claimAt(140, [attr('Yonhap', { id: 'yonhap', type: 'news-agency' })], 'KCNA said the talks went well.');
    const again = buildAnnotation({ claim: moved, existing: corrected, note: 'n', verdict: 'mixed', page, now: later });
    expect(again.attributions).toEqual(corrected.attributions);
    expect(again.origin).toBe('corrected');
  });
});

describe('buildAnnotation: a manual highlight given a source', () => {
  it('becomes a manual claim with that source', () => {
    const tass = { ref: { id: 'tass', name: 'TASS', type: 'state-media' as const }, label: 'TASS', type: 'state-media' as const };
    const highlight = existing({ origin: 'manual', kind: 'highlight', attributions: [] });
    const a = buildAnnotation({ claim, existing: highlight, note: '', verdict: null, source: tass, page, now: later });
    expect(a).toMatchObject({ kind: 'claim', origin: 'manual', attributions: [expect.objectContaining({ label: 'TASS' })] });
    expect(buildAnnotation({ claim, existing: highlight, note: 'n', verdict: null, page, now: later }).kind).toBe('highlight');
  });
});
