import { defineBackground } from 'wxt/utils/define-background';
import { BatchWriter } from '@/utils/pageload/batch';
import { PageLoadTracker } from '@/utils/pageload/tracker';
import { DiffuseDb } from './store/db';
import { PageLoadStore } from './store/page-load-store';
import { observeRequests } from './request-observer';
import { routeMessages } from './message-router';

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

  const started = tracker.start();
  // Listeners synchronously, in the first turn: the event that woke the worker must find them.
  observeRequests(tracker);
  routeMessages({
    'pageLoad.get': async ({ tabId }) => {
      await started;
      await writer.flush();
      const load = tracker.currentFor(tabId);
      return load ? store.view(load.id) : null;
    },
  });
});
