import type { Attributor } from '@/utils/attribution/table-types';
import { buildCloakTargets, type CloakTargets } from '@/utils/cname/cloak-targets';
import { summarizePageLookups } from '@/utils/dns/views/page-lookups';
import type { CnameTabView } from '@/utils/cname/tab-view';
import { buildInfrastructureView } from '@/utils/infra/page-infrastructure';
import type { PageLoad } from '@/utils/pageload/page-load';
import { networkHost } from '@/utils/pageload/request-filter';
import { DEFAULT_BLOCKED_CATEGORIES } from '@/utils/rules/category-decisions';
import type { SideTable } from '@/utils/rules/side-table';
import { CnameService } from './cname-service';
import { syncCloakRules } from './cname-rules';
import type { DnsService } from '../dns/dns-service';
import { loadInfraAttributor } from './infra-source';
import type { PolicyService } from '../protection/policy-service';
import { createCloakStore } from '../store/cname-store';

/** The service over the real browser: the DNS service's pool, the packaged tables, storage.local, DNR. */
export function createCnameService(deps: {
  dns: DnsService;
  attributor: () => Promise<Attributor>;
  policies: PolicyService;
  ruleTable: () => Promise<SideTable>;
  rememberOperator: (host: string, operator: string | null) => void;
}): CnameService {
  let targets: Promise<CloakTargets> | undefined;
  return new CnameService({
    resolve: (name, site) => deps.dns.resolve({ name, site }),
    targets: () => (targets ??= deps.ruleTable().then((table) => buildCloakTargets(table, DEFAULT_BLOCKED_CATEGORIES))),
    infra: loadInfraAttributor(),
    rememberOperator: deps.rememberOperator,
    attributor: deps.attributor,
    store: createCloakStore(),
    syncRules: syncCloakRules,
    mayBlock: async (site, organization) => {
      const policy = await deps.policies.view(site);
      return policy.mode !== 'off' && policy.companies[organization] !== 'allow';
    },
    now: () => Date.now(),
  });
}

/**
 * The page load's cloaks and infrastructure. Hosts this worker has not looked up yet (a Chrome worker
 * restarted mid-page) are looked up now, without waiting: the popup refreshes and shows them when done.
 */
export async function cnameTabView(service: CnameService, load: PageLoad, hosts: readonly { host: string; requests: number }[]): Promise<CnameTabView> {
  for (const { host } of hosts) if (!service.insights.has(load.id, host)) service.see(load.id, load.site, host);
  const insights = service.insights.of(load.id);
  const { evictions } = await service.state();
  const pageHost = networkHost(load.url) ?? load.site;
  return {
    cloaks: service.cloaksOf(load.id),
    // A failed lookup counts as unattributed: the operator is not known, and the popup should not wait for it.
    infrastructure: buildInfrastructureView(pageHost, hosts, (host) => insights.get(host)?.infra),
    lookups: summarizePageLookups(insights.values()),
    cloakEvictions: evictions.total > 0 ? evictions : null,
  };
}
