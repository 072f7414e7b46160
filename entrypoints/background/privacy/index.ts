import { browser } from 'wxt/browser';
import type { PrivacyMessages } from '@/utils/messages/privacy-messages';
import type { PrivacySettingsManager } from '@/utils/privacy/manager';
import type { Capability } from '../platform/capability';
import type { PrivacyStore } from '../store/privacy-store';
import { createPrivacyHandlers } from './handlers';
import { applyPrivacyDefaultsOnInstall, createPrivacySettingsManager } from './privacy-settings';

export interface PrivacyCapability extends Capability<keyof PrivacyMessages> {
  /** The settings file imports and exports the switches through it (settings/). */
  manager: PrivacySettingsManager;
}

/** The browser's leaky privacy settings turned off at install, each with a switch that puts the user's value back. */
export function createPrivacyCapability(deps: { store: PrivacyStore }): PrivacyCapability {
  const manager = createPrivacySettingsManager(deps.store);
  return {
    manager,
    handlers: createPrivacyHandlers(manager),
    start() {
      browser.runtime.onInstalled.addListener(({ reason }) => {
        if (reason === 'install') void applyPrivacyDefaultsOnInstall(manager);
      });
    },
  };
}
