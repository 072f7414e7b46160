import type { PrivacySettingId, PrivacySettingView } from '../privacy/setting-types';

export interface PrivacyMessages {
  /** Every managed browser privacy setting with its state. */
  'privacy.list': { request: Record<string, never>; response: PrivacySettingView[] };
  /** Switch one on (protective value) or off (put back the user's value from before); answers the new list. */
  'privacy.set': { request: { id: PrivacySettingId; enabled: boolean }; response: PrivacySettingView[] };
}
export const PRIVACY_MESSAGES: Record<keyof PrivacyMessages, true> = { 'privacy.list': true, 'privacy.set': true };
