import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BatchWriter } from '@/utils/pageload/batch';
import { PageLoadTracker } from '@/utils/pageload/tracker';
import { DiffuseDb } from './store/db';
import { PageLoadStore } from './store/page-load-store';
import { PolicyStore } from './store/policy-store';
import { PolicyService } from './policy-service';
import { packagedJson } from './packaged-data';
import type { SideTable } from '@/utils/rules/side-table';
import { observeRequests } from './request-observer';
import { routeMessages } from './message-router';
import { loadAttributor } from './attribution-source';
import { BlockedBadge } from './blocked-badge';
import { applyGpc } from './gpc-switch';
import { applyPrivacyDefaultsOnInstall, createPrivacyHandlers, createPrivacySettingsManager } from './privacy-settings';
import { buildPageReport } from '@/utils/report/page-report';

/** Composition root: builds the services, hands each its dependencies, registers every listener. */
export default defineBackground(() => {
  const db = new DiffuseDb();
  const store = new PageLoadStore(db);
  const policies = new PolicyService(new PolicyStore(db), packagedJson<SideTable>('/data/rule-table.json', 'blocking rule table'));
  const writer = new BatchWriter({
    persist: (batch) => store.persist(batch),
    schedule: (run, ms) => setTimeout(run, ms),
    onError: (error) => console.error('Diffuse: could not store page loads', error),
  });
  const tracker = new PageLoadTracker({
    sink: writer,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    restore: () => store.currentPageLoads(),
  });

  const attributor = loadAttributor();
  const privacy = createPrivacySettingsManager();
  const started = tracker.start();
  void policies.resync();
  void applyGpc(true).catch((error) => console.error('Diffuse: could not turn Global Privacy Control on', error));
  // Listeners synchronously, in the first turn: the event that woke the worker must find them.
  observeRequests(tracker, new BlockedBadge());
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void applyPrivacyDefaultsOnInstall(privacy);
  });
  routeMessages({
    'pageLoad.get': async ({ tabId }) => {
      await started;
      const load = tracker.currentFor(tabId);
      if (!load) return null;
      // Memory when this worker saw the whole load; otherwise storage, after the pending writes.
      const view = tracker.liveView(tabId) ?? (await writer.flush().then(() => store.view(load.id)));
      if (!view) return null;
      return { pageLoad: view.pageLoad, report: buildPageReport({ site: view.pageLoad.site, contacts: view.hosts }, await attributor()) };
    },
    'policy.get': ({ site }) => policies.view(site),
    'policy.edit': ({ site, edit }) => policies.edit(site, edit),
    'tab.reload': async ({ tabId }) => {
      await browser.tabs.reload(tabId);
      return null;
    },
    ...createPrivacyHandlers({ manager: privacy }),
  });
});
