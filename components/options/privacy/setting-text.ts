import type { PrivacySettingId, PrivacySettingView } from '@/utils/privacy/setting-types';
import type { Translate } from '../../shared/translate';
import { categoryName } from '../../shared/format';

/**
 * Settings whose switch means something else in Firefox: there the cookie switch blocks third-party cookies
 * that Firefox already partitions (utils/privacy/settings.ts), and the text says so.
 */
const FIREFOX_KEYS: Partial<Record<PrivacySettingId, string>> = { thirdPartyCookies: 'privacyThirdPartyCookiesFirefox' };

/** `networkPrediction` → `privacyNetworkPredictionName` / `…Help`: the keys in public/_locales/en. */
function key(id: PrivacySettingId, part: 'Name' | 'Help', firefox: boolean): string {
  return `${(firefox && FIREFOX_KEYS[id]) || `privacy${id[0]?.toUpperCase()}${id.slice(1)}`}${part}`;
}

export const settingName = (id: PrivacySettingId, t: Translate, firefox = false) => t(key(id, 'Name', firefox));
export const settingHelp = (id: PrivacySettingId, t: Translate, firefox = false) => t(key(id, 'Help', firefox));

const CONTROL_KEYS: Record<PrivacySettingView['levelOfControl'], string> = {
  controlled_by_this_extension: 'privacyControlThis',
  controllable_by_this_extension: 'privacyControlFree',
  controlled_by_other_extensions: 'privacyControlOther',
  not_controllable: 'privacyControlLocked',
};

/** Who decides the value now: Diffuse, the user's own browser settings, another extension, or a policy. */
export const controlText = (view: PrivacySettingView, t: Translate) => t(CONTROL_KEYS[view.levelOfControl]);

/** The error codes of utils/privacy/manager.ts in words; anything else is the browser's own message. */
export function errorText(error: string, t: Translate): string {
  if (error === 'controlled_by_other_extensions') return t('privacyErrorOtherExtension');
  if (error === 'not_controllable') return t('privacyErrorLocked');
  if (error === 'unavailable') return t('privacyErrorUnavailable');
  return t('privacyErrorRejected', [error]);
}

/**
 * The browser's value for a policy-like setting (WebRTC policy, cookie behavior, tracking protection mode), or
 * null for a boolean: "networkPredictionEnabled: false" next to "Network prediction off" would read backwards,
 * and the Private / Not private badge already says it.
 */
export function valueText(value: unknown): string | null {
  if (typeof value === 'boolean' || value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  // Firefox's cookieConfig is `{ behavior, nonPersistentCookies }`; the behavior is what matters.
  const behavior = typeof value === 'object' ? (value as { behavior?: unknown }).behavior : undefined;
  return typeof behavior === 'string' ? behavior : JSON.stringify(value);
}

/**
 * The tracker categories a fleet's policy blocks on every site (docs/managed.md), as one locked line: their names in
 * the page's language, joined as the language joins a list ("Advertising and Social media"), in the policy's order.
 */
export function managedCategoriesText(ids: readonly string[], t: Translate): string {
  if (ids.length === 0) return t('privacyCategoriesManagedNone');
  const names = new Intl.ListFormat(t.locale ?? 'en', { type: 'conjunction' }).format(ids.map((id) => categoryName(id, t)));
  return t('privacyCategoriesManaged', [names]);
}
