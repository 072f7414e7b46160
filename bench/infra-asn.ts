/**
 * npx tsx bench/infra-asn.ts — the infrastructure attribution data: compile time of the ASN table from
 * @ip-location-db/asn, its shipped size (JSON and gzipped, budget 500 KB), and lookup speed (budget 2 µs) on
 * 1e6 seeded random addresses, against a naive linear scan of the same decoded table in the same run.
 */
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { seededRandom } from './dns-random';
import { decodeRanges } from '../utils/infra/asn-table-format';
import { compileAsnTable } from '../utils/infra/compile-asn-table';
import { compileInfraSuffixes } from '../utils/infra/compile-suffixes';
import { parseIpv4 } from '../utils/infra/ip-parse';
import { createInfraAttributor, type InfraInput } from '../utils/infra/operator-lookup';
import { readAsnCsv, readTrackerDbHosting } from '../tests/support/infra-fixtures';

const N = 1_000_000;
const NAIVE_N = 10_000; // a linear scan is thousands of times slower: fewer lookups keep the run short
const random = seededRandom(7);

function median(times: number[]): number {
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

let t0 = performance.now();
const csv = readAsnCsv();
const readMs = performance.now() - t0;
const compileTimes: number[] = [];
let table = compileAsnTable(csv);
for (let i = 0; i < 5; i++) {
  t0 = performance.now();
  table = compileAsnTable(csv);
  compileTimes.push(performance.now() - t0);
}
const suffixes = compileInfraSuffixes(readTrackerDbHosting());
const tableJson = JSON.stringify(table);
const suffixJson = JSON.stringify(suffixes);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

console.log(`read CSVs ${readMs.toFixed(0)} ms (${kb(csv.ipv4.length + csv.ipv6.length)}); compile (median of 5) ${median(compileTimes).toFixed(0)} ms`);
console.log(`operators ${table.operators.length}; IPv4 ranges ${table.ipv4.count}, IPv6 /64 ranges ${table.ipv6.count}; suffixes ${Object.keys(suffixes).length}`);
console.log('\n| file | JSON bytes | gzipped |\n|---|---|---|');
console.log(`| ASN table | ${tableJson.length} (${kb(tableJson.length)}) | ${gzipSync(tableJson).length} (${kb(gzipSync(tableJson).length)}) |`);
console.log(`| suffix map | ${suffixJson.length} (${kb(suffixJson.length)}) | ${gzipSync(suffixJson).length} |`);
console.log(`budget 500 KB: ${tableJson.length + suffixJson.length <= 500_000 ? 'met' : 'EXCEEDED'}`);

t0 = performance.now();
const attribute = createInfraAttributor(table, suffixes);
console.log(`\ndecode table + build attributor: ${(performance.now() - t0).toFixed(1)} ms`);

// Inputs: uniform random IPv4 (mostly no operator), addresses inside the table's IPv4 ranges (hits), and
// IPv6 addresses inside its /64 ranges. Strings are made up front so only the lookup is timed.
const v4 = decodeRanges(table.ipv4, 2, table.operators.length).words;
const v6 = decodeRanges(table.ipv6, 4, table.operators.length).words;
const v4Text = (n: number): string => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const inRange = (i: number): number => v4[i * 2]! + Math.floor(random() * (v4[i * 2 + 1]! - v4[i * 2]! + 1));
const hex = (n: number): string => `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
const samples: Record<string, string[]> = {
  'IPv4 uniform random': Array.from({ length: N }, () => v4Text(Math.floor(random() * 2 ** 32))),
  'IPv4 inside operator ranges': Array.from({ length: N }, () => v4Text(inRange(Math.floor(random() * table.ipv4.count)))),
  'IPv6 inside operator /64s': Array.from({ length: N }, () => {
    const i = Math.floor(random() * table.ipv6.count) * 4;
    return `${hex(v6[i]!)}:${hex(v6[i + 1]!)}::${Math.floor(random() * 0xffff).toString(16)}`;
  }),
};

/** The lookup every caller makes: one host, no CNAME, one address; the input object is reused. */
const input: InfraInput & { addresses: string[] } = { host: '', cnameChain: [], addresses: [''] };
function timeLookups(addresses: string[]): { ns: number; hits: number } {
  let hits = 0;
  const start = performance.now();
  for (const address of addresses) {
    input.addresses[0] = address;
    if (attribute(input) !== null) hits++;
  }
  return { ns: ((performance.now() - start) * 1e6) / addresses.length, hits };
}

/** Baseline: the same parse and the same decoded ranges, searched front to back. */
function naiveLookup(address: string): number {
  const ip = parseIpv4(address);
  for (let i = 0; i < v4.length; i += 2) if (v4[i]! <= ip && ip <= v4[i + 1]!) return i >>> 1;
  return -1;
}

timeLookups(samples['IPv4 inside operator ranges']!.slice(0, 100_000)); // warm-up
console.log('\n| addresses | lookups | ns per lookup (median of 3) | attributed |\n|---|---|---|---|');
const perLookup: Record<string, number> = {};
for (const [label, addresses] of Object.entries(samples)) {
  const runs = [timeLookups(addresses), timeLookups(addresses), timeLookups(addresses)];
  perLookup[label] = median(runs.map((r) => r.ns));
  console.log(`| ${label} | ${N} | ${perLookup[label]!.toFixed(0)} | ${((runs[0]!.hits / N) * 100).toFixed(1)}% |`);
}

const naiveInputs = samples['IPv4 inside operator ranges']!.slice(0, NAIVE_N);
t0 = performance.now();
let naiveHits = 0;
for (const address of naiveInputs) if (naiveLookup(address) >= 0) naiveHits++;
const naiveNs = ((performance.now() - t0) * 1e6) / NAIVE_N;
const fastNs = perLookup['IPv4 inside operator ranges']!;
console.log(`\nnaive linear scan, IPv4 inside ranges: ${naiveNs.toFixed(0)} ns per lookup over ${NAIVE_N} (${naiveHits} hits); ` +
  `binary search is ${(naiveNs / fastNs).toFixed(0)}× faster`);

// The name side, for scale: a CNAME chain ending in a CDN name (suffix walk over the Map).
const chains = ['d1a2b3c4.cloudfront.net', 'e1234.a.akamaiedge.net', 'www.shop.example.cdn.cloudflare.net', 'no-operator.example.org'];
const cnameInput: InfraInput & { cnameChain: string[] } = { host: 'metrics.shop.example', cnameChain: [''], addresses: [] };
t0 = performance.now();
for (let i = 0; i < N; i++) {
  cnameInput.cnameChain[0] = chains[i & 3]!;
  attribute(cnameInput);
}
console.log(`CNAME + host names (4-name mix): ${(((performance.now() - t0) * 1e6) / N).toFixed(0)} ns per lookup`);
const worst = Math.max(...Object.values(perLookup));
console.log(`budget 2 µs per address lookup: ${worst <= 2000 ? 'met' : 'EXCEEDED'} (slowest ${worst.toFixed(0)} ns)`);
