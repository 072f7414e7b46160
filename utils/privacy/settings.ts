import type { PrivacySettingId } from './setting-types';

/** Which build: Chrome (MV3, also Edge and other Chromium browsers) or Firefox (MV2). */
export type PrivacyTarget = 'chrome' | 'firefox';

/**
 * One browser setting Diffuse manages: where it lives under `privacy.*` (a types.ChromeSetting with
 * get/set/clear, https://developer.chrome.com/docs/extensions/reference/api/types#type-ChromeSetting and
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/types/BrowserSetting), which values
 * count as private, and the value Diffuse sets.
 */
export interface ManagedSetting {
  id: PrivacySettingId;
  /** `['network', 'networkPredictionEnabled']` is `privacy.network.networkPredictionEnabled`. */
  path: readonly [area: 'network' | 'websites', name: string];
  isProtective(value: unknown): boolean;
  /** The value to hold given the current one: a stricter choice the user already made is kept, not weakened. */
  protectiveValue(current: unknown): unknown;
  /**
   * Set for a switch that costs something (Firefox's "block third-party cookies" breaks some sign-ins): not
   * switched on at install, only when the user asks; the switch shows on only while the browser's value is
   * what it holds (`isOn`), so a value Diffuse held before (an older version's) does not read as on.
   */
  optIn?: { isOn(value: unknown): boolean };
}

/** A boolean feature that leaks when on: `false` is the private value. */
function off(id: PrivacySettingId, area: 'network' | 'websites', name: string): ManagedSetting {
  return { id, path: [area, name], isProtective: (v) => v === false, protectiveValue: () => false };
}

/** A string policy where any of `strict` is private and `strict[0]` is what Diffuse sets. */
function oneOf(id: PrivacySettingId, area: 'network' | 'websites', name: string, strict: readonly string[]): ManagedSetting {
  return {
    id,
    path: [area, name],
    isProtective: (v) => typeof v === 'string' && strict.includes(v),
    protectiveValue: (current) => (typeof current === 'string' && strict.includes(current) ? current : strict[0]),
  };
}

/**
 * Prediction pre-resolves DNS and opens connections to pages the user may never visit: each is a contact the
 * user did not choose (Chrome: DNS prefetch and preconnect; Firefox: network.predictor, link prefetch, DNS prefetch).
 */
const networkPrediction = off('networkPrediction', 'network', 'networkPredictionEnabled');
/** `<a ping>` sends a POST to a tracker on every click (https://html.spec.whatwg.org/#hyperlink-auditing). */
const hyperlinkAuditing = off('hyperlinkAuditing', 'websites', 'hyperlinkAuditingEnabled');
/**
 * `default_public_interface_only`: WebRTC uses only the interface of the default route, so no private LAN
 * address (nor a second interface beside a VPN) reaches the page, while UDP and STUN still work, so calls and
 * video conferences keep working. The stricter `disable_non_proxied_udp` (and Firefox's `proxy_only`) forces
 * media through TCP relays or a proxy and breaks many calls without one; a user who already chose them keeps them.
 * https://developer.chrome.com/docs/extensions/reference/api/privacy#type-IPHandlingPolicy
 */
const webRtcIpHandling = oneOf('webRtcIpHandling', 'network', 'webRTCIPHandlingPolicy', [
  'default_public_interface_only',
  'disable_non_proxied_udp',
  'proxy_only',
]);

/** Chrome's Privacy Sandbox: extensions may only switch these off (setting `true` throws), clear() hands them back. */
const chromeOnly: ManagedSetting[] = [
  off('thirdPartyCookies', 'websites', 'thirdPartyCookiesAllowed'),
  off('topics', 'websites', 'topicsEnabled'),
  off('protectedAudience', 'websites', 'fledgeEnabled'),
  off('adMeasurement', 'websites', 'adMeasurementEnabled'),
];

/**
 * Firefox has no thirdPartyCookiesAllowed; cookieConfig.behavior is network.cookie.cookieBehavior.
 * Firefox's default, `reject_trackers_and_partition_foreign`, is Total Cookie Protection: known trackers get no
 * cookies and every other third party a separate jar per site, so its cookies cannot follow the user across
 * sites, yet embedded logins and payments work (https://support.mozilla.org/kb/introducing-total-cookie-protection-standard-mode).
 * Partitioned or stricter counts as private. The switch offers more, as an opt-in with its warning:
 * `reject_third_party` blocks third-party cookies altogether, which breaks some sign-ins, payment pages and
 * embeds; `reject_all` is kept if the user chose it.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/privacy/websites
 */
const PRIVATE_COOKIES = ['reject_trackers_and_partition_foreign', 'reject_third_party', 'reject_all'];
const BLOCKED_COOKIES = ['reject_third_party', 'reject_all'];
const firefoxCookies: ManagedSetting = {
  id: 'thirdPartyCookies',
  path: ['websites', 'cookieConfig'],
  isProtective: (v) => PRIVATE_COOKIES.includes(cookieBehavior(v) ?? ''),
  protectiveValue: (current) => {
    const behavior = cookieBehavior(current);
    // Only `behavior`: nonPersistentCookies is deprecated (ignored since Firefox 99) and not ours to change.
    return { behavior: behavior && BLOCKED_COOKIES.includes(behavior) ? behavior : BLOCKED_COOKIES[0] };
  },
  optIn: { isOn: (v) => BLOCKED_COOKIES.includes(cookieBehavior(v) ?? '') },
};

/** `always` turns Firefox's tracking protection on in normal windows too (by default only private ones). */
const trackingProtection = oneOf('trackingProtection', 'websites', 'trackingProtectionMode', ['always']);

function cookieBehavior(value: unknown): string | undefined {
  const behavior = typeof value === 'object' && value !== null ? (value as { behavior?: unknown }).behavior : undefined;
  return typeof behavior === 'string' ? behavior : undefined;
}

const COMMON = [networkPrediction, hyperlinkAuditing, webRtcIpHandling];
const TABLE: Record<PrivacyTarget, readonly ManagedSetting[]> = {
  chrome: [...COMMON, ...chromeOnly],
  firefox: [...COMMON, firefoxCookies, trackingProtection],
};

/** Every id in the order the dashboard shows them; an id absent from a browser's table is listed as unavailable. */
export const ALL_PRIVACY_SETTING_IDS: readonly PrivacySettingId[] = [
  'networkPrediction',
  'hyperlinkAuditing',
  'webRtcIpHandling',
  'thirdPartyCookies',
  'trackingProtection',
  'topics',
  'protectedAudience',
  'adMeasurement',
];

/** The settings Diffuse manages in one browser. A setting listed here may still be missing from an older version. */
export function managedSettings(target: PrivacyTarget): readonly ManagedSetting[] {
  return TABLE[target];
}
