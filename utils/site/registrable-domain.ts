import { parse } from 'tldts';

/**
 * Answers for recent inputs. The same hosts come back all the time (every request of a page, each popup opening
 * re-reads the page's hosts), and a Public Suffix List parse was a quarter of a 500-host report's build (node CPU
 * profile, 60 builds). Cleared when full rather than kept in order: a cap, not a cache policy, bounds memory.
 */
const recent = new Map<string, string>();
const RECENT_MAX = 2048;
/** Longest input kept: a DNS name's limit (RFC 1035 §2.3.4); a whole URL is worked out each time, not stored. */
const RECENT_INPUT_MAX = 253;

/**
 * A "site": the registrable domain (eTLD+1) by the Public Suffix List with its private section on, as browsers
 * define sites, so two customers of github.io or pages.dev are different sites. IP addresses, single labels and
 * reserved names (localhost) are their own site. Takes a host or a URL. The one definition every part of Diffuse
 * (page loads, attribution, resolver selection, policies) uses.
 */
export function registrableDomain(hostOrUrl: string): string {
  const known = recent.get(hostOrUrl);
  if (known !== undefined) return known;
  const bare = hostOrUrl.trim().toLowerCase().replace(/\.$/, '');
  const parsed = parse(bare, { allowPrivateDomains: true });
  const site = parsed.domain ?? parsed.hostname ?? bare;
  if (hostOrUrl.length <= RECENT_INPUT_MAX) {
    if (recent.size >= RECENT_MAX) recent.clear();
    recent.set(hostOrUrl, site);
  }
  return site;
}
