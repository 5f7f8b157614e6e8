import { describe, expect, it } from 'vitest';
import { annotateSelectionIn } from '../../../lib/background/annotate-selection';

describe('annotateSelectionIn', () => {
  it("asks the tab's top frame and passes its answer on", async () => {
    const calls: unknown[] = [];
    const tabs = {
      sendMessage: async (...args: unknown[]) => {
        calls.push(args);
        return { ok: false, error: 'select some text first' };
      },
    };
    expect(await annotateSelectionIn(tabs, { id: 3 })).toEqual({ ok: false, error: 'select some text first' });
    expect(calls).toEqual([[3, { type: 'page:annotate-selection' }, { frameId: 0 }]]);
  });

  it('says so when there is no tab, or the tab has no content script', async () => {
    const unreachable = {
      sendMessage: async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    };
    expect(await annotateSelectionIn(unreachable, undefined)).toEqual({ ok: false, error: 'No tab to annotate in.' });
    const answer = await annotateSelectionIn(unreachable, { id: 4 });
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(/cannot annotate this page .*Receiving end does not exist/);
    const silent = { sendMessage: async () => undefined };
    expect(await annotateSelectionIn(silent, { id: 5 })).toEqual({ ok: false, error: 'No answer from the page.' });
  });
});
