/**
 * Runtime side of attribution: host → company by longest matching domain suffix, and host → the
 * organization owning its domain by the site-owner lists (first-party.ts decides first/third party).
 */
import { getPublicSuffix } from 'tldts';
import { isIpAddress, normalizeHost } from './host-names';
import { siteOwnerIndex } from './site-owners';
import { createSuffixTable, NOT_CLEAN } from './suffix-table';
import { ATTRIBUTION_SOURCES, type Attribution, type AttributionTable, type Attributor } from './table-types';

/** Top-level domains never end in a digit, so only such hosts can be IPv4 addresses. */
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// Read through a module-level constant: reading the imported binding on every lookup measured ~50 ns slower
// (bench:attribution under tsx), a third of the whole lookup.
const NOT_CLEAN_HERE: typeof NOT_CLEAN = NOT_CLEAN;

/**
 * Validates the table once, then answers lookups from a suffix table of ready-made results (suffix-table.ts),
 * so a lookup allocates nothing. Throws if the table is not the version this code reads.
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

  const companies = createSuffixTable(byDomain);
  const owners = createSuffixTable(siteOwnerIndex(table.siteOwners));
  const siteOwner = (host: string): number | undefined => {
    const clean = owners.longestClean(host);
    return (clean === NOT_CLEAN_HERE ? owners.longest(normalizeHost(host)) : clean) ?? undefined;
  };

  const lookup = (host: string): Attribution | null => {
    // Hosts from URL.hostname are already clean: checked during the walk, normalised only when not.
    const clean = companies.longestClean(host);
    if (clean !== NOT_CLEAN_HERE) return clean !== null && isDigit(host.charCodeAt(host.length - 1)) && isIpAddress(host) ? null : clean;
    const h = normalizeHost(host);
    if (h === '' || (isDigit(h.charCodeAt(h.length - 1)) && isIpAddress(h)) || h.includes(':')) return null;
    return companies.longest(h);
  };
  return Object.assign(lookup, { siteOwner });
}
