import { browser } from 'wxt/browser';
import { parseHistorySettings, type HistorySettings } from '@/utils/history/retention';

/** The one storage.local key for history's settings (retention, "keep no history"); a few bytes, read when needed. */
const STORAGE_KEY = 'historySettings';

export async function loadHistorySettings(): Promise<HistorySettings> {
  return parseHistorySettings((await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY]);
}

export async function saveHistorySettings(settings: HistorySettings): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEY]: settings });
}

/**
 * Whether "keep no history" is on: every writer of browsing traces asks before writing (page loads, the DNS
 * ledger, the hosts' operators), read from storage each time so a worker never writes on a stale answer.
 */
export async function historyOff(): Promise<boolean> {
  return (await loadHistorySettings()).off;
}
