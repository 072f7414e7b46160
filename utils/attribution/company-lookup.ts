/**
 * Runtime side of attribution: host → company by longest matching domain suffix, and host → the
 * organization owning its domain by the site-owner lists (first-party.ts decides first/third party).
 */
import { getPublicSuffix } from 'tldts';
import { isIpAddress, normalizeHost } from './host-names';
import { siteOwnerIndex } from './site-owners';
import { ATTRIBUTION_SOURCES, type Attribution, type AttributionTable, type Attributor } from './table-types';

/** Lower-case LDH labels, no trailing dot: nothing for normalizeHost to do. */
const CLEAN_HOST = /^[a-z0-9_-][a-z0-9._-]*[a-z0-9_-]$/;
/** Top-level domains never end in a digit, so only such hosts can be IPv4 addresses. */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Validates the table once, then answers lookups from a Map of ready-made results, so a lookup
 * allocates nothing but the label walk. Throws if the table is not the version this code reads.
 */
export function createAttributor(table: AttributionTable): Attributor {
  if (table.version !== 2) throw new Error(`attribution table: unsupported version ${String(table.version)}`);
  const byDomain = new Map<string, Attribution>();
  for (const [domain, row] of Object.entries(table.domains)) {
    const [o, p, c, s] = row;
    const organization = table.organizations[o];
    const product = p === -1 ? organization : table.products[p];
    const category = table.categories[c];
    const source = ATTRIBUTION_SOURCES[s];
    if (organization === undefined || product === undefined || category === undefined || source === undefined) {
      throw new Error(`attribution table: row for "${domain}" points outside the table`);
    }
    // Never let a bare public suffix match: "com" would make every .com host somebody's.
    if (getPublicSuffix(domain) === domain) continue;
    byDomain.set(domain, Object.freeze({ organization, product, category, source, domain }));
  }

  const owners = siteOwnerIndex(table.siteOwners);
  const siteOwner = (host: string): number | undefined => longestSuffix(normalizeHost(host), owners) ?? undefined;

  const lookup = (host: string): Attribution | null => {
    // Hosts from URL.hostname are already clean; skipping normalisation for them halves the cost.
    const h = CLEAN_HOST.test(host) ? host : normalizeHost(host);
    if (h === '' || (isDigit(h.charCodeAt(h.length - 1)) && isIpAddress(h)) || h.includes(':')) return null;
    return longestSuffix(h, byDomain);
  };
  return Object.assign(lookup, { siteOwner });
}

/** a.b.example.com → tries a.b.example.com, b.example.com, example.com (never "com" alone); the first listed wins. */
function longestSuffix<T>(h: string, map: ReadonlyMap<string, T>): T | null {
  for (let start = 0; ; ) {
    const hit = map.get(start === 0 ? h : h.slice(start));
    if (hit !== undefined) return hit;
    const dot = h.indexOf('.', start);
    if (dot === -1 || h.indexOf('.', dot + 1) === -1) return null;
    start = dot + 1;
  }
}
