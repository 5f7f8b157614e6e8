/**
 * Puts Sourcemark's highlight stylesheet in the page before the page is first styled. Adding a
 * stylesheet later makes the browser restyle every element (`::highlight()` rules apply to all),
 * which on a multi-megabyte page is one main-thread task of over 100 ms; at `document_start` it
 * is part of the page's own first styling. The claims content script finds it and keeps it.
 * Wiring only: the stylesheet is lib/highlight's.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installEarlyPageStyle } from '../lib/highlight/claim-highlights';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  main() {
    installEarlyPageStyle(document);
  },
});
