import { describe, expect, it, vi } from 'vitest';
import { asResult, createOptionsPort, createPagePort, createShortcutPort, resolveTargetTab, type TabsApi } from '../../../lib/popup/ports';
import { fail, ok } from '../../../lib/messages';

function fakeTabs(answer: (tabId: number, message: unknown) => Promise<unknown>, active: Array<{ id?: number }> = [{ id: 7 }]) {
  return { query: vi.fn(async () => active), sendMessage: vi.fn(answer) } satisfies TabsApi;
}

describe('resolveTargetTab', () => {
  it.each([
    ['?tabId=42', 42],
    ['?tabId=0', 0],
    ['', 7],
    ['?other=1', 7],
  ])('%s → tab %i', async (search, tabId) => {
    expect(await resolveTargetTab(search, fakeTabs(async () => undefined))).toBe(tabId);
  });

  it.each(['?tabId=abc', '?tabId=-1', '?tabId=1.5', '?tabId='])('rejects %s with the bad value in the message', async (search) => {
    await expect(resolveTargetTab(search, fakeTabs(async () => undefined))).rejects.toThrow(/tabId parameter is not a tab number/);
  });

  it('says so when the window has no active tab', async () => {
    await expect(resolveTargetTab('', fakeTabs(async () => undefined, []))).rejects.toThrow('This window has no active tab.');
  });
});

describe('asResult', () => {
  it.each<[string, unknown, ReturnType<typeof asResult>]>([
    ['a success', { ok: true, value: 1 }, ok(1)],
    ['a failure', { ok: false, error: 'nope' }, fail('nope')],
    ['no answer', undefined, fail('No answer from the page.')],
    ['something else', 'hello', fail('Unexpected answer from the page.')],
    ['a success without value', { ok: true }, fail('Unexpected answer from the page.')],
    ['a failure without words', { ok: false, error: 3 }, fail('Unexpected answer from the page.')],
  ])('%s', (_name, raw, expected) => {
    expect(asResult(raw, 'the page')).toEqual(expected);
  });
});

describe('createPagePort', () => {
  it('asks the target tab, resolving it once', async () => {
    const snapshot = { url: 'https://a.example/', title: 'A', claims: [] };
    const tabs = fakeTabs(async (_id, message) => ((message as { type: string }).type === 'page:claims' ? ok(snapshot) : ok(null)));
    const findTab = vi.fn(async () => 3);
    const port = createPagePort(tabs, findTab);
    expect(await port.getSnapshot()).toEqual(ok(snapshot));
    await port.notifyChanged();
    await port.showClaim(12);
    expect(findTab).toHaveBeenCalledTimes(1);
    expect(tabs.sendMessage.mock.calls).toEqual([
      [3, { type: 'page:claims' }],
      [3, { type: 'page:annotations-changed' }],
      [3, { type: 'page:show-claim', start: 12 }],
    ]);
  });

  it('turns a missing content script into a failed snapshot, not a rejection', async () => {
    const port = createPagePort(fakeTabs(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))), async () => 1);
    expect(await port.getSnapshot()).toEqual(fail('Could not establish connection. Receiving end does not exist.'));
  });

  it('turns a tab that can’t be found into a failed snapshot', async () => {
    const port = createPagePort(fakeTabs(async () => ok(null)), async () => Promise.reject(new Error('This window has no active tab.')));
    expect(await port.getSnapshot()).toEqual(fail('This window has no active tab.'));
  });

  it('rejects notify and show with the page’s own error', async () => {
    const port = createPagePort(fakeTabs(async () => fail('No claim starts at 12.')), async () => 1);
    await expect(port.showClaim(12)).rejects.toThrow('No claim starts at 12.');
    await expect(port.notifyChanged()).rejects.toThrow('No claim starts at 12.');
  });
});

describe('createOptionsPort', () => {
  it('opens the options page in a new tab with the prefill in its query', async () => {
    const create = vi.fn(async () => ({ id: 9 }));
    const getURL = vi.fn((path: string) => `chrome-extension://abc${path}`);
    await createOptionsPort({ tabs: { create }, runtime: { getURL } })({ name: 'American authorities', type: 'government' });
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://abc/options.html?name=American+authorities&type=government' });
  });

  it('rejects when the tab can’t be opened', async () => {
    const create = vi.fn(async () => Promise.reject(new Error('No window')));
    await expect(createOptionsPort({ tabs: { create }, runtime: { getURL: (p) => p } })({ name: 'X' })).rejects.toThrow('No window');
  });
});

describe('createShortcutPort', () => {
  it("reads a command's binding from commands.getAll(), '' when it has none or is unknown", async () => {
    const port = createShortcutPort({
      getAll: async () => [{ name: '_execute_action', shortcut: 'Ctrl+Shift+Y' }, { name: 'annotate-selection', shortcut: 'Alt+Shift+M' }, { name: 'unbound' }],
    });
    expect(await port('annotate-selection')).toBe('Alt+Shift+M');
    expect(await port('unbound')).toBe('');
    expect(await port('missing')).toBe('');
  });
});
