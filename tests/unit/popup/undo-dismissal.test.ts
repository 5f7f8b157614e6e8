import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../lib/model';
import { undoDismissal } from '../../../lib/popup/undo-dismissal';
import { attributionFor } from '../../../lib/sources/choose-source';
import { annotation, attribution } from '../highlight/builders';

const text = 'Before. KCNA said the talks went well. After.';
const now = new Date('2026-11-27T12:00:00.000Z');
const notAClaim = { rating: 'not-a-claim' as const, rationale: '', ratedAt: '2026-11-27T10:00:00.000Z' };
const detected = [attribution('KCNA', { id: 'kcna' })];

describe('undoDismissal', () => {
  it('deletes a dismissal that holds nothing else of the user', () => {
    const a = annotation('a', text, 'KCNA said the talks went well.', { origin: 'corrected', verdict: notAClaim, attributions: detected });
    expect(undoDismissal(a, now)).toEqual({ action: 'delete' });
  });

  const cases: [string, Partial<Annotation>, Annotation['origin']][] = [
    ['a note', { note: 'keep me' }, 'confirmed'],
    ['tags', { tags: ['dprk'] }, 'confirmed'],
    ['a source the user chose', { attributions: [attributionFor({ ref: null, label: 'Someone', type: 'other' }, { start: 8 })] }, 'corrected'],
  ];
  it.each(cases)('keeps one with %s, without its verdict, as %s', (_name, overrides, origin) => {
    const a = annotation('a', text, 'KCNA said the talks went well.', { origin: 'corrected', verdict: notAClaim, attributions: detected, ...overrides });
    const undo = undoDismissal(a, now);
    expect(undo.action).toBe('save');
    if (undo.action !== 'save') return;
    expect('verdict' in undo.annotation).toBe(false);
    expect(undo.annotation.origin).toBe(origin);
    expect(undo.annotation.updatedAt).toBe(now.toISOString());
    expect(undo.annotation.id).toBe('a');
  });
});
