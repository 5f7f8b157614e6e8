import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Least permissions: `downloads` for exports, `storage` for settings (no install warning), `alarms` to
// wake the service worker for team sync and the backup schedule; the content script's match pattern is the only host access
// granted at install. Team sync asks at run time (optional host permission) for the one server the
// user enters. No remote code: everything ships in the bundle.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Sourcemark',
    description: 'Marks the sentences on a news page that report a claim, and who the claim comes from.',
    permissions: ['downloads', 'storage', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // A key for the toolbar button, so the popup opens without a pointer (listed in the popup;
    // users change it in the browser's extension shortcuts). Needs no permission.
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: { suggested_key: { default: 'Alt+Shift+S' } },
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
