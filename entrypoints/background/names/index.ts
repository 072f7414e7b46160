import type { Attributor } from '@/utils/attribution/table-types';
import { buildCloakTargets, type CloakTargets } from '@/utils/cname/cloak-targets';
import type { NameAnswer } from '@/utils/cname/name-answer';
import type { CnameTabView } from '@/utils/cname/tab-view';
import { allDone, type HistoryFollower } from '@/utils/history/history-follower';
import { registrableDomain } from '@/utils/site/registrable-domain';
import type { PageLoad } from '@/utils/pageload/page-load';
import type { PageLoadTracker } from '@/utils/pageload/tracker';
import { DEFAULT_BLOCKED_CATEGORIES } from '@/utils/rules/category-decisions';
import type { SideTable } from '@/utils/rules/side-table';
import type { Capability } from '../platform/capability';
import type { RequestEvents } from '../platform/request-events';
import type { DnsService } from '../dns/dns-service';
import type { PolicyService } from '../protection/policy-service';
import type { AnswerStore } from '../store/answer-store';
import type { CloakStore } from '../store/cname-store';
import type { OperatorStore } from '../store/operator-store';
import { watchHosts } from './cname-listener';
import { syncCloakRules } from './cname-rules';
import { CnameService } from './cname-service';
import { loadInfraAttributor } from './infra-source';
import { createNameResolver } from './name-resolver';
import { cnameTabView } from './tab-view';

export interface NamesCapability extends Capability {
  /** The popup's part of a page load: cloaks found, infrastructure operators, resolvers sent the names. */
  tabView(load: PageLoad, hosts: readonly { host: string; requests: number }[]): Promise<CnameTabView>;
  /** The companion connected to `host` at `address` (the operator serving it, behind the proxy). */
  relayed(host: string, address: string): void;
  /**
   * Learned cloaks (with their rules) and kept answers name the sites visited: they are deleted with history and a
   * forgotten site's go with it; cloaks not seen since the first kept day are pruned with it.
   */
  follower: HistoryFollower;
}

export interface NamesDeps {
  /** The page loads each request belongs to (pageload/), so lookups are made once per host and page load. */
  tracker: PageLoadTracker;
  /** The background's one webRequest listener per event, shared with pageload/ (platform/request-events.ts). */
  requests: RequestEvents;
  dns: DnsService;
  attributor: () => Promise<Attributor>;
  policies: PolicyService;
  ruleTable: () => Promise<SideTable>;
  cloaks: CloakStore;
  /** Recent answers, kept across a stopped worker (storage.session). */
  answers: AnswerStore;
  operators: OperatorStore;
  /** The companion's resolver while it relays the browser's own lookups, else null (companion/). */
  companionRelay: () => ((name: string, site: string) => Promise<NameAnswer>) | null;
  /** Firefox: a blocking listener that cancels a cloaked tracker's first request (within a bounded wait). */
  blocking: boolean;
}

/**
 * What lies behind the names a page contacts (docs/infrastructure.md): CNAME-cloaked trackers, learnt and
 * blocked, and the infrastructure operator serving each host. Answers no message of its own: its findings
 * reach the popup through pageload's tab view.
 */
export function createNamesCapability(deps: NamesDeps): NamesCapability {
  let targets: Promise<CloakTargets> | undefined;
  const names = createNameResolver({ dns: deps.dns, store: deps.answers, now: () => Date.now(), relay: deps.companionRelay });
  const service = new CnameService({
    resolve: (name, site) => names.resolve(name, site),
    targets: () => (targets ??= deps.ruleTable().then((table) => buildCloakTargets(table, DEFAULT_BLOCKED_CATEGORIES))),
    infra: loadInfraAttributor(),
    rememberOperator: deps.operators.remember,
    attributor: deps.attributor,
    store: deps.cloaks,
    syncRules: syncCloakRules,
    mayBlock: async (site, organization) => {
      const policy = await deps.policies.view(site);
      return policy.mode !== 'off' && policy.companies[organization] !== 'allow';
    },
    now: () => Date.now(),
  });
  const ofSite = (site: string) => (host: string) => registrableDomain(host) === site;
  const follower: HistoryFollower = {
    pruneBefore: (time) => service.forgetCloaks((book) => book.pruneIdle(time)),
    deleteAll: () => allDone(service.forgetCloaks((book) => book.clear()), names.forget(() => true)),
    forgetSite: (site) => allDone(service.forgetCloaks((book) => book.forgetSite(site)), names.forget(ofSite(site))),
  };
  return {
    handlers: {},
    follower,
    tabView: (load, hosts) => cnameTabView(service, load, hosts),
    relayed: (host, address) => service.relayed(host, address),
    start() {
      names.start();
      // Firefox's blocking listener may hold a page's first request for the tables, so they load at once there (its
      // background starts once). A Chrome worker starts for every event after a pause: loading ~1.6 MB of JSON then
      // held the event that woke it ~250 ms (npm run bench:wake); there they load on first use, off the request path.
      if (deps.blocking) void service.start();
      // Subscribed after pageload's observer, so a main_frame request has begun its page load. Firefox decides at request time.
      watchHosts(deps.requests, deps.tracker, service, deps.blocking);
    },
  };
}
