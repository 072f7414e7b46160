import { defineBackground } from 'wxt/utils/define-background';
import type { SideTable } from '@/utils/rules/side-table';
import { createCompanionCapability } from './companion';
import { createDnsCapability } from './dns';
import { createHistoryCapability } from './history';
import { createManagedCapability } from './managed';
import { createNamesCapability } from './names';
import { createPageloadCapability } from './pageload';
import { loadAttributor } from './platform/attribution-source';
import { routeMessages } from './platform/message-router';
import { RequestEvents } from './platform/request-events';
import { packagedJson } from './platform/packaged-data';
import { createPrivacyCapability } from './privacy';
import { createProtectionCapability } from './protection';
import { createSettingsCapability } from './settings';
import { openStores } from './store/stores';

/**
 * Composition root and nothing else: builds the stores and each capability (one idiom: platform/capability.ts),
 * hands each what it needs, starts them in order and routes the UI's messages to their handlers.
 */
export default defineBackground(() => {
  const stores = openStores();
  const attributor = loadAttributor();
  // Kept: every popup opening reads it (PolicyService.view), and a re-read is a 970 kB fetch and parse.
  const ruleTable = packagedJson<SideTable>('/data/rule-table.json', 'blocking rule table', { keep: true });
  const requests = new RequestEvents();

  const pageload = createPageloadCapability({
    stores,
    requests,
    attributor,
    names: (view) => names.tabView(view.pageLoad, view.hosts),
    companion: (view) => companion.tabView(view),
    ownDomains: (site) => protection.policies.ownDomains(site),
  });
  const protection = createProtectionCapability({ store: stores.policies, ruleTable, managed: stores.managed });
  const privacy = createPrivacyCapability({ store: stores.privacy });
  const dns = createDnsCapability({ store: stores.dns });
  // The browser's own lookups through the companion (off by default): configured from the pool's settings and
  // secret, its reports recorded in the pool's exposure ledger.
  const companion = createCompanionCapability({
    store: stores.companion,
    dns: dns.service,
    firefox: import.meta.env.FIREFOX,
    // Behind the proxy webRequest reports 127.0.0.1 for every request: the companion says where it connected.
    onConnected: (host, address) => names.relayed(host, address),
  });
  const names = createNamesCapability({
    tracker: pageload.tracker,
    requests,
    dns: dns.service,
    attributor,
    policies: protection.policies,
    ruleTable,
    cloaks: stores.cloaks,
    answers: stores.answers,
    operators: stores.operators,
    companionRelay: () => companion.relay(),
    blocking: import.meta.env.FIREFOX,
  });
  // The DNS exposure ledger, the hosts' operators, the learned cloaks (with their rules) and uncloaking's kept
  // answers follow history: they name the sites visited, so they are pruned to the same day, deleted with it, and a
  // site forgotten is forgotten in all.
  const history = createHistoryCapability({
    history: stores.history,
    pageloads: pageload,
    attributor,
    operators: () => stores.operators.memory(),
    followers: [dns.follower, stores.operators.follower, names.follower],
    unsaved: () => stores.unsaved.load(),
    firstSinceLoad: () => stores.workerStart.firstSinceLoad(),
    managed: stores.managed,
  });
  const settings = createSettingsCapability({
    privacy: privacy.manager, policies: protection.policies, dns: dns.service, companion: companion.service, ruleTable, applyHistory: history.applyUserSettings, now: () => Date.now(),
  });
  // What a fleet's policy sets (docs/managed.md), applied at start and on every change of the policy.
  const managed = createManagedCapability({ store: stores.managed, dns: dns.service, companion: companion.service, policies: protection.policies, setCategories: (c) => protection.setCategories(c), applyHistory: history.applySettings });

  // Synchronously, in the first turn: the event that woke the worker must find every listener. pageload's request
  // observer subscribes before names' listener, so a main_frame request has begun its page load when names sees it;
  // then the one webRequest listener per event is registered for both.
  for (const capability of [pageload, names, protection, privacy, dns, companion, history, settings, managed]) capability.start();
  requests.listen(import.meta.env.FIREFOX);
  routeMessages({
    ...pageload.handlers,
    ...protection.handlers,
    ...privacy.handlers,
    ...dns.handlers,
    ...history.handlers,
    ...settings.handlers,
    ...companion.handlers,
  });
});
