import type { ContactReport } from './page-report';

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
