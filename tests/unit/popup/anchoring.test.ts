import { describe, expect, it } from 'vitest';
import { ORPHAN_REASON_TEXT, orphanEntries, reattachedFrom } from '../../../lib/popup/anchoring';
import { buildAnnotation } from '../../../lib/popup/build-annotation';
import type { Annotation } from '../../../lib/model';
import type { PageClaim, PageOrphan } from '../../../lib/messages';
import { attr, claimAt } from './make-claim';

const page = { url: 'https://news.example/a', title: 'A' };
const now = new Date('2026-11-27T10:00:00.000Z');
const before = claimAt(100, [attr('KCNA', { id: 'kcna' })], 'KCNA said the talks went well.');
const after: PageClaim = { ...claimAt(100, before.attributions, 'KCNA said the talks went badly.'), anchoring: 'fuzzy', previousText: before.text };

function stored(id: string, on: PageClaim, extra: Partial<Annotation> = {}): Annotation {
  return { ...buildAnnotation({ claim: on, existing: undefined, note: '', verdict: null, page, now, newId: () => id }), ...extra };
}

describe('reattachedFrom', () => {
  it.each<[string, PageClaim, Annotation | undefined, string | null]>([
    ['a fuzzy claim whose annotation holds the old text', after, stored('a', before), before.text],
    ['a fuzzy claim without its annotation (still loading)', after, undefined, null],
    ['a fuzzy claim whose annotation was saved again on the new text', after, stored('a', after), null],
    ['a claim anchored on the same text', { ...after, anchoring: 'moved' }, stored('a', before), null],
    ['a claim without an annotation', { ...after, anchoring: null }, stored('a', before), null],
  ])('%s', (_name, claim, annotation, expected) => {
    expect(reattachedFrom(claim, annotation)).toBe(expected);
  });
});

describe('orphanEntries', () => {
  const orphans: PageOrphan[] = [
    { annotationId: 'x', quote: 'Gone sentence.', reason: 'not-found' },
    { annotationId: 'y', quote: '', reason: 'ambiguous' },
    { annotationId: 'deleted', quote: 'Deleted since.', reason: 'not-found' },
  ];
  const annotations = [
    stored('x', before, { note: 'n', verdict: { rating: 'false', rationale: '', ratedAt: now.toISOString() } }),
    stored('y', after),
  ];

  it('joins the page’s orphans with their stored notes and verdicts, leaving out deleted ones', () => {
    expect(orphanEntries(orphans, annotations)).toEqual([
      { annotationId: 'x', quote: 'Gone sentence.', reason: 'not-found', note: 'n', verdict: annotations[0]?.verdict, updatedAt: now.toISOString() },
      { annotationId: 'y', quote: after.text, reason: 'ambiguous', note: '', verdict: undefined, updatedAt: now.toISOString() },
    ]);
  });

  it('lists every orphan with its quote while the annotations load', () => {
    expect(orphanEntries(orphans, null).map((e) => [e.annotationId, e.quote, e.note])).toEqual([
      ['x', 'Gone sentence.', ''],
      ['y', '', ''],
      ['deleted', 'Deleted since.', ''],
    ]);
  });

  it('says “text changed or removed” for every reason', () => {
    for (const text of Object.values(ORPHAN_REASON_TEXT)) expect(text).toContain('text changed or removed');
  });
});
