import { defineBackground } from 'wxt/utils/define-background';
import { BatchWriter } from '@/utils/pageload/batch';
import { PageLoadTracker } from '@/utils/pageload/tracker';
import { DiffuseDb } from './store/db';
import { PageLoadStore } from './store/page-load-store';
import { observeRequests } from './request-observer';
import { routeMessages } from './message-router';
import { loadAttributor } from './attribution-source';
import { buildPageReport } from '@/utils/report/page-report';

/** Composition root: builds the services, hands each its dependencies, registers every listener. */
export default defineBackground(() => {
  const store = new PageLoadStore(new DiffuseDb());
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
  const started = tracker.start();
  // Listeners synchronously, in the first turn: the event that woke the worker must find them.
  observeRequests(tracker);
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
  });
});
