import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Least permissions: `downloads` for exports, `storage` for settings (no install warning), `contextMenus` for
// "Annotate selection with Sourcemark" on selected text (no install warning); the content script's match pattern is
// the only host access. No remote code: everything ships in the bundle.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Sourcemark',
    description: 'Marks the sentences on a news page that report a claim, and who the claim comes from.',
    permissions: ['contextMenus', 'downloads', 'storage'],
    // The keyboard shortcut of "Annotate selection". Alt+Shift+S: Chromium refuses Alt+Shift+A (its
    // "focus inactive dialog" key) for extensions, and Alt+Shift+S collides with no Chrome or Firefox
    // shortcut. Users change it at chrome://extensions/shortcuts (Firefox: Manage Extension Shortcuts).
    commands: {
      'annotate-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Annotate the selected text',
      },
    },
    // Firefox only (Chrome warns about the unknown key).
    ...(browser === 'firefox' && {
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
