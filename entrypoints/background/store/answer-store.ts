import { browser } from 'wxt/browser';

/**
 * The storage.session key of uncloaking's recent answers (utils/cname/answer-memory.ts): kept across a stopped
 * Chrome worker, gone when the browser closes, never written to disk. storage.session: Chrome 102+, Firefox
 * 115+ (both below the minimum versions); absent, the answers stay in memory.
 */
const KEY = 'cnameAnswers';

export interface AnswerStore {
  /** The stored answers, unchecked (AnswerMemory.fromJSON checks them). */
  load(): Promise<unknown>;
  save(json: unknown): Promise<void>;
}

export function createAnswerStore(): AnswerStore {
  return {
    load: async () => (await browser.storage.session?.get(KEY))?.[KEY],
    save: async (json) => void (await browser.storage.session?.set({ [KEY]: json })),
  };
}
