/**
 * The per-page report: who a page contacted, rolled up by company, with shares and concentration.
 * One builder serves the popup, the HAR CLI and exports, so all three count the same way.
 *
 * Counting rules (the popup, the CLI and the docs rely on them):
 * - `organizations`, shares and concentration cover third-party requests only: the page's own site,
 *   its own company's domains, its brand's domains and domains the user gave it are not "who else it
 *   talked to" (utils/attribution/first-party.ts; such contacts carry `sameSite`).
 * - A host with no known owner is counted as a third-party host, but not as a company. Its requests
 *   stay in the denominator of every share (so "Google received 48 %" is 48 % of all third-party
 *   requests) and are reported apart in `unknown`. They add nothing to the HHI: we cannot say whose
 *   they are, so the HHI is a lower bound whenever `unknown.requests` > 0, and no concentration level is
 *   claimed when they take half the third-party requests or more (concentration.ts).
 * - `requests` counts every request the page made, blocked ones included; `blocked` is how many of
 *   them were blocked.
 */
import { normalizeHost } from '../attribution/host-names';
import { firstPartyJudge, type SameSiteReason } from '../attribution/first-party';
import type { Attribution, Attributor } from '../attribution/table-types';
import { measureConcentration, round4, type Concentration } from './concentration';

export interface ContactInput {
  host: string;
  requests: number;
  blocked?: number;
}

export interface ContactReport {
  host: string;
  /** null when no owner is known. */
  organization: string | null;
  product: string | null;
  /** Category id (trackerdb vocabulary), null when unknown. */
  category: string | null;
  requests: number;
  blocked: number;
  thirdParty: boolean;
  /** On another registrable domain than the page's, yet the site's own: why (first-party.ts). */
  sameSite?: SameSiteReason;
  /** The site's own name whose CNAME chain reaches a tracker: attributed to that tracker, a third party. */
  cloaked?: true;
}

export interface OrganizationReport {
  name: string;
  requests: number;
  /** Fraction (0–1) of the page's third-party requests. */
  share: number;
  /** Category ids of its hosts, most requested first. */
  categories: string[];
  blocked: number;
  /** Its hosts, most requested first. */
  hosts: string[];
}

export interface PageSummary {
  thirdPartyHosts: number;
  thirdPartyRequests: number;
  companies: number;
  /** Third-party hosts with no known owner (included in thirdPartyHosts). */
  unknownHosts: number;
  topCompany: { name: string; share: number } | null;
}

export interface PageReport {
  site: string;
  contacts: ContactReport[];
  organizations: OrganizationReport[];
  unknown: { hosts: number; requests: number; blocked: number; share: number };
  firstParty: { hosts: number; requests: number; blocked: number };
  concentration: Concentration;
  summary: PageSummary;
}

/**
 * The schema of a report page (docs/report-schema.md): 2 added `sameSite` on contacts, the concentration level
 * `unknown` and, from the HAR CLI with --resolve, `cloaked`.
 */
export const REPORT_SCHEMA = 'diffuse-report/2';

const byRequestsThenName = <T>(requests: (t: T) => number, name: (t: T) => string) => (a: T, b: T): number =>
  requests(b) - requests(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);

/** Same host listed twice (e.g. from two frames) is one contact; counts must be sane numbers. */
function mergeContacts(contacts: readonly ContactInput[]): Map<string, { requests: number; blocked: number }> {
  const merged = new Map<string, { requests: number; blocked: number }>();
  for (const c of contacts) {
    const host = normalizeHost(c.host);
    const blocked = c.blocked ?? 0;
    if (host === '') throw new RangeError('page report: a contact has an empty host');
    if (!(c.requests >= 0) || !Number.isFinite(c.requests)) throw new RangeError(`page report: ${host}: requests must be a number ≥ 0`);
    if (!(blocked >= 0) || blocked > c.requests) throw new RangeError(`page report: ${host}: blocked must be between 0 and requests`);
    const m = merged.get(host) ?? { requests: 0, blocked: 0 };
    m.requests += c.requests;
    m.blocked += blocked;
    merged.set(host, m);
  }
  return merged;
}

