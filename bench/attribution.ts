/**
 * npm run bench:attribution — Diffuse's host → company lookup (utils/attribution/company-lookup.ts) against
 * third-party-web's getEntity, the lookup Lighthouse uses, on the same list of ≥ 10,000 hosts, in one run.
 * Prints the time per lookup of each (median of alternating rounds), the ratio, and how many hosts each attributes.
 *
 * The host list (seeded, the same every run): a host under every domain the compiled table lists (a subdomain
 * for two-label domains, as pages load www./cdn./static. names), a www. host of every organization domain of
 * DuckDuckGo's entity map (publishers' sites among them), and 2,000 hosts nobody lists under real suffixes.
 * Goal (issue 15): ≥ 10× faster with more hosts attributed.
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { seededRandom } from './dns-random';
import { attributionTable, loadSiteOwners } from '../scripts/data/datasets';
import { createAttributor } from '../utils/attribution/company-lookup';

const require = createRequire(import.meta.url);
const { getEntity } = require('third-party-web') as { getEntity: (hostOrUrl: string) => { name: string } | undefined };

const random = seededRandom(15);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const SUBDOMAINS = ['www', 'cdn', 'static', 'img', 'api', 'assets', 'js', 'pixel', 'media', 't'];
const SUFFIXES = ['com', 'net', 'org', 'de', 'co.uk', 'fr', 'se', 'io', 'com.au', 'it'];

const table = attributionTable();
const hosts = new Set<string>();
for (const domain of Object.keys(table.domains)) hosts.add(domain.split('.').length > 2 ? domain : `${pick(SUBDOMAINS)}.${domain}`);
for (const [, domains] of loadSiteOwners().entities) for (const d of domains) hosts.add(`www.${d}`);
for (let i = 0; i < 2000; i++) hosts.add(`${pick(SUBDOMAINS)}.site${Math.floor(random() * 1e9).toString(36)}.${pick(SUFFIXES)}`);
const list = [...hosts];
// Shuffled, so neither lookup profits from alphabetical locality.
for (let i = list.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [list[i], list[j]] = [list[j]!, list[i]!];
}

const attribute = createAttributor(table);
const diffuse = (h: string): boolean => attribute(h) !== null;
const tpw = (h: string): boolean => getEntity(h) !== undefined;

function round(lookup: (h: string) => boolean): { ns: number; hits: number } {
  let hits = 0;
  const t0 = performance.now();
  for (const h of list) if (lookup(h)) hits += 1;
  return { ns: ((performance.now() - t0) * 1e6) / list.length, hits };
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (let i = 0; i < 3; i++) { round(diffuse); round(tpw); } // warm-up: both JIT-compiled before timing
const ROUNDS = 21;
const ours: number[] = [], theirs: number[] = [];
let ourHits = 0, theirHits = 0;
for (let i = 0; i < ROUNDS; i++) {
  const a = round(diffuse), b = round(tpw);
  ours.push(a.ns); theirs.push(b.ns);
  ourHits = a.hits; theirHits = b.hits;
}
const d = median(ours), t = median(theirs);
console.log(`hosts: ${list.length} (same list for both), ${ROUNDS} alternating rounds, median per lookup`);
console.log(`Diffuse createAttributor: ${d.toFixed(0)} ns/lookup, ${ourHits} hosts attributed (${(100 * ourHits / list.length).toFixed(1)} %)`);
console.log(`third-party-web getEntity: ${t.toFixed(0)} ns/lookup, ${theirHits} hosts attributed (${(100 * theirHits / list.length).toFixed(1)} %)`);
console.log(`ratio: Diffuse ${(t / d).toFixed(1)}× faster, ${ourHits - theirHits} more hosts attributed (goal ≥ 10×, more hosts)`);
