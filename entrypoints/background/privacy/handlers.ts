import type { Handlers } from '@/utils/messages/contract';
import type { PrivacyMessages } from '@/utils/messages/privacy-messages';
import type { PrivacySettingsManager } from '@/utils/privacy/manager';

/** The options page's browser privacy switches. */
export function createPrivacyHandlers(manager: PrivacySettingsManager): Pick<Handlers, keyof PrivacyMessages> {
  return {
    'privacy.list': () => manager.list(),
    'privacy.set': ({ id, enabled }) => manager.set(id, enabled),
  };
}
