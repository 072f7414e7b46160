import type { SkipReason } from '../../cname/lookup-scope';
import type { NeverSentReason } from '../../site/private-names';
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
 * Why Diffuse kept a name of the page to itself, as the popup groups them: `private` covers the names never sent
 * (special-use, non-public, single labels) and every name of a page served from a private address; `address`
 * an IP literal, which has nothing to look up.
 */
export type KeptGroup = 'third-party' | 'page-host' | 'known-tracker' | 'private' | 'address';

/**
 * Who Diffuse's own lookups for one page load told about the visit: the per-page view of the exposure ledger, so
 * the popup can say who learnt the site because of Diffuse. Only the extension's lookups: the browser's own are
 * not Diffuse's to see.
 */
export interface PageLookupsView {
  /** Host names Diffuse looked up (through the pool or the browser's own resolver). */
  hosts: number;
  /** Of those, names no resolver answered. */
  failed: number;
  /** Pool resolvers sent names, most names first: each learnt the site. A failed lookup still counts: the query may have arrived. */
  resolvers: PageResolverView[];
  /** Names asked of the browser's own resolver (Firefox), which had just resolved them for the page: no one new. */
  browser: number;
  /** Names of the page Diffuse did not look up, by why. */
  kept: Partial<Record<KeptGroup, number>>;
}

/** One host's lookup on the page: how it was made, the pool resolvers it was sent to, whether it failed. */
export interface HostLookup {
  via: 'pool' | 'browser' | 'none';
  kept?: SkipReason;
  /** With `kept: 'never-sent'`: which rule of utils/site/private-names.ts kept it. */
  neverSent?: NeverSentReason;
  resolvers: readonly string[];
  error?: string;
}

function keptGroup(reason: SkipReason, neverSent?: NeverSentReason): KeptGroup {
  if (reason === 'never-sent') return neverSent === 'ip-literal' ? 'address' : 'private';
  return reason === 'private-page' ? 'private' : reason;
}

export function summarizePageLookups(lookups: Iterable<HostLookup>): PageLookupsView {
  let hosts = 0;
  let failed = 0;
  let browser = 0;
  const kept: Partial<Record<KeptGroup, number>> = {};
  const counts = new Map<string, number>();
  for (const lookup of lookups) {
    if (lookup.via === 'none') {
      if (lookup.kept) {
        const group = keptGroup(lookup.kept, lookup.neverSent);
        kept[group] = (kept[group] ?? 0) + 1;
      }
      continue;
    }
    hosts++;
    if (lookup.error !== undefined) failed++;
    if (lookup.via === 'browser') browser++;
    for (const url of new Set(lookup.resolvers)) counts.set(url, (counts.get(url) ?? 0) + 1);
  }
  const known = knownResolvers();
  const resolvers = [...counts]
    .map(([url, count]): PageResolverView => {
      const info = known.get(url);
      return { url, label: resolverLabel(url), operator: info?.operator ?? null, country: info?.country ?? null, hosts: count };
    })
    .sort((a, b) => b.hosts - a.hosts || a.label.localeCompare(b.label));
  return { hosts, failed, resolvers, browser, kept };
}
