import { resolverLabel } from '../wire/errors';
import { knownResolvers } from '../settings/resolvers';

/** One resolver that was sent names of a page load, as the popup names it. */
export interface PageResolverView {
  /** The URL template, as the pool and the ledger name it. */
  url: string;
  /** Host (and path when unusual), for a resolver Diffuse does not know by name. */
  label: string;
  operator: string | null;
  country: string | null;
  /** Host names of this page load it was sent. */
  hosts: number;
}

/**
 * Where Diffuse's own lookups for one page load went: the per-page view of the exposure ledger, so the popup can
 * say who could have learnt this visit. Only the extension's lookups: the browser's own are not Diffuse's to see.
 */
export interface PageLookupsView {
  /** Host names looked up (addresses and single labels have nothing to look up). */
  hosts: number;
  /** Of those, names no resolver answered. */
  failed: number;
  /** Most names first. A failed lookup still counts for each resolver it was sent to: the query may have arrived. */
  resolvers: PageResolverView[];
}

/** One host's lookup on the page: the resolvers it was sent to (answered or not), and whether it failed. */
export interface HostLookup {
  resolvers: readonly string[];
  error?: string;
}

export function summarizePageLookups(lookups: Iterable<HostLookup>): PageLookupsView {
  let hosts = 0;
  let failed = 0;
  const counts = new Map<string, number>();
  for (const lookup of lookups) {
    if (lookup.resolvers.length === 0 && lookup.error === undefined) continue;
    hosts++;
    if (lookup.error !== undefined) failed++;
    for (const url of new Set(lookup.resolvers)) counts.set(url, (counts.get(url) ?? 0) + 1);
  }
  const known = knownResolvers();
  const resolvers = [...counts]
    .map(([url, count]): PageResolverView => {
      const info = known.get(url);
      return { url, label: resolverLabel(url), operator: info?.operator ?? null, country: info?.country ?? null, hosts: count };
    })
    .sort((a, b) => b.hosts - a.hosts || a.label.localeCompare(b.label));
  return { hosts, failed, resolvers };
}
