/**
 * First or third party: is a request the page's own business, or does it go to someone else?
 *
 * First party is the page's site plus what the same organization owns, in this order:
 * 1. the same registrable domain (utils/site/registrable-domain.ts);
 * 2. a domain the user said belongs to the site (site policies' `ownDomains`, popup "this domain belongs to the site");
 * 3. when the tracker table knows both owners, that answer stands: same organization → first party
 *    (youtube.com loading i.ytimg.com), different ones → third (amazon.com loading The Trade Desk's
 *    d1….cloudfront.net, even though Amazon runs cloudfront.net);
 * 4. the same organization by the site-owner lists (DuckDuckGo's entity map: nytimes.com and nyt.com);
 * 5. the brand rule, only for hosts whose owner the tracker table does not know: the request's registrable
 *    domain carries the site's own name as a whole token (diffuse-news-cdn.com, cdn-diffuse-news.com and
 *    diffuse-news.de for diffuse-news.com). docs/attribution.md states its measured false positives.
 * A page on shared hosting (a private-section public suffix such as github.io) gets rules 1 and 2 only: the
 * tables then name the host provider, and two customers of one provider are not each other's first party.
 */
import { getDomainWithoutSuffix, parse } from 'tldts';
import { normalizeHost } from './host-names';
import { registrableDomain } from '../site/registrable-domain';
import type { Attribution, Attributor } from './table-types';

/** Why a host on another registrable domain than the page's still counts as the site's own. */
export type SameSiteReason = 'owner' | 'brand' | 'chosen';

/** Shortest site name the brand rule trusts: "bt" or "o2" would match too many unrelated names. */
export const BRAND_MIN_LENGTH = 4;

/** The site's name: its registrable domain without the public suffix ("diffuse-news" for diffuse-news.co.uk). */
export function brandOf(site: string): string | null {
  const name = getDomainWithoutSuffix(site, { allowPrivateDomains: true });
  return name !== null && name !== undefined && name.length >= BRAND_MIN_LENGTH ? name : null;
}

/** `domain`'s name is `brand`, or has it as whole '-'-separated tokens: brand-cdn, cdn-brand, my-brand-static. */
export function carriesBrand(domain: string, brand: string): boolean {
  // Most domains do not even hold the brand's letters: no Public Suffix List parse for them.
  if (!domain.toLowerCase().includes(brand)) return false;
  const name = getDomainWithoutSuffix(domain, { allowPrivateDomains: true });
  if (name === null || name === undefined) return false;
  const at = `-${name}-`.indexOf(`-${brand}-`);
  return at !== -1;
}

/** Whether one request of a page is first party: null when third party, else 'site' or why it is the site's own. */
export type FirstPartyJudge = (requestHost: string, requestOwner?: Attribution | null) => 'site' | SameSiteReason | null;

/**
 * The judge for every request of one page: what depends on the page alone (its site, shared hosting, owners, brand:
 * three Public Suffix List parses and three lookups) is worked out once, not once per request (a 500-host popup).
 * `ownDomains` are registrable domains the user marked as the site's; `requestOwner`, when the caller has already
 * attributed the request, saves looking it up again.
 */
export function firstPartyJudge(pageHost: string, attribute: Attributor, ownDomains: readonly string[] = []): FirstPartyJudge {
  const page = registrableDomain(normalizeHost(pageHost));
  const shared = parse(page, { allowPrivateDomains: true }).isPrivate === true;
  const pageOwner = shared ? null : attribute(pageHost);
  const siteOwner = shared ? undefined : attribute.siteOwner?.(page);
  const brand = shared ? null : brandOf(page);
  return (requestHost, requestOwner = attribute(requestHost)) => {
    const request = registrableDomain(normalizeHost(requestHost));
    if (page === request) return 'site';
    if (ownDomains.includes(request)) return 'chosen';
    if (shared) return null;
    if (pageOwner !== null && requestOwner !== null) return pageOwner.organization === requestOwner.organization ? 'owner' : null;
    if (siteOwner !== undefined && siteOwner === attribute.siteOwner?.(request)) return 'owner';
    if (requestOwner === null && brand !== null && carriesBrand(request, brand)) return 'brand';
    return null;
  };
}

/** firstPartyJudge for a single request. */
export function firstPartyReason(pageHost: string, requestHost: string, attribute: Attributor, ownDomains: readonly string[] = []): 'site' | SameSiteReason | null {
  return firstPartyJudge(pageHost, attribute, ownDomains)(requestHost);
}

/** Third party unless firstPartyReason finds the request is the site's own. */
export function isThirdParty(pageHost: string, requestHost: string, attribute: Attributor, ownDomains: readonly string[] = []): boolean {
  return firstPartyReason(pageHost, requestHost, attribute, ownDomains) === null;
}
