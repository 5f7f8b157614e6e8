// Wiring only: popup.html's first script. It runs while the page is parsed, before the popup's
// module graph has loaded, and starts the page's snapshot and the database reads the first screen
// needs (lib/popup/early-read.ts); entrypoints/popup/main.tsx takes them over.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_READ_GLOBAL, startEarlyRead } from '../../lib/popup/early-read';
import { createPagePort, resolveTargetTab } from '../../lib/popup/ports';
import { openFirstScreenStore } from '../../lib/store/first-screen-read';

export default defineUnlistedScript(() => {
  const early = startEarlyRead({
    findTab: () => resolveTargetTab(location.search, browser.tabs),
    askPage: (tab) => createPagePort(browser.tabs, () => tab).getSnapshot(),
    openStore: () => openFirstScreenStore(indexedDB),
  });
  Object.assign(globalThis, { [EARLY_READ_GLOBAL]: early });
});
