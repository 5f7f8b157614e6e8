/** Telling open pages that ratings changed. */
import { describe, expect, it, vi } from 'vitest';
import { notifyOpenPages, type OpenTabsApi } from '../../../lib/sources/notify-pages';

describe('notifyOpenPages', () => {
  it('asks every tab to redraw, counting tabs without Sourcemark instead of failing', async () => {
    const sendMessage = vi.fn<OpenTabsApi['sendMessage']>(async (tabId) => {
      if (tabId === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, value: null };
    });
    const tabs: OpenTabsApi = { query: async () => [{ id: 1 }, { id: 2 }, {}, { id: 3 }], sendMessage };
    expect(await notifyOpenPages(tabs)).toEqual({ tabs: 3, answered: 2 });
    expect(sendMessage.mock.calls).toEqual([
      [1, { type: 'page:annotations-changed' }],
      [2, { type: 'page:annotations-changed' }],
      [3, { type: 'page:annotations-changed' }],
    ]);
  });

  it('rejects when the tabs cannot be listed', async () => {
    const tabs: OpenTabsApi = { query: () => Promise.reject(new Error('no tabs API')), sendMessage: vi.fn() };
    await expect(notifyOpenPages(tabs)).rejects.toThrow('no tabs API');
  });
});
