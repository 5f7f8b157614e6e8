import { describe, expect, it } from 'vitest';
import { buildSelectors } from '../../../lib/anchor/text-quote';
import type { Annotation } from '../../../lib/model';
import { reattachAnnotation } from '../../../lib/popup/reattach-orphan';

const oldPage = 'Intro. The deal will be signed next spring, the governor said. Outro.';
const newPage = 'Intro. The governor now says the deal slips to autumn. Outro.';

function annotation(): Annotation {
  const start = oldPage.indexOf('The deal');
  return {
    id: 'a1',
    url: 'https://news.example.com/story',
    pageTitle: 'Story',
    target: { selectors: buildSelectors(oldPage, start, start + 56) },
    kind: 'highlight',
    attributions: [],
    note: 'Call the office.',
    verdict: { rating: 'false', rationale: 'Denied.', ratedAt: '2026-11-01T09:00:00.000Z' },
    tags: ['deal'],
    origin: 'confirmed',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
  };
}

describe('reattachAnnotation', () => {
  it('moves only the target onto the new selectors and stamps updatedAt', () => {
    const before = annotation();
    const start = newPage.indexOf('The governor');
    const selectors = buildSelectors(newPage, start, newPage.indexOf(' Outro'));
    const now = new Date('2026-11-27T20:00:00.000Z');
    const after = reattachAnnotation(before, selectors, now);
    expect(after.target.selectors).toEqual(selectors);
    expect(after.updatedAt).toBe('2026-11-27T20:00:00.000Z');
    const { target: _t, updatedAt: _u, ...rest } = after;
    const { target: _bt, updatedAt: _bu, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    // The input is not changed (the popup's live annotation stays as read).
    expect(before).toEqual(annotation());
  });
});
