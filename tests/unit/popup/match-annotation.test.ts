import { describe, expect, it } from 'vitest';
import { buildAnnotation } from '../../../lib/popup/build-annotation';
import { annotationMatcher, findAnnotationForClaim } from '../../../lib/popup/match-annotation';
import type { Annotation, AnnotationKind } from '../../../lib/model';
import type { PageClaim } from '../../../lib/messages';
import { attr, claimAt } from './make-claim';

const page = { url: 'https://news.example/a', title: 'A' };
const now = new Date('2026-11-27T10:00:00.000Z');
const sources = [attr('KCNA', { id: 'kcna' })];
const claim = claimAt(100, sources, 'KCNA said so.');

function stored(id: string, on: PageClaim, kind: AnnotationKind = 'claim'): Annotation {
  return { ...buildAnnotation({ claim: on, existing: undefined, note: '', verdict: null, page, now, newId: () => id }), kind };
}

const shifted = claimAt(180, sources, 'KCNA said so.'); // same quote and context, text moved
const elsewhere: PageClaim = { ...claimAt(100, sources, 'KCNA said so.'), selectors: [
  { type: 'TextQuoteSelector', exact: 'KCNA said so.', prefix: 'other context ', suffix: ' here' },
  { type: 'TextPositionSelector', start: 400, end: 413 },
] };
const other = claimAt(300, sources, 'Yonhap reported it.');
// Saved before selectors were normalised: a no-break space and a doubled space in the stored text.
const rawStored: Annotation = {
  ...stored('raw', claim),
  target: {
    selectors: [
      { type: 'TextQuoteSelector', exact: 'KCNA\u00a0said  so.', prefix: 'before\n', suffix: ' after' },
      { type: 'TextPositionSelector', start: 100, end: 114 },
    ],
  },
};

describe('findAnnotationForClaim', () => {
  it.each<[string, PageClaim, Annotation[], string | undefined]>([
    ['nothing stored', claim, [], undefined],
    ['the annotation the page anchored on the claim wins', { ...claim, annotationId: 'anchored' }, [stored('same-place', claim), stored('anchored', other)], 'anchored'],
    ['an unknown annotationId falls back to selectors', { ...claim, annotationId: 'gone' }, [stored('same-place', claim)], 'same-place'],
    ['same position and quote', claim, [stored('other', other), stored('same-place', claim)], 'same-place'],
    ['position match beats a quote-and-context match', claim, [stored('moved', shifted), stored('same-place', claim)], 'same-place'],
    ['same quote and context after the text moved', claim, [stored('moved', shifted)], 'moved'],
    ['same quote in another context is another claim', claim, [stored('elsewhere', elsewhere)], undefined],
    ['a highlight on the same sentence is not a claim annotation', claim, [stored('highlight', claim, 'highlight')], undefined],
    ['a quote stored raw (before normalisation) still matches', claim, [rawStored], 'raw'],
  ])('%s', (_name, target, annotations, expected) => {
    expect(findAnnotationForClaim(target, annotations)?.id).toBe(expected);
  });
});

describe('annotationMatcher', () => {
  const annotations = [stored('highlight', claim, 'highlight'), stored('moved', shifted), stored('other', other), rawStored, stored('anchored', other)];
  const claims: PageClaim[] = [claim, shifted, elsewhere, other, { ...claim, annotationId: 'anchored' }, { ...claim, annotationId: 'gone' }];

  it('answers every claim as findAnnotationForClaim does, from one index', () => {
    const match = annotationMatcher(annotations);
    for (const target of claims) expect(match(target)?.id).toBe(findAnnotationForClaim(target, annotations)?.id);
    expect(claims.map((c) => match(c)?.id)).toEqual(['moved', 'moved', undefined, 'other', 'anchored', 'moved']);
  });

  it('takes the first of several annotations that fit, as a search in order would', () => {
    const match = annotationMatcher([stored('first', claim), stored('second', claim)]);
    expect(match(claim)?.id).toBe('first');
  });
});