/**
 * `ownDomains`: registrable domains the user said belong to the site (site policies). `cloaks`: hosts whose CNAME
 * chain reaches a tracker (utils/cname/detect-cloak.ts) → that tracker; they count as its third-party hosts.
 */
export function buildPageReport(
  page: { site: string; contacts: readonly ContactInput[]; ownDomains?: readonly string[]; cloaks?: ReadonlyMap<string, Attribution> },
  attribute: Attributor,
): PageReport {
  const site = normalizeHost(page.site);
  const contacts: ContactReport[] = [];
  const judge = firstPartyJudge(site, attribute, page.ownDomains);
  for (const [host, { requests, blocked }] of mergeContacts(page.contacts)) {
    const cloak = page.cloaks?.get(host);
    if (cloak !== undefined) {
      contacts.push({ host, organization: cloak.organization, product: cloak.product, category: cloak.category, requests, blocked, thirdParty: true, cloaked: true });
      continue;
    }
    const who = attribute(host);
    const party = judge(host, who);
    contacts.push({
      host,
      organization: who?.organization ?? null,
      product: who?.product ?? null,
      category: who?.category ?? null,
      requests,
      blocked,
      thirdParty: party === null,
      ...(party !== null && party !== 'site' ? { sameSite: party } : {}),
    });
  }
  contacts.sort(byRequestsThenName((c) => c.requests, (c) => c.host));

  const third = contacts.filter((c) => c.thirdParty);
  const thirdPartyRequests = third.reduce((n, c) => n + c.requests, 0);
  const organizations = rollUp(third, thirdPartyRequests);
  const unknownContacts = third.filter((c) => c.organization === null);
  const firstContacts = contacts.filter((c) => !c.thirdParty);
  const sum = (list: ContactReport[], f: (c: ContactReport) => number) => list.reduce((n, c) => n + f(c), 0);
  const unknownRequests = sum(unknownContacts, (c) => c.requests);
  const unknownShare = thirdPartyRequests > 0 ? round4(unknownRequests / thirdPartyRequests) : 0;
  const top = organizations[0];

  return {
    site,
    contacts,
    organizations,
    unknown: {
      hosts: unknownContacts.length,
      requests: unknownRequests,
      blocked: sum(unknownContacts, (c) => c.blocked),
      share: unknownShare,
    },
    firstParty: { hosts: firstContacts.length, requests: sum(firstContacts, (c) => c.requests), blocked: sum(firstContacts, (c) => c.blocked) },
    concentration: measureConcentration(organizations.map((o) => o.requests), thirdPartyRequests, unknownShare),
    summary: {
      thirdPartyHosts: third.length,
      thirdPartyRequests,
      companies: organizations.length,
      unknownHosts: unknownContacts.length,
      topCompany: top === undefined || top.requests === 0 ? null : { name: top.name, share: top.share },
    },
  };
}

/** Third-party contacts with a known owner, grouped by company, most requested first. */
function rollUp(third: readonly ContactReport[], total: number): OrganizationReport[] {
  const groups = new Map<string, { requests: number; blocked: number; hosts: ContactReport[]; categories: Map<string, number> }>();
  for (const c of third) {
    if (c.organization === null) continue;
    const g = groups.get(c.organization) ?? { requests: 0, blocked: 0, hosts: [], categories: new Map<string, number>() };
    g.requests += c.requests;
    g.blocked += c.blocked;
    g.hosts.push(c); // contacts arrive sorted, so hosts stay most-requested first
    if (c.category !== null) g.categories.set(c.category, (g.categories.get(c.category) ?? 0) + c.requests);
    groups.set(c.organization, g);
  }
  const rows = [...groups].map(([name, g]): OrganizationReport => ({
    name,
    requests: g.requests,
    share: total > 0 ? round4(g.requests / total) : 0,
    categories: [...g.categories].sort(byRequestsThenName(([, n]) => n, ([id]) => id)).map(([id]) => id),
    blocked: g.blocked,
    hosts: g.hosts.map((h) => h.host),
  }));
  return rows.sort(byRequestsThenName((o) => o.requests, (o) => o.name));
}
