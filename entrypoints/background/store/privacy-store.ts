import { browser } from 'wxt/browser';
import { parsePrivacyRecord, type PrivacyRecord } from '@/utils/privacy/manager';

/** The one storage.local key for the switches and the values the user had before (a few hundred bytes). */
const STORAGE_KEY = 'privacySettings';

export interface PrivacyStore {
  /** The stored record, checked (an unreadable one reads as empty: utils/privacy/manager.ts). */
  load(): Promise<PrivacyRecord>;
  save(record: PrivacyRecord): Promise<void>;
}

export function createPrivacyStore(): PrivacyStore {
  return {
    load: async () => parsePrivacyRecord((await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY]),
    save: (record) => browser.storage.local.set({ [STORAGE_KEY]: record }),
  };
}
