/**
 * The service worker: opens the database and answers the typed protocol. Wiring only; the
 * behaviour lives in lib/background so tests can drive it.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRequestHandler } from '../lib/background/handle-request';
import { openDb } from '../lib/store/db';

export default defineBackground(() => {
  const db = openDb();
  const handle = createRequestHandler({
    db,
    extensionId: browser.runtime.id,
  });
  // With webextension-polyfill, a returned Promise answers the message and `undefined` leaves it
  // for another listener. The listener must be registered synchronously, on every worker start.
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
});
