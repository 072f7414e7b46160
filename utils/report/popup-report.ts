import type { TabReport } from '../messages/page-messages';
import type { ContactReport, PageReport } from './page-report';

/**
 * The report as the popup's first screen takes it (TabReport): without its per-host lists, which start closed; the
 * totals they fed are kept, and the site's own few contacts.
 */
export function firstScreen(report: PageReport): TabReport {
  const { contacts, organizations, ...rest } = report;
  return {
    ...rest,
    organizations: organizations.map(({ hosts: _hosts, ...company }) => company),
    blocked: contacts.reduce((n, c) => n + c.blocked, 0),
    ownContacts: contacts.filter((c) => c.sameSite !== undefined),
  };
}

/**
 * Each company's hosts from the page's contacts, as OrganizationReport.hosts has them (third-party hosts with a
 * known owner, most requested first: contacts come sorted so), for the popup once it has asked for the contacts.
 */
export function hostsByCompany(contacts: readonly ContactReport[]): Map<string, string[]> {
  const byCompany = new Map<string, string[]>();
  for (const c of contacts) {
    if (!c.thirdParty || c.organization === null) continue;
    const hosts = byCompany.get(c.organization) ?? [];
    hosts.push(c.host);
    byCompany.set(c.organization, hosts);
  }
  return byCompany;
}
