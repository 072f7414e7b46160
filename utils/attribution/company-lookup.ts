/**
 * Runtime side of attribution: host → company by longest matching domain suffix, and the
 * first-/third-party decision that uses it.
 */
import { getPublicSuffix, parse } from 'tldts';
import { isIpAddress, normalizeHost } from './host-names';
import { registrableDomain } from '../site/registrable-domain';
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
  if (table.version !== 1) throw new Error(`attribution table: unsupported version ${String(table.version)}`);
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

  return (host: string): Attribution | null => {
    // Hosts from URL.hostname are already clean; skipping normalisation for them halves the cost.
    const h = CLEAN_HOST.test(host) ? host : normalizeHost(host);
    if (h === '' || (isDigit(h.charCodeAt(h.length - 1)) && isIpAddress(h)) || h.includes(':')) return null;
    // a.b.example.com → a.b.example.com, b.example.com, example.com (never "com" alone).
    for (let start = 0; ; ) {
      const hit = byDomain.get(start === 0 ? h : h.slice(start));
      if (hit !== undefined) return hit;
      const dot = h.indexOf('.', start);
      if (dot === -1 || h.indexOf('.', dot + 1) === -1) return null;
      start = dot + 1;
    }
  };
}

/**
 * Third party unless the request stays on the page's registrable domain, or goes to the company
 * that runs the page: youtube.com loading i.ytimg.com talks to Google both times.
 *
 * The company rule is skipped when the page itself sits on shared hosting (a private-section public
 * suffix such as github.io or pages.dev): the table then names the host provider, not whoever runs
 * the site, and two customers of one provider are not each other's first party.
 */
export function isThirdParty(pageHost: string, requestHost: string, attribute: Attributor): boolean {
  if (registrableDomain(normalizeHost(pageHost)) === registrableDomain(normalizeHost(requestHost))) return false;
  if (parse(normalizeHost(pageHost), { allowPrivateDomains: true }).isPrivate === true) return true;
  const page = attribute(pageHost);
  const request = attribute(requestHost);
  return page === null || request === null || page.organization !== request.organization;
}
