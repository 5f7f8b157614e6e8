import { describe, expect, it, vi } from 'vitest';
import { visibleRange } from '../../../components/library/AnnotationList';
import { createSelectionExportPort } from '../../../lib/library/ports';
import type { BackgroundRequest } from '../../../lib/messages';

describe('createSelectionExportPort', () => {
  it('asks the background for an export of the given ids and passes its answer on', async () => {
    const answer = { ok: true, value: { filename: 'Sourcemark/x.json', annotationCount: 2, sourceCount: 0, downloadId: 1 } };
    const sendMessage = vi.fn(async (_message: BackgroundRequest) => answer as unknown);
    const port = createSelectionExportPort({ sendMessage });
    expect(await port(['a', 'b'])).toEqual(answer);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'export:json', ids: ['a', 'b'] });
  });

  it.each([
    ['a rejected message', () => Promise.reject(new Error('Receiving end does not exist.')), "Couldn't reach the extension background: Receiving end does not exist."],
    ['no answer', () => Promise.resolve(undefined), 'No answer from the extension background.'],
    ['a malformed answer', () => Promise.resolve({ nope: true }), 'Unexpected answer from the extension background.'],
  ])('turns %s into a failed result, never rejecting', async (_case, send, error) => {
    const port = createSelectionExportPort({ sendMessage: send });
    expect(await port(['a'])).toEqual({ ok: false, error });
  });
});

describe('visibleRange', () => {
  it.each<[string, number, number, number, number, { start: number; end: number }]>([
    ['the list at the top of a 900px view', 300, 900, 100, 1000, { start: 0, end: 12 }],
    ['scrolled 5,000px into the list', -5000, 900, 100, 1000, { start: 44, end: 65 }],
    ['near the end', -99_500, 900, 100, 1000, { start: 989, end: 1000 }],
    ['a list below the view', 2000, 900, 100, 1000, { start: 0, end: 0 }],
    ['an empty list', 0, 900, 100, 0, { start: 0, end: 0 }],
  ])('renders only the rows in view of %s, and a few either side', (_case, top, view, row, count, range) => {
    expect(visibleRange(top, view, row, count)).toEqual(range);
  });
});
