import type { DomainShare, TabReport } from '../messages/page-messages';
import { registrableDomain } from '../site/registrable-domain';
import type { ContactReport, PageReport } from './page-report';

// The background's side of the popup's answer. What the popup itself runs on the answer is in company-hosts.ts: this
// file reads the Public Suffix List, which stays out of the popup (tldts was most of its script).

/**
 * The report as the popup's first screen takes it (TabReport): without its per-host lists, which start closed; the
 * totals they fed are kept, and the site's other own domains (few, shown at once).
 */
export function firstScreen(report: PageReport): TabReport {
  const { contacts, organizations, ...rest } = report;
  return {
    ...rest,
    organizations: organizations.map(({ hosts: _hosts, ...company }) => company),
    blocked: contacts.reduce((n, c) => n + c.blocked, 0),
    siteDomains: domainShares(contacts.filter((c) => c.sameSite !== undefined)),
  };
}

/** Registrable domains of `contacts`, most requested first, each with its contacts' total (and the first one's reason). */
export function domainShares(contacts: readonly ContactReport[]): DomainShare[] {
  const byDomain = new Map<string, DomainShare>();
  for (const c of contacts) {
    const domain = registrableDomain(c.host);
    const row = byDomain.get(domain) ?? { domain, requests: 0, ...(c.sameSite ? { reason: c.sameSite } : {}) };
    row.requests += c.requests;
    byDomain.set(domain, row);
  }
  return [...byDomain.values()].sort((a, b) => b.requests - a.requests || (a.domain < b.domain ? -1 : 1));
}
