import type { Attributor } from '@/utils/attribution/table-types';
import type { CnameTabView } from '@/utils/cname/tab-view';
import type { CompanionPageView } from '@/utils/companion/companion-lookups';
import type { TabView } from '@/utils/messages/page-messages';
import type { PageLoadView } from '@/utils/pageload/page-load';
import { summarizeEncryption } from '@/utils/report/encryption';
import { buildPageReport } from '@/utils/report/page-report';
import { domainShares, firstScreen } from '@/utils/report/popup-report';

/**
 * Where a page load's hosts meet their companies: the popup's report (shares, concentration), its encryption
 * by company, what names/ found behind the hosts, and where the browser's own lookups of the page went when the
 * companion is on (companion/). Companies are looked up when read, never stored; so are the domains the user gave
 * the site (protection/'s policies), so a change shows at the popup's next refresh. Every contact goes along only
 * when `hosts` asks for it (a list of hosts is open in the popup).
 */
export function buildTabView(
  view: PageLoadView,
  attribute: Attributor,
  describesConnections: boolean,
  names: CnameTabView,
  routed?: CompanionPageView,
  ownDomains: readonly string[] = [],
  hosts = false,
): TabView {
  const report = buildPageReport({ site: view.pageLoad.site, contacts: view.hosts, ownDomains }, attribute);
  return {
    pageLoad: view.pageLoad,
    report: firstScreen(report),
    ...(hosts ? { contacts: report.contacts, otherDomains: domainShares(report.contacts.filter((c) => c.thirdParty)) } : {}),
    encryption: summarizeEncryption(view.hosts, attribute, describesConnections),
    ...names,
    ...(routed ? { companion: routed } : {}),
  };
}
