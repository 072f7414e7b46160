import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { compiledRules, generatedAssets } from './scripts/data/datasets';

// Firefox ships as MV2: there host permissions are granted at install (MV3 Firefox makes them opt-in, so
// webRequest would see nothing until the user acts), and Firefox MV2 has both blocking webRequest and
// declarativeNetRequest static rulesets. Chrome ships as MV3, the only version it accepts.
export const GECKO_ID = 'diffuse@diffuse.invalid';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every file names what it uses.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip' },
  hooks: {
    // Data compiled from npm packages goes straight into the build output, never into the source tree.
    'build:publicAssets': (_wxt, files) => {
      files.push(...generatedAssets());
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'webRequest',
      // Firefox only: webRequest.getSecurityInfo answers inside a blocking onHeadersReceived listener.
      ...(browser === 'firefox' ? ['webRequestBlocking'] : []),
      // Firefox only: CNAME uncloaking asks Firefox's own resolver (dns.resolve), which tells no one new of the visit.
      ...(browser === 'firefox' ? ['dns'] : []),
      'declarativeNetRequest',
      'scripting',
      'privacy',
      'storage',
      // Daily pruning of history past the retention period.
      'alarms',
      'unlimitedStorage',
    ],
    // Written from the compiled rulesets themselves, so the manifest and the files cannot drift.
    declarative_net_request: { rule_resources: compiledRules().manifestRuleResources },
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 is the oldest supported ESR: DNR static rulesets in MV2, webRequest.getSecurityInfo, data consent key.
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              // Diffuse collects and transmits nothing (https://mzl.la/firefox-builtin-data-consent).
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
