import { browser } from 'wxt/browser';

/**
 * The storage.session key that says a worker of this extension load has started already. storage.session is
 * emptied when the browser restarts and when the extension is installed, updated or reloaded
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session), so its absence
 * marks the first start of a load: the one start that can have missed what open pages did.
 */
const KEY = 'workerStarted';

export interface WorkerStartStore {
  /**
   * Whether this is the first start since the extension was loaded; marks it, so the next start is not. Asked
   * once per worker: every caller in this worker gets the same answer.
   */
  firstSinceLoad(): Promise<boolean>;
}

export function createWorkerStartStore(): WorkerStartStore {
  let answer: Promise<boolean> | undefined;
  const ask = async () => {
    const session = browser.storage.session;
    // Without storage.session (older than both minimum versions) a background cannot tell: take it as first.
    if (!session) return true;
    if ((await session.get(KEY))[KEY]) return false;
    await session.set({ [KEY]: true });
    return true;
  };
  return { firstSinceLoad: () => (answer ??= ask()) };
}
