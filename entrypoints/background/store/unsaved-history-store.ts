import { browser } from 'wxt/browser';
import { batchFromJson, batchToJson, type PageLoadBatch } from '@/utils/pageload/batch';

/**
 * The storage.local key of history that could not be written to IndexedDB: the pending batch, why, since when.
 * Kept on disk apart from the database that failed, so a stopped worker's successor writes it, and the
 * dashboard can say history is not being saved until a write succeeds (docs/history.md, "Failed writes").
 */
const KEY = 'historyUnsaved';

export interface UnsavedHistory {
  batch: PageLoadBatch;
  reason: string;
  /** When writes began to fail (ms). */
  since: number;
}

export interface UnsavedHistoryStore {
  park(batch: PageLoadBatch, error: unknown): Promise<void>;
  clear(): Promise<void>;
  load(): Promise<UnsavedHistory | undefined>;
}

export function createUnsavedHistoryStore(now: () => number = Date.now): UnsavedHistoryStore {
  const read = async () => (await browser.storage.local.get(KEY))[KEY] as { batch?: unknown; reason?: unknown; since?: unknown } | undefined;
  return {
    async park(batch, error) {
      const since = (await read())?.since;
      await browser.storage.local.set({ [KEY]: { batch: batchToJson(batch), reason: describe(error), since: typeof since === 'number' ? since : now() } });
    },
    clear: () => browser.storage.local.remove(KEY),
    async load() {
      const stored = await read();
      const batch = batchFromJson(stored?.batch);
      if (!stored || !batch) return undefined;
      return { batch, reason: String(stored.reason ?? ''), since: Number(stored.since) || now() };
    },
  };
}

/** The browser's words for what went wrong (a DOMException's name and message: QuotaExceededError, …). */
function describe(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}
