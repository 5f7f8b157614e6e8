import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Least permissions: `downloads` for exports, `storage` for settings, `alarms` for the backup schedule (none warns at install); the content script's match pattern is the only
// host access. No remote code: everything ships in the bundle.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Sourcemark',
    description: 'Marks the sentences on a news page that report a claim, and who the claim comes from.',
    permissions: ['alarms', 'downloads', 'storage'],
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
