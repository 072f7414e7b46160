import { summarizePageLookups } from '@/utils/dns/views/page-lookups';
import type { CnameTabView } from '@/utils/cname/tab-view';
import { buildInfrastructureView } from '@/utils/infra/page-infrastructure';
import type { PageLoad } from '@/utils/pageload/page-load';
import { networkHost } from '@/utils/pageload/request-filter';
import type { CnameService } from './cname-service';

/**
 * The page load's cloaks, infrastructure and the resolvers sent its names, for the popup. Hosts this worker has
 * not looked up yet (a Chrome worker restarted mid-page) are looked up now, without waiting: the popup
 * refreshes and shows them when done.
 */
export async function cnameTabView(service: CnameService, load: PageLoad, hosts: readonly { host: string; requests: number }[]): Promise<CnameTabView> {
  const pageHost = networkHost(load.url) ?? load.site;
  const page = { id: load.id, site: load.site, host: pageHost };
  for (const { host } of hosts) if (!service.insights.has(load.id, host)) service.see(page, host);
  const insights = service.insights.of(load.id);
  const { evictions } = await service.state();
  // A host not reached yet (or whose table failed to load) counts as unattributed; the popup does not wait for it.
  const operatorOf = await service.operators(load.id).catch(() => () => undefined);
  return {
    cloaks: service.cloaksOf(load.id),
    infrastructure: buildInfrastructureView(pageHost, hosts, operatorOf),
    lookups: summarizePageLookups(insights.values()),
    cloakEvictions: evictions.total > 0 ? evictions : null,
  };
}
