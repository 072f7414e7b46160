/**
 * The host list of `npm run bench:attribution`, shared with the lookup's equivalence test so both read the same
 * hosts (seeded, the same every run): a host under every domain the compiled table lists (a subdomain for
 * two-label domains, as pages load www./cdn./static. names), a www. host of every organization domain of
 * DuckDuckGo's entity map (publishers' sites among them), and 2,000 hosts nobody lists under real suffixes,
 * shuffled so no lookup profits from alphabetical locality.
 */
import { seededRandom } from '../../bench/dns-random';
import type { AttributionTable } from '../../utils/attribution/table-types';
import type { CompactEntityMap } from '../../utils/attribution/site-owners';

const SUBDOMAINS = ['www', 'cdn', 'static', 'img', 'api', 'assets', 'js', 'pixel', 'media', 't'];
const SUFFIXES = ['com', 'net', 'org', 'de', 'co.uk', 'fr', 'se', 'io', 'com.au', 'it'];

export function attributionBenchHosts(table: AttributionTable, siteOwners: CompactEntityMap, seed = 15): string[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const hosts = new Set<string>();
  for (const domain of Object.keys(table.domains)) hosts.add(domain.split('.').length > 2 ? domain : `${pick(SUBDOMAINS)}.${domain}`);
  for (const [, domains] of siteOwners.entities) for (const d of domains) hosts.add(`www.${d}`);
  for (let i = 0; i < 2000; i++) hosts.add(`${pick(SUBDOMAINS)}.site${Math.floor(random() * 1e9).toString(36)}.${pick(SUFFIXES)}`);
  const list = [...hosts];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
