import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BatchWriter } from '@/utils/pageload/batch';
import { PageLoadTracker } from '@/utils/pageload/tracker';
import { DiffuseDb } from './store/db';
import { PageLoadStore } from './store/page-load-store';
import { PolicyStore } from './store/policy-store';
import { PolicyService } from './protection/policy-service';
import { packagedJson } from './platform/packaged-data';
import type { SideTable } from '@/utils/rules/side-table';
import { describesConnections, observeRequests } from './pageload/request-observer';
import { summarizeEncryption } from '@/utils/report/encryption';
import { routeMessages } from './platform/message-router';
import { loadAttributor } from './platform/attribution-source';
import { BlockedBadge } from './pageload/blocked-badge';
import { applyGpc } from './protection/gpc-switch';
import { applyPrivacyDefaultsOnInstall, createPrivacyHandlers, createPrivacySettingsManager } from './privacy/privacy-settings';
import { createDnsHandlers, createDnsService } from './dns/dns-service';
import { HistoryStore } from './store/history-store';
import { createHistoryHandlers } from './history/handlers';
import { allFollowers, startHistoryPruning, type HistoryFollower } from './history/history-pruner';
import { buildPageReport } from '@/utils/report/page-report';
import { cnameTabView, createCnameService } from './names/index';
import { watchHosts } from './names/cname-listener';
import { createOperatorStore } from './store/operator-store';

/** Composition root: builds the services, hands each its dependencies, registers every listener. */
export default defineBackground(() => {
  const db = new DiffuseDb();
  const store = new PageLoadStore(db);
  const ruleTable = packagedJson<SideTable>('/data/rule-table.json', 'blocking rule table');
  const policies = new PolicyService(new PolicyStore(db), ruleTable);
  // Page loads are written through history, which keeps its daily roll-up in the same transaction.
  const history = new HistoryStore(db, store);
  const writer = new BatchWriter({
    persist: (batch) => history.record(batch),
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
  const dns = createDnsService();
  const operators = createOperatorStore();
  const cname = createCnameService({ dns, attributor, policies, ruleTable, rememberOperator: operators.remember });
  void cname.start();
  const started = tracker.start();
  void policies.resync();
  void applyGpc(true).catch((error) => console.error('Diffuse: could not turn Global Privacy Control on', error));
  // Listeners synchronously, in the first turn: the event that woke the worker must find them.
  observeRequests(tracker, new BlockedBadge());
  // After the observer, so a main_frame request has begun its page load. Firefox decides at request time.
  watchHosts(tracker, cname, import.meta.env.FIREFOX);
  // The DNS exposure ledger and the hosts' operators follow history: pruned to the same day, deleted with it, a
  // site forgotten in all. Learned cloaks (cname-store) stay: they are blocking rules, not a record of visits.
  const ledger: HistoryFollower = {
    pruneBefore: (time) => dns.pruneLedgerBefore(time),
    deleteAll: () => dns.clearLedger().then(() => undefined),
    forgetSite: (site) => dns.forgetSite(site),
  };
  const followers = allFollowers(ledger, operators.follower);
  startHistoryPruning(history, followers);
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
      const attribute = await attributor();
      return {
        pageLoad: view.pageLoad,
        report: buildPageReport({ site: view.pageLoad.site, contacts: view.hosts }, attribute),
        encryption: summarizeEncryption(view.hosts, attribute, describesConnections()),
        ...(await cnameTabView(cname, view.pageLoad, view.hosts)),
      };
    },
    'policy.get': ({ site }) => policies.view(site),
    'policy.edit': ({ site, edit }) => policies.edit(site, edit),
    'tab.reload': async ({ tabId }) => {
      await browser.tabs.reload(tabId);
      return null;
    },
    ...createPrivacyHandlers({ manager: privacy }),
    ...createDnsHandlers(dns),
    ...createHistoryHandlers({
      history,
      flush: () => writer.flush(),
      forgetCurrent: (site) => started.then(() => tracker.forgetSite(site)),
      attributor,
      operators: () => operators.memory(),
      follower: followers,
      privacy,
      policies,
      ruleTable,
      now: () => Date.now(),
    }),
  });
});
