/**
 * Puts Sourcemark's highlight stylesheet and its (empty) overlay host in the page before the page
 * is first styled and laid out. Adding a stylesheet later makes the browser restyle every element
 * (`::highlight()` rules apply to all), which on a multi-megabyte page is one main-thread task of
 * over 100 ms; adding the host later lays it out and repaints the page in the frame that shows
 * the first highlights. At `document_start` both are part of the page's own first rendering. The
 * claims content script finds and keeps them (or removes the host when it draws nothing).
 * Wiring only: the stylesheet and the host are lib/highlight's.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installEarlyPageStyle } from '../lib/highlight/claim-highlights';
import { installEarlyHost } from '../lib/highlight/overlay';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  main() {
    installEarlyPageStyle(document);
    installEarlyHost(document);
  },
});
