import type { Attributor } from '@/utils/attribution/table-types';
import type { CnameTabView } from '@/utils/cname/tab-view';
import type { CompanionPageView } from '@/utils/companion/companion-lookups';
import type { PageMessages } from '@/utils/messages/page-messages';
import { BatchWriter } from '@/utils/pageload/batch';
import type { PageLoadView } from '@/utils/pageload/page-load';
import { PageLoadTracker } from '@/utils/pageload/tracker';
import type { Capability } from '../platform/capability';
import type { RequestEvents } from '../platform/request-events';
import type { Stores } from '../store/stores';
import { historyOff } from '../store/history-settings-store';
import { BlockedBadge } from './blocked-badge';
import { createPageloadHandlers } from './handlers';
import { observeRequests, openTabIds } from './request-observer';
import { watchStartGap } from './start-gap-recovery';

export interface PageloadCapability extends Capability<keyof PageMessages> {
  /** Lent to names/, which looks up each host once per page load. */
  tracker: PageLoadTracker;
  /** Writes the pending page-load batch, so what was just browsed is in every answer (history/). */
  flush(): Promise<void>;
  /** Drops the site's current page loads from memory, after the start-up restore (history/'s Forget). */
  forgetSite(site: string): Promise<void>;
}

export interface PageloadDeps {
  stores: Pick<Stores, 'pageLoads' | 'history' | 'workerStart' | 'unsaved'>;
  /** The background's one webRequest listener per event (platform/request-events.ts). */
  requests: RequestEvents;
  attributor: () => Promise<Attributor>;
  /** What names/ found behind the page load's hosts (late-bound: names/ is built after this capability). */
  names: (view: PageLoadView) => Promise<CnameTabView>;
  /** The browser's own lookups of the page through the companion; undefined while it is off (late-bound too). */
  companion?: (view: PageLoadView) => CompanionPageView | undefined;
  /** Other domains the user said belong to a site (late-bound: protection/ is built after this capability). */
  ownDomains?: (site: string) => Promise<string[]>;
}

/**
 * Every request of every tab, grouped into page loads (docs/architecture.md, "The path of a request"), written
 * in batches through history, with the blocked count on the toolbar badge.
 */
export function createPageloadCapability(deps: PageloadDeps): PageloadCapability {
  const { pageLoads, history } = deps.stores;
  const writer = new BatchWriter({
    // "Keep no history": nothing reaches IndexedDB (page loads, their counts, tab pointers); the popup works from
    // the tracker's memory. Asked at every write, so turning it on stops the very next one (docs/history.md).
    persist: async (batch) => {
      if (!(await historyOff())) await history.record(batch);
    },
    schedule: (run, ms) => setTimeout(run, ms),
    onError: (error) => console.error('Diffuse: could not store page loads', error),
    failures: deps.stores.unsaved,
  });
  const tracker = new PageLoadTracker({
    sink: writer,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    // Pointers of tabs that are gone (closed while no worker ran, or from an earlier browser session) are dropped.
    restore: async () => pageLoads.currentPageLoads(await openTabIds()),
  });
  // Started once, by start() in the first turn; a message that arrives first starts it too.
  let started: Promise<void> | undefined;
  // The mark tells bench/worker-wake.ts when events queued during the restore were applied (a local mark; nothing leaves).
  const whenStarted = () => (started ??= tracker.start().then(() => void performance.mark('diffuse:pageload-ready')));
  return {
    tracker,
    flush: () => writer.flush(),
    forgetSite: (site) => whenStarted().then(() => tracker.forgetSite(site)),
    handlers: createPageloadHandlers({ tracker, started: whenStarted, writer, pageLoads, attributor: deps.attributor, names: deps.names, companion: deps.companion, ownDomains: deps.ownDomains }),
    start() {
      void whenStarted();
      // What an earlier worker could not write is written first (merged into the pending batch).
      void deps.stores.unsaved.load().then((parked) => parked && writer.adopt(parked.batch)).catch((error: unknown) => console.error('Diffuse: could not read unsaved history', error));
      observeRequests(deps.requests, tracker, new BlockedBadge(), watchStartGap(tracker, deps.stores.workerStart, () => deps.requests.listeningSince(), async (id) => {
        await writer.flush();
        return new Map((await pageLoads.view(id))?.hosts.map((h) => [h.host, h.requests]));
      }));
    },
  };
}
