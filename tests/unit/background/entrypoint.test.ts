import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { ANNOTATE_COMMAND, ANNOTATE_MENU_ID, ANNOTATE_MENU_TITLE } from '../../../lib/background/annotate-selection';

// The worker's db ('sourcemark') stays open for the life of this test file's fake-indexeddb.
afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

type MenuListener = (info: { menuItemId: string | number }, tab?: { id?: number }) => void;
type CommandListener = (command: string, tab?: { id?: number }) => void;

/**
 * The fake browser implements neither `contextMenus` nor `commands`: record what the worker
 * registers there, so the wiring can be driven like the browser would.
 */
function stubMenusAndCommands() {
  const heard: { menu: MenuListener[]; command: CommandListener[] } = { menu: [], command: [] };
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation((listener) => {
    heard.menu.push(listener as unknown as MenuListener);
  });
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
    heard.command.push(listener as unknown as CommandListener);
  });
  const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(ANNOTATE_MENU_ID);
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
  return { heard, create };
}

describe('background entry point', () => {
  it('answers this extension’s messages through runtime.onMessage and ignores other senders', async () => {
    stubMenusAndCommands();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Sourcemark', version: '0.1.0' });
    await background.main();

    // The polyfill answers with the listener's returned Promise; sendResponse is never used.
    const sendResponse = vi.fn();
    const own = await fakeBrowser.runtime.onMessage.trigger({ type: 'sources:list' }, { id: fakeBrowser.runtime.id }, sendResponse);
    expect(own).toEqual([{ ok: true, value: [] }]);
    const foreign = await fakeBrowser.runtime.onMessage.trigger({ type: 'sources:list' }, { id: 'another-extension' }, sendResponse);
    expect(foreign).toEqual([undefined]);
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('adds "Annotate selection" to the context menu on install, and sends the menu item and the shortcut to the tab', async () => {
    const { heard, create } = stubMenusAndCommands();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Sourcemark', version: '0.1.0' });
    // The content script answers a Result; the fake's types say `void`.
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: null } as unknown as void);
    await background.main();

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ id: ANNOTATE_MENU_ID, title: ANNOTATE_MENU_TITLE, contexts: ['selection'] }));

    for (const listener of heard.command) listener(ANNOTATE_COMMAND, { id: 7 });
    for (const listener of heard.menu) listener({ menuItemId: ANNOTATE_MENU_ID }, { id: 8 });
    // Other commands and menu items are not ours.
    for (const listener of heard.command) listener('_execute_action', { id: 9 });
    for (const listener of heard.menu) listener({ menuItemId: 'other' }, { id: 10 });
    expect(sendMessage.mock.calls).toEqual([
      [7, { type: 'page:annotate-selection' }, { frameId: 0 }],
      [8, { type: 'page:annotate-selection' }, { frameId: 0 }],
    ]);
  });
});
