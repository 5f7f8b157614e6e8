import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';

// The worker's db ('sourcemark') stays open for the life of this test file's fake-indexeddb.
afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('background entry point', () => {
  it('answers this extension’s messages through runtime.onMessage and ignores other senders', async () => {
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
});
