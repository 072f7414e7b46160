import { browser } from 'wxt/browser';
import type { Attributor } from '@/utils/attribution/table-types';
import type { CnameTabView } from '@/utils/cname/tab-view';
import type { CompanionPageView } from '@/utils/companion/companion-lookups';
import type { Handlers } from '@/utils/messages/contract';
import type { PageMessages } from '@/utils/messages/page-messages';
import type { BatchWriter } from '@/utils/pageload/batch';
import type { PageLoadView } from '@/utils/pageload/page-load';
import type { PageLoadTracker } from '@/utils/pageload/tracker';
import type { PageLoadStore } from '../store/page-load-store';
import { describesConnections } from './request-observer';
import { buildTabView } from './tab-report';

export interface PageloadHandlerDeps {
  tracker: PageLoadTracker;
  /** Resolves once the tracker has restored the tab pointers a stopped worker left. */
  started(): Promise<void>;
  writer: BatchWriter;
  pageLoads: PageLoadStore;
  attributor: () => Promise<Attributor>;
  names: (view: PageLoadView) => Promise<CnameTabView>;
  companion?: (view: PageLoadView) => CompanionPageView | undefined;
  /** Other domains the user said belong to a site (protection/'s policies). */
  ownDomains?: (site: string) => Promise<string[]>;
}

/** The popup's view of a tab, and the reload it asks for after a policy change. */
export function createPageloadHandlers(deps: PageloadHandlerDeps): Pick<Handlers, keyof PageMessages> {
  const { tracker, writer, pageLoads } = deps;
  return {
    'pageLoad.get': async ({ tabId, hosts }) => {
      await deps.started();
      const load = tracker.currentFor(tabId);
      if (!load) return null;
      // Memory when this worker saw the whole load; otherwise storage, after the pending writes.
      const view = tracker.liveView(tabId) ?? (await writer.flush().then(() => pageLoads.view(load.id)));
      if (!view) return null;
      // Independent reads (a policy from IndexedDB, the tables, what names/ knows), asked at once: the popup waits on the slowest, not the sum.
      const [own, attribute, names] = await Promise.all([deps.ownDomains?.(view.pageLoad.site) ?? [], deps.attributor(), deps.names(view)]);
      return buildTabView(view, attribute, describesConnections(), names, deps.companion?.(view), own, hosts);
    },
    'tab.reload': async ({ tabId }) => {
      await browser.tabs.reload(tabId);
      return null;
    },
  };
}
