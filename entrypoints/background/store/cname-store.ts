import { browser } from 'wxt/browser';
import type { CloakBookJson } from '@/utils/cname/cloak-book';

/**
 * The storage.local key of the learned CNAME cloaks, owned here. storage.local rather than the Dexie database:
 * one small value (at most 1,000 entries) read once per background start and written whole after a change.
 */
const KEY = 'cnameCloaks';

export interface CloakStore {
  /** The stored book, unchecked (CloakBook.fromJSON checks it). */
  load(): Promise<unknown>;
  save(book: CloakBookJson): Promise<void>;
}

export function createCloakStore(): CloakStore {
  const local = browser.storage.local;
  return {
    load: async () => (await local.get(KEY))[KEY],
    save: (book) => local.set({ [KEY]: book }),
  };
}
