import { parse } from 'tldts';

/**
 * A "site": the registrable domain (eTLD+1) by the Public Suffix List with its private section on, as browsers
 * define sites, so two customers of github.io or pages.dev are different sites. IP addresses, single labels and
 * reserved names (localhost) are their own site. Takes a host or a URL. The one definition every part of Diffuse
 * (page loads, attribution, resolver selection, policies) uses.
 */
export function registrableDomain(hostOrUrl: string): string {
  const bare = hostOrUrl.trim().toLowerCase().replace(/\.$/, '');
  const parsed = parse(bare, { allowPrivateDomains: true });
  return parsed.domain ?? parsed.hostname ?? bare;
}
