/**
 * Who owns which sites, beyond the tracker tables: DuckDuckGo's entity map (Tracker Radar, CC BY-NC-SA 4.0),
 * vendored in compact form (vendor/duckduckgo/entities.json, made by scripts/data/vendor-ddg-entities.ts) and
 * compiled into the attribution table's `siteOwners`. It lists publishers' own domains too (nytimes.com and
 * nyt.com under one organization), which the tracker tables do not, so a site's other domains count as first
 * party (first-party.ts).
 */
import { domainKey } from './host-names';

/** The input file: DuckDuckGo's `entities` section with its source and license lines. */
export interface DdgEntityMap {
  source: string;
  license: string;
  entities: Record<string, { displayName?: string; domains?: string[] }>;
}

/** The vendored form: [display name, domains] per organization, sorted by name, domains sorted. */
export interface CompactEntityMap {
  source: string;
  license: string;
  entities: [name: string, domains: string[]][];
}

export function compactEntityMap(map: DdgEntityMap): CompactEntityMap {
  const entities: [string, string[]][] = [];
  for (const [id, e] of Object.entries(map.entities)) {
    const domains = [...new Set((e.domains ?? []).map(domainKey).filter((d): d is string => d !== null))].sort();
    if (domains.length > 0) entities.push([e.displayName !== undefined && e.displayName !== '' ? e.displayName : id, domains]);
  }
  entities.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { source: map.source, license: map.license, entities };
}

/** domain → organization index, over the compiled table's `siteOwners`. */
export function siteOwnerIndex(siteOwners: readonly (readonly [string, readonly string[]])[]): Map<string, number> {
  const index = new Map<string, number>();
  siteOwners.forEach(([, domains], i) => {
    for (const d of domains) if (!index.has(d)) index.set(d, i);
  });
  return index;
}
