/**
 * Content script: marks the claims on every page, follows the page as it changes, and answers the
 * popup. Thin wiring only; the pipeline is `lib/page/run-page.ts`.
 */
import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPage } from '../../lib/page/run-page';
import { createSettingsStore } from '../../lib/settings/storage';

/** How often to check that the extension is still there (reloaded, updated, disabled). */
const ALIVE_CHECK_MS = 2000;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    const session = startPage({
      document,
      location: window.location,
      sendMessage: (message) => browser.runtime.sendMessage(message),
      signal: ctx.signal,
      // Read straight from storage.local: no round trip to the background before the first scan.
      settings: createSettingsStore(browser.storage),
    });
    // A single-page app's navigation (History API): WXT watches the Navigation API, or polls.
    ctx.addEventListener(window, 'wxt:locationchange', () => session.checkLocation());
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      // Only the extension's own pages talk to us; anything else gets no answer at all.
      if (sender.id !== browser.runtime.id) return undefined;
      return session.handleMessage(message);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
    // A reloaded or disabled extension does not stop its old content scripts; WXT's context
    // notices (and aborts `ctx.signal`, removing our marks) only when asked, which its timers do.
    ctx.setInterval(() => undefined, ALIVE_CHECK_MS);
  },
});
