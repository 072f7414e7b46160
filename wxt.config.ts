import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { attributionConflicts, compiledRules, generatedAssets } from './scripts/data/datasets';
import { surrogateFiles } from './utils/rules/surrogates';

// Firefox ships as MV2: there host permissions are granted at install (MV3 Firefox makes them opt-in, so
// webRequest would see nothing until the user acts), and Firefox MV2 has both blocking webRequest and
// declarativeNetRequest static rulesets. Chrome ships as MV3, the only version it accepts.
export const GECKO_ID = 'diffuse@diffuse.invalid';

// Chrome only: the manifest `key`, so every build (an unpacked one too) has the same extension id, which the
// companion's native host manifest must name (allowed_origins). A public key (base64 DER SubjectPublicKeyInfo,
// RSA 2048), generated once with node:crypto; its private half was never kept: it is needed only to publish in
// the Chrome Web Store, which assigns its own key. The id is DIFFUSE_CHROME_EXTENSION_ID
// (utils/companion/extension-id.ts, whose test checks it against this key).
export const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3GW70brKY+ZSMeaefhZp6Bl7Bq2zHkhleRQJ12lg43oM1WdalXdF0H1gOFad4LmiZ3v5eel4ijq9wBqRwGE0+jSSl5dZjZ7lOGp75fA3dpGK6dtDlAaLUnb7zxpOwcDO6G/J2ojxM3gcSUKip2OPqtPexOpxu/vfRxNA77NWb96NV58iYAUPnMNdFIZoEiPqOTK2MROKf+zkvAatT25An1sTFCO6+r680JH9EIq9+IFzz0n4iOws+oWyyTn3lK912QiOJ76sWsZ101zCCdsgUsD+Qv6T7UuQIJtqaEZqLRcUoT0S0x7LOQpYR2uRjHj9wfhl7kNmg4ucZONYcQiPJQIDAQAB';

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
      // Where the sources disagree about a host's owner, and which row stood (utils/attribution/compile-table.ts).
      for (const line of attributionConflicts()) console.info(`attribution: ${line}`);
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
      // Chrome only: the companion's switch sets chrome.proxy.settings. Chrome refuses `proxy` as an optional
      // permission (kFlagCannotBeOptional in Chromium's permission table); it adds no install warning beyond
      // <all_urls>, which it implies.
      ...(browser === 'firefox' ? [] : ['proxy']),
    ],
    // The companion (docs/companion.md): asked for only when the user switches it on in the options page
    // (Firefox MV2 takes both as optional; Chrome only nativeMessaging, see above).
    optional_permissions: browser === 'firefox' ? ['proxy', 'nativeMessaging'] : ['nativeMessaging'],
    // Written from the compiled rulesets themselves, so the manifest and the files cannot drift.
    declarative_net_request: { rule_resources: compiledRules().manifestRuleResources },
    host_permissions: ['<all_urls>'],
    // Only the surrogates (utils/rules/surrogates.ts), which DNR redirects blocked tracker scripts to: a
    // redirect to an extension file needs the file web-accessible. Chrome's use_dynamic_url gives them a URL
    // that changes every session, so a page cannot probe for Diffuse by a fixed URL
    // (https://developer.chrome.com/docs/extensions/reference/manifest/web-accessible-resources). Firefox MV2
    // takes a list of paths; its moz-extension:// host is already a random per-install UUID.
    web_accessible_resources:
      browser === 'firefox' ? surrogateFiles() : [{ resources: surrogateFiles(), matches: ['<all_urls>'], use_dynamic_url: true }],
    action: { default_title: '__MSG_extName__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    ...(browser === 'firefox' ? {} : { key: CHROME_PUBLIC_KEY }),
    // Chrome only: what a fleet's policy may set (storage.managed, docs/managed.md). Firefox takes the values from
    // policies.json "3rdparty" without a schema.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
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
