import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The e2e build is the production build plus host access to 127.0.0.1, because a test
// cannot click the toolbar button and so never receives activeTab.
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  zip: { excludeSources: ['tests/artifacts/**', '.output/**', 'coverage/**'] },
  manifest: ({ browser, mode, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'storage', ...(mode === 'e2e' ? ['tabs'] : [])],
    // The e2e build also gets `tabs`: with a real click, activeTab lets the popup see the tab's
    // URL (and so tell a file: or data: page from an ordinary one); `tabs` stands in for that.
    ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
    // Live cleaning asks for one site's origins at a time, from the reader's click
    // (utils/live-sites.ts). MV2 (Firefox) keeps optional hosts in optional_permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: ['http://*/*', 'https://*/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    commands: {
      'open-reader': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_openReaderCommand__',
      },
    },
    action: { default_title: '__MSG_actionTitle__' },
    icons: { 16: '/icons/16.png', 32: '/icons/32.png', 48: '/icons/48.png', 128: '/icons/128.png' },
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; style-src 'self'; img-src https: http: data:; media-src https:; font-src 'self'; connect-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'declutter@declutter.example',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : // The stylesheets give their colours as light-dark(light, dark), which Chrome reads from 123 on.
        { minimum_chrome_version: '123' }),
  }),
});
