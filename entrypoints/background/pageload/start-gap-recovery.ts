import { browser } from 'wxt/browser';
import { DELIVERY_SLACK_MS, readFrameTimeline, startGap, type DeliveredRequest, type FrameTimeline } from '@/utils/pageload/start-gap';
import type { PageLoadTracker } from '@/utils/pageload/tracker';
import type { WorkerStartStore } from '../store/worker-start-store';

/** How long after registration the pages are read: past the delivery slack, so every request webRequest will deliver from that time has come. */
const READ_AFTER_MS = DELIVERY_SLACK_MS + 500;

export interface StartGapWatch {
  /** Every request the observer is delivered; kept, by tab, only during the first READ_AFTER_MS. */
  delivered(tabId: number, request: DeliveredRequest): void;
}

/**
 * Recovers what open pages did before the webRequest listener existed. At a browser start Chrome starts the
 * worker when it likes, often after restored tabs have begun loading, and a request made while no listener is
 * registered is never delivered (measured: a page opened at once after a Chromium restart lost its document,
 * script and images in 3 of 6 runs; docs/history.md, "Start-up"). The first worker of an extension load reads
 * each open tab's Performance Timeline (scripting.executeScript, every frame) and hands the tracker what it
 * lacks. Later workers of the same load were woken for every event (their listeners persist) and read nothing.
 */
export function watchStartGap(tracker: PageLoadTracker, starts: WorkerStartStore, listeningSince: () => number | undefined, storedCounts: StoredCounts): StartGapWatch {
  // When the webRequest listener really went in (platform/request-events.ts registers it after every capability
  // has subscribed): a request the page made before then was never delivered and must come from its timeline.
  const subscribedAt = Date.now();
  let window: Map<number, DeliveredRequest[]> | undefined = new Map();
  // Until the open tabs' documents are known, events of tabs this worker has not seen begin a page load wait.
  tracker.hold();
  const read = async () => {
    if (!(await starts.firstSinceLoad())) return;
    await new Promise((done) => setTimeout(done, READ_AFTER_MS - (Date.now() - subscribedAt)));
    const registeredAt = listeningSince() ?? Date.now();
    const delivered = window ?? new Map<number, DeliveredRequest[]>();
    window = undefined;
    await recoverOpenTabs(tracker, delivered, registeredAt, storedCounts);
  };
  read()
    .catch((error: unknown) => console.error('Diffuse: could not read what open pages loaded before the start', error))
    .finally(() => {
      window = undefined;
      tracker.release();
    });
  return {
    delivered(tabId, request) {
      if (!window || tabId < 0) return;
      let list = window.get(tabId);
      if (!list) window.set(tabId, (list = []));
      list.push(request);
    },
  };
}

/** A stored page load's request count per host (what the worker that began it wrote). */
export type StoredCounts = (pageLoadId: string) => Promise<ReadonlyMap<string, number>>;

async function recoverOpenTabs(tracker: PageLoadTracker, delivered: Map<number, DeliveredRequest[]>, registeredAt: number, storedCounts: StoredCounts): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || !/^https?:/.test(tab.url ?? '')) continue;
    const frames = await readTab(tab.id);
    const gap = frames && startGap(tab.id, frames, delivered.get(tab.id) ?? [], registeredAt);
    if (!gap) continue;
    // The tab's events wait (tracker.hold) while its load is only in storage, so the counts read here are all earlier workers'.
    const restored = tracker.restoredFor(gap);
    tracker.recover(gap, restored && (await storedCounts(restored.id)));
  }
}

/** Every frame's timeline; undefined where the browser lets no script in (its own pages, a tab being closed). */
async function readTab(tabId: number): Promise<FrameTimeline[] | undefined> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: readFrameTimeline });
    return results.flatMap((r) => (r.result ? [{ ...(r.result as Omit<FrameTimeline, 'frameId'>), frameId: r.frameId }] : []));
  } catch {
    return undefined;
  }
}
