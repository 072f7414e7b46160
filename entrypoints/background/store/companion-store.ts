import { browser } from 'wxt/browser';
import { parseStoredCompanionSettings, type CompanionSettings } from '@/utils/companion/companion-settings';

/** The one storage.local key of the companion: its switch and what to do when it is lost (CompanionSettings). */
const STORAGE_KEY = 'companionSettings';

export interface CompanionStore {
  /** The stored settings, checked (anything unreadable reads as the default: off). */
  load(): Promise<CompanionSettings>;
  save(settings: CompanionSettings): Promise<void>;
}

export function createCompanionStore(): CompanionStore {
  return {
    load: async () => parseStoredCompanionSettings((await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY]),
    save: (settings) => browser.storage.local.set({ [STORAGE_KEY]: settings }),
  };
}
