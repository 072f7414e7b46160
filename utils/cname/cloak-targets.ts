/**
 * Which names count as a tracker when a CNAME chain reaches them: exactly the hosts the static tracker rules
 * of the blocked categories block whole (the side table written next to the rulesets), so a cloak is judged by
 * the same list that blocks the tracker under its own name. Rules that match one URL filter, and hosts the
 * compiler keeps attributed-only (google.com, facebook.com, ... in domain-exceptions.ts), are not targets:
 * a custom domain on Blogger (CNAME ghs.google.com) is not a cloaked tracker.
 */
import type { SideTable } from '../rules/side-table';
import { isWithin, selfAndParents } from '../rules/domains';

export interface CloakTarget {
  /** The listed tracker domain the name falls under (e.g. "omtrdc.net"). */
  domain: string;
  organizationId: string;
  organization: string;
  category: string;
}

export interface CloakTargets {
  /** The tracker a name belongs to, by its most specific listed parent; null when it is none. */
  match(name: string): CloakTarget | null;
  /** Whether the company runs `site` itself (its own domains): then the CNAME is not a cloak but its own host. */
  runs(organizationId: string, site: string): boolean;
}

export function buildCloakTargets(table: SideTable, blockedCategories: readonly string[]): CloakTargets {
  const blocked = new Set(blockedCategories);
  const byDomain = new Map<string, CloakTarget>();
  const excluded = new Set<string>();
  for (const info of Object.values(table.rules)) {
    if (!blocked.has(info.category) || info.urlFilter !== undefined) continue;
    for (const domain of Object.keys(info.domains)) {
      byDomain.set(domain, { domain, organizationId: info.organizationId, organization: info.organizationName, category: info.category });
    }
    for (const domain of info.excludedDomains ?? []) excluded.add(domain);
  }
  return {
    match(name) {
      const names = selfAndParents(name.toLowerCase().replace(/\.$/, ''));
      // A subdomain the database attributes to someone else is left out, as the rule leaves it out.
      for (const candidate of names) {
        if (excluded.has(candidate)) return null;
        const hit = byDomain.get(candidate);
        if (hit) return hit;
      }
      return null;
    },
    runs(organizationId, site) {
      const own = table.companies[organizationId]?.ownDomains ?? [];
      return own.some((domain) => isWithin(site, domain));
    },
  };
}
