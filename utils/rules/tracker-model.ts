import { getDomain } from 'tldts';
import { categoryDecision } from './category-decisions';
import { ATTRIBUTION_ONLY_DOMAINS, ATTRIBUTION_ONLY_PATTERNS } from './domain-exceptions';
import { isCanonicalHost, isWithin, minimalDomainList, selfAndParents } from './domains';
import { parseHostFilter, type HostFilter } from './tracker-filters';
import type { TrackerDb, TrackerDbPattern } from './trackerdb-types';

/**
 * The step between trackerdb and DNR rules: trackers grouped by (category, company), with the hosts each
 * group blocks whole and the URL filters it keeps. Grouping by company keeps the rule count low (one rule
 * holds all of a company's hosts in a category) while a rule id still names one company and one category.
 */

export interface FilterEntry extends HostFilter {
  patternId: string;
}

export interface TrackerGroup {
  category: string;
  ownerId: string;
  /** Host -> pattern id, for every host this group blocks whole (subdomains included). */
  blocked: Map<string, string>;
  /** URL filters on hosts the group does not block whole. */
  filters: FilterEntry[];
  /** Subdomains of blocked hosts that the database attributes to another company or category. */
  excluded: Set<string>;
}

export interface Owner {
  /** trackerdb organization id, or `pattern:<id>` for a pattern without one. */
  id: string;
  name: string;
  /** Every host the company runs (all its patterns, any category, and its website's domain). */
  ownDomains: string[];
  /** Subdomains of ownDomains attributed to another company (e.g. a customer's bucket on a cloud host). */
  foreignSubdomains: string[];
}

export interface TrackerModel {
  groups: TrackerGroup[];
  owners: Map<string, Owner>;
}

export function ownerIdOf(patternId: string, pattern: TrackerDbPattern): string {
  return pattern.organization ?? `pattern:${patternId}`;
}

/** Why a pattern domain is attributed but not blocked whole; undefined when it is blocked. */
export function domainLevelRefusal(domain: string, patternId: string, hostFilters: HostFilter[]): string | undefined {
  if (!isCanonicalHost(domain)) return 'not a canonical host name';
  // A public suffix (including the private section: cloudfront.net, elasticbeanstalk.com) is shared by
  // unrelated customers; blocking it whole would block all of them.
  if (getDomain(domain, { allowPrivateDomains: true }) === null) return 'public suffix';
  if (ATTRIBUTION_ONLY_PATTERNS[patternId] !== undefined || ATTRIBUTION_ONLY_DOMAINS[domain] !== undefined) {
    return 'multi-purpose domain (domain-exceptions.ts)';
  }
  // When the database lists filters for the pattern but none of them covers this domain, it has narrowed
  // the tracking to other hosts (e.g. only bat.bing.com of bing.com): follow it.
  if (hostFilters.length > 0 && !hostFilters.some((f) => isWithin(domain, f.host))) return 'narrowed by the database';
  return undefined;
}

export function buildTrackerModel(db: TrackerDb): TrackerModel {
  for (const category of Object.keys(db.categories)) requireDecision(category);
  const groups = new Map<string, TrackerGroup>();
  // Host -> group key for the hosts the database assigns whole to a pattern: its `domains`, and hosts of
  // `||host^` filters (a path filter says which URLs track, not who runs the host).
  const attribution = new Map<string, string>();
  const patternsByOwner = new Map<string, string[]>();

  for (const [patternId, pattern] of Object.entries(db.patterns)) {
    requireDecision(pattern.category);
    const ownerId = ownerIdOf(patternId, pattern);
    patternsByOwner.set(ownerId, [...(patternsByOwner.get(ownerId) ?? []), patternId].sort());
    const key = `${pattern.category}|${ownerId}`;
    const group: TrackerGroup = groups.get(key) ?? { category: pattern.category, ownerId, blocked: new Map(), filters: [], excluded: new Set() };
    groups.set(key, group);

    const hostFilters = pattern.filters.map(parseHostFilter).filter((f): f is HostFilter => f !== null);
    for (const domain of pattern.domains) {
      attribution.set(domain, key);
      if (domainLevelRefusal(domain, patternId, hostFilters) === undefined) group.blocked.set(domain, patternId);
    }
    for (const f of hostFilters) {
      if (f.whole && !attribution.has(f.host)) attribution.set(f.host, key);
      const wholeAllowed = f.whole && !f.resourceTypes && ATTRIBUTION_ONLY_DOMAINS[f.host] === undefined &&
        getDomain(f.host, { allowPrivateDomains: true }) !== null;
      if (wholeAllowed) group.blocked.set(f.host, patternId);
      else group.filters.push({ ...f, patternId });
    }
  }

  for (const group of groups.values()) {
    // A URL filter on a host the group already blocks whole adds nothing.
    const blocked = [...group.blocked.keys()];
    group.filters = group.filters.filter((f) => !blocked.some((domain) => isWithin(f.host, domain)));
  }
  excludeMoreSpecificAttributions(groups, attribution);
  return { groups: [...groups.values()], owners: buildOwners(db, patternsByOwner, attribution) };
}

