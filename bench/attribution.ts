/**
 * npm run bench:attribution — Diffuse's host → company lookup (utils/attribution/company-lookup.ts) against
 * third-party-web's getEntity, the lookup Lighthouse uses, on the same list of ≥ 10,000 hosts, in one run.
 * Prints the time per lookup of each (median of alternating rounds), the ratio, and how many hosts each attributes,
 * and beside them a stand-in that only reads each host (see `readOnly`): the part no table design can remove.
 *
 * The host list (tests/support/attribution-hosts.ts, seeded, the same every run; the lookup's equivalence test
 * reads it too): a host under every table domain, a www. host of every entity-map domain, 2,000 hosts nobody lists.
 * Goal (issue 15): ≥ 10× faster with more hosts attributed.
 */
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { attributionTable, loadSiteOwners } from '../scripts/data/datasets';
import { createAttributor } from '../utils/attribution/company-lookup';
import { FNV_OFFSET, FNV_PRIME } from '../utils/attribution/suffix-table';
import { attributionBenchHosts } from '../tests/support/attribution-hosts';

const require = createRequire(import.meta.url);
const { getEntity } = require('third-party-web') as { getEntity: (hostOrUrl: string) => { name: string } | undefined };

const table = attributionTable();
const list = attributionBenchHosts(table, loadSiteOwners());

const attribute = createAttributor(table);
const diffuse = (h: string): boolean => attribute(h) !== null;
const tpw = (h: string): boolean => getEntity(h) !== undefined;
/**
 * A stand-in, not a lookup: what reading a host once from its end costs (each character, the rolling hash, the test
 * for a dot), as suffix-table.ts's walk does before any probe. The gap between it and Diffuse is the table's probes,
 * their string checks and the clean-host check; it says how far any such walk can go on this machine.
 */
// Module constants, as company-lookup.ts reads NOT_CLEAN: an imported binding read in the loop costs time under tsx.
const OFFSET = FNV_OFFSET;
const PRIME = FNV_PRIME;
const readOnly = (h: string): boolean => {
  let hash = OFFSET;
  let dots = 0;
  for (let i = h.length - 1; i >= 0; i--) {
    const c = h.charCodeAt(i);
    if (c === 46) dots++;
    hash = Math.imul(hash ^ c, PRIME);
  }
  return hash === dots; // never true in practice; keeps the loop from being optimised away
};

function round(lookup: (h: string) => boolean): { ns: number; hits: number } {
  let hits = 0;
  const t0 = performance.now();
  for (const h of list) if (lookup(h)) hits += 1;
  return { ns: ((performance.now() - t0) * 1e6) / list.length, hits };
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (let i = 0; i < 3; i++) { round(diffuse); round(tpw); round(readOnly); } // warm-up: all JIT-compiled before timing
const ROUNDS = 21;
const ours: number[] = [], theirs: number[] = [], reads: number[] = [];
let ourHits = 0, theirHits = 0;
for (let i = 0; i < ROUNDS; i++) {
  const a = round(diffuse), b = round(tpw);
  reads.push(round(readOnly).ns);
  ours.push(a.ns); theirs.push(b.ns);
  ourHits = a.hits; theirHits = b.hits;
}
const d = median(ours), t = median(theirs), r = median(reads);
console.log(`hosts: ${list.length} (same list for both), ${ROUNDS} alternating rounds, median per lookup`);
console.log(`Diffuse createAttributor: ${d.toFixed(0)} ns/lookup, ${ourHits} hosts attributed (${(100 * ourHits / list.length).toFixed(1)} %)`);
console.log(`third-party-web getEntity: ${t.toFixed(0)} ns/lookup, ${theirHits} hosts attributed (${(100 * theirHits / list.length).toFixed(1)} %)`);
console.log(`ratio: Diffuse ${(t / d).toFixed(1)}× faster, ${ourHits - theirHits} more hosts attributed (goal ≥ 10×, more hosts)`);
console.log(`stand-in, the host read once from its end (hash and dots, no table): ${r.toFixed(0)} ns, ${(t / r).toFixed(1)}× getEntity`);
