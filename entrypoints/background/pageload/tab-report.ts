import type { Attributor } from '@/utils/attribution/table-types';
import type { CnameTabView } from '@/utils/cname/tab-view';
import type { TabView } from '@/utils/messages/page-messages';
import type { PageLoadView } from '@/utils/pageload/page-load';
import { summarizeEncryption } from '@/utils/report/encryption';
import { buildPageReport } from '@/utils/report/page-report';

/**
 * Where a page load's hosts meet their companies: the popup's report (shares, concentration), its encryption
 * by company, and what names/ found behind the hosts. Companies are looked up when read, never stored.
 */
export async function buildTabView(
  view: PageLoadView,
  attribute: Attributor,
  describesConnections: boolean,
  names: (view: PageLoadView) => Promise<CnameTabView>,
): Promise<TabView> {
  return {
    pageLoad: view.pageLoad,
    report: buildPageReport({ site: view.pageLoad.site, contacts: view.hosts }, attribute),
    encryption: summarizeEncryption(view.hosts, attribute, describesConnections),
    ...(await names(view)),
  };
}