function requireDecision(category: string): void {
  if (!categoryDecision(category)) {
    throw new Error(`trackerdb category "${category}" has no entry in utils/rules/category-decisions.ts: decide whether it is blocked by default`);
  }
}

/**
 * DNR matches a listed domain and all its subdomains, but the database may attribute a subdomain elsewhere
 * (connect.facebook.net is Meta's analytics, facebook.net its advertising). Such a subdomain goes to the rule's
 * excludedRequestDomains, so it is blocked (or not) by its own category, and attributed to its own company.
 */
function excludeMoreSpecificAttributions(groups: Map<string, TrackerGroup>, attribution: Map<string, string>): void {
  const blockers = new Map<string, TrackerGroup[]>();
  for (const group of groups.values()) {
    for (const domain of group.blocked.keys()) blockers.set(domain, [...(blockers.get(domain) ?? []), group]);
  }
  for (const [host, ownKey] of attribution) {
    for (const parent of selfAndParents(host).slice(1)) {
      for (const group of blockers.get(parent) ?? []) {
        if (`${group.category}|${group.ownerId}` !== ownKey && !group.blocked.has(host)) group.excluded.add(host);
      }
    }
  }
}

function buildOwners(db: TrackerDb, patternsByOwner: Map<string, string[]>, attribution: Map<string, string>): Map<string, Owner> {
  const ownerOfHost = (host: string): string | undefined => {
    for (const name of selfAndParents(host)) {
      const key = attribution.get(name);
      if (key !== undefined) return key.slice(key.indexOf('|') + 1);
    }
    return undefined;
  };
  const owners = new Map<string, Owner>();
  const ownersByDomain = new Map<string, string[]>();
  for (const [ownerId, patternIds] of patternsByOwner) {
    const organization = db.organizations[ownerId];
    const firstPattern = db.patterns[patternIds[0] ?? ''];
    // Public suffixes (appspot.com, azurewebsites.net, github.io...) are left out: their subdomains are the
    // customers' sites, and counting them as the platform's own would exempt those sites from its trackers.
    const domains = new Set(patternIds.flatMap((id) => db.patterns[id]?.domains ?? []).filter(isRegistrableHost));
    const website = websiteDomain(organization?.website_url);
    // The company's website counts as its own unless the database says another company runs that host.
    if (website && (ownerOfHost(website) ?? ownerId) === ownerId) domains.add(website);
    const ownDomains = minimalDomainList(domains);
    for (const domain of ownDomains) ownersByDomain.set(domain, [...(ownersByDomain.get(domain) ?? []), ownerId]);
    const name = organization?.name ?? firstPattern?.name ?? ownerId;
    owners.set(ownerId, { id: ownerId, name, ownDomains, foreignSubdomains: [] });
  }
  const foreign = new Map<string, Set<string>>();
  for (const host of attribution.keys()) {
    const hostOwner = ownerOfHost(host);
    for (const parent of selfAndParents(host).slice(1)) {
      for (const ownerId of ownersByDomain.get(parent) ?? []) {
        if (ownerId !== hostOwner) foreign.set(ownerId, (foreign.get(ownerId) ?? new Set()).add(host));
      }
    }
  }
  for (const [ownerId, hosts] of foreign) {
    const owner = owners.get(ownerId);
    if (owner) owner.foreignSubdomains = minimalDomainList(hosts);
  }
  return owners;
}

function isRegistrableHost(host: string): boolean {
  return isCanonicalHost(host) && getDomain(host, { allowPrivateDomains: true }) !== null;
}

function websiteDomain(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return getDomain(new URL(url).hostname, { allowPrivateDomains: true }) ?? undefined;
  } catch {
    return undefined;
  }
}
