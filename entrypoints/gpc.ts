import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

/**
 * Global Privacy Control in the page: `navigator.globalPrivacyControl === true`
 * (https://privacycg.github.io/gpc-spec/#javascript-property-to-detect-preference). Registered by the
 * background as a MAIN-world content script at document_start in every frame, so page scripts see it
 * before they run; the matching `Sec-GPC: 1` header comes from the `gpc` DNR ruleset.
 */
export default defineUnlistedScript(() => {
  Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
    get: () => true,
    configurable: true,
    enumerable: true,
  });
});
