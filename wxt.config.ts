import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DEV_PUBLIC_KEY, GECKO_ID } from './src/lib/extension-id';

// Release zips for the stores leave out the dev `key` (the Chrome Web Store refuses it).
const release = process.env.HAVEN_RELEASE === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: readable, greppable and lint-friendly.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The in-page classifier chunk exists only for the measurement build (WXT_INLINE_ENGINE=page, see
    // src/content/README.md); shipped builds run the model in the background and must not carry it.
    'entrypoints:resolved': (_wxt, entrypoints) => {
      if (process.env.WXT_INLINE_ENGINE === 'page') return;
      const i = entrypoints.findIndex((e) => e.name === 'inline-engine');
      if (i >= 0) entrypoints.splice(i, 1);
    },
  },
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip', sourcesTemplate: '{{name}}-{{version}}-sources.zip' },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    homepage_url: 'https://github.com/haven-extension/haven',
    ...(browser === 'chrome' && !release && { key: DEV_PUBLIC_KEY }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '128.0',
          data_collection_permissions: { required: ['none'], optional: ['websiteContent'] },
        },
      },
    }),
    permissions: ['storage', 'declarativeNetRequest', 'alarms', 'contextMenus'],
    // Managed policy for schools and families (Chrome/Edge; Firefox reads `3rdparty` policy without a schema).
    storage: { managed_schema: 'managed-schema.json' },
    // `<all_urls>` rather than http/https patterns: tabs.captureVisibleTab (report evidence) refuses anything else
    // without a user gesture ("Either the '<all_urls>' or 'activeTab' permission is required", Chromium 156).
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    web_accessible_resources: [
      { resources: ['blocked.html'], matches: ['http://*/*', 'https://*/*'] },
      // In-page protection runs the model in the background; only the measurement build that runs it in the page
      // (WXT_INLINE_ENGINE=page, see src/content/README.md) exposes the classifier chunk and the model to pages.
      ...(process.env.WXT_INLINE_ENGINE === 'page' ? [{ resources: ['inline-engine.js', 'model/*'], matches: ['http://*/*', 'https://*/*'] }] : []),
    ],
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" },
  }),
});
