/**
 * The service worker: opens the database and answers the typed protocol. Wiring only; the
 * behaviour lives in lib/background so tests can drive it.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { downloadFile } from '../lib/background/download';
import { registerAnnotateSelection } from '../lib/background/annotate-selection';
import { createRequestHandler } from '../lib/background/handle-request';
import { openDb } from '../lib/store/db';

export default defineBackground(() => {
  const db = openDb();
  const handle = createRequestHandler({
    db,
    download: downloadFile,
    extensionId: browser.runtime.id,
    version: browser.runtime.getManifest().version,
  });
  // With webextension-polyfill, a returned Promise answers the message and `undefined` leaves it
  // for another listener. The listener must be registered synchronously, on every worker start.
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
  // "Annotate selection with Sourcemark": the context menu and the keyboard shortcut.
  registerAnnotateSelection(browser, (error) => console.warn('Sourcemark:', error));
});
