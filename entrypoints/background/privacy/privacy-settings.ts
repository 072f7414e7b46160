import { browser } from 'wxt/browser';
import { createPrivacyAdapter } from '@/utils/privacy/adapter';
import { PrivacySettingsManager } from '@/utils/privacy/manager';
import { managedSettings } from '@/utils/privacy/settings';
import type { PrivacyStore } from '../store/privacy-store';

/**
 * The manager over the real `browser.privacy` (Chrome MV3 and Firefox MV2 both have it, behind the "privacy"
 * permission) and its store. One per background: the handlers and the install hook must share its queue.
 */
export function createPrivacySettingsManager(store: PrivacyStore): PrivacySettingsManager {
  const settings = managedSettings(import.meta.env.FIREFOX ? 'firefox' : 'chrome');
  return new PrivacySettingsManager({
    settings,
    adapter: createPrivacyAdapter(browser.privacy, settings),
    load: () => store.load(),
    save: (record) => store.save(record),
  });
}

/**
 * Called from runtime.onInstalled with reason 'install' only: an update must not switch back on what the user
 * switched off (the manager skips recorded settings anyway). The browser keeps an extension's privacy values
 * across restarts and drops them at uninstall, so nothing needs re-applying at startup.
 */
export async function applyPrivacyDefaultsOnInstall(manager: PrivacySettingsManager): Promise<void> {
  try {
    const views = await manager.applyDefaults();
    for (const view of views.filter((v) => v.error)) console.warn(`Diffuse: privacy setting ${view.id}: ${view.error}`);
  } catch (error) {
    console.error('Diffuse: could not apply the browser privacy defaults', error);
  }
}
