import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { inlineStylesheets } from './scripts/inline-stylesheets';

// Least permissions: `downloads` for exports, `storage` for settings (no install warning), `alarms` to
// wake the service worker for team sync and the backup schedule, `contextMenus` for "Annotate selection with
// Sourcemark" on selected text (no install warning); the content script's match pattern is the only host access
// granted at install. Team sync asks at run time (optional host permission) for the one server the
// user enters. No remote code: everything ships in the bundle.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The popup's stylesheet goes in popup.html: one fetch fewer before its first paint.
  vite: () => ({ plugins: [preact(), inlineStylesheets(['entrypoints/popup/index.html'])] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Sourcemark',
    description: 'Marks the sentences on a news page that report a claim, and who the claim comes from.',
    permissions: ['downloads', 'storage', 'alarms', 'contextMenus'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Keys (need no permission; listed in the popup; users change them in the browser's extension
    // shortcuts): Alt+Shift+S opens the popup without a pointer; Alt+Shift+M annotates the selected
    // text. Chromium refuses Alt+Shift+A, N, B and T to extensions (its own keys) and was checked to
    // assign Alt+Shift+M; no Firefox shortcut is known to use it (ChromeOS opens Files with it).
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: { suggested_key: { default: 'Alt+Shift+S' } },
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Annotate the selected text',
      },
    },
    // Firefox only (Chrome warns about the unknown key).
    ...(browser === 'firefox' && {
      // MV2 has no optional_host_permissions (WXT drops it): origins go in optional_permissions.
      optional_permissions: ['https://*/*', 'http://*/*'],
      browser_specific_settings: {
        gecko: {
          id: 'sourcemark@sourcemark.invalid',
          // Firefox's data-collection disclosure: nothing leaves the browser unless the user turns on sync.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
