import { browser } from 'wxt/browser';
import type { Handlers } from '@/utils/messages/contract';
import { createPrivacyAdapter } from '@/utils/privacy/adapter';
import { PrivacySettingsManager, parsePrivacyRecord, type PrivacyRecord } from '@/utils/privacy/manager';
import { managedSettings } from '@/utils/privacy/settings';

/** The one storage.local key for the switches and the values the user had before (a few hundred bytes). */
const STORAGE_KEY = 'privacySettings';

/**
 * The manager over the real `browser.privacy` (Chrome MV3 and Firefox MV2 both have it, behind the "privacy"
 * permission) and storage.local. One per background: the handlers and the install hook must share its queue.
 */
export function createPrivacySettingsManager(): PrivacySettingsManager {
  const settings = managedSettings(import.meta.env.FIREFOX ? 'firefox' : 'chrome');
  return new PrivacySettingsManager({
    settings,
    adapter: createPrivacyAdapter(browser.privacy, settings),
    load: async () => parsePrivacyRecord((await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY]),
    save: (record: PrivacyRecord) => browser.storage.local.set({ [STORAGE_KEY]: record }),
  });
}

/** The two contract handlers the dashboard uses; spread them into routeMessages' handlers. */
export function createPrivacyHandlers(deps: { manager: PrivacySettingsManager }): Pick<Handlers, 'privacy.list' | 'privacy.set'> {
  return {
    'privacy.list': () => deps.manager.list(),
    'privacy.set': ({ id, enabled }) => deps.manager.set(id, enabled),
  };
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
