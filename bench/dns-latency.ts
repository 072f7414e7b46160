/**
 * `npm run bench:dns [-- --lookups N --concurrency C]`
 * Three local DoH servers answering after 5, 20 and 60 ms. Warm (connections open, latency learnt),
 * cache-missing lookups through: the fastest resolver alone, the pool with each strategy, the pool with
 * one server dead (refusing, or hanging), and dns-over-http-resolver as a peer; then the cost of a cache
 * hit. All ratios come from this one run. Bounded: every loop has a fixed count and every lookup a limit.
 */
import type { ResolverPool } from '../utils/dns/pool/pool';
import type { Strategy } from '../utils/dns/pool/selection';
import { DELAYS_MS, peerOver, poolOver, sample, startRig, type Rig, type Sample } from './dns-latency-rig';
import { seededRandom } from './dns-random';
import { fixed, markdownTable, numberArg, percent, percentile } from './dns-stats';

const argv = process.argv.slice(2);
const LOOKUPS = numberArg(argv, 'lookups', 600);
const CONCURRENCY = numberArg(argv, 'concurrency', 4);
const WARM = 150;

type Lookup = (i: number) => Promise<unknown>;
interface Scenario {
  label: string;
  /** Builds the client on its own rig; `breakIt` runs after the warm-up (a resolver dies mid-session). */
  setup(rig: Rig): { lookup: (name: string, site: string) => Promise<unknown>; breakIt?: () => Promise<void>; pool?: ResolverPool };
}

const templates = (rig: Rig) => rig.servers.map((s) => s.template);
const viaPool = (pool: ResolverPool) => (name: string, site: string) => pool.resolve(name, 'A', { site });
const poolWith = (strategy: Strategy, label: string, preferFast = false): Scenario => ({
  label,
  setup: (rig) => {
    const pool = poolOver(rig, templates(rig), strategy, preferFast);
    return { lookup: viaPool(pool), pool };
  },
});
const killFastest = (rig: Rig) => rig.servers[0]?.close() ?? Promise.resolve();

const peer = (rig: Rig) => {
  const client = peerOver(rig, rig.servers.map((s) => s.url));
  return (name: string) => client.resolve4(name);
};

const SCENARIOS: Scenario[] = [
  { label: 'fastest resolver alone (5 ms)', setup: (rig) => ({ lookup: viaPool(poolOver(rig, templates(rig).slice(0, 1), 'single')) }) },
  poolWith('site', 'pool, site'),
  poolWith('site', 'pool, site, prefer faster resolvers', true),
  poolWith('name', 'pool, name'),
  poolWith('round-robin', 'pool, round-robin'),
  poolWith('random', 'pool, random'),
  poolWith('single', 'pool, single (fastest first)'),
  { label: 'pool, site, 5 ms server dead (refuses)', setup: (rig) => ({ lookup: viaPool(poolOver(rig, templates(rig), 'site')), breakIt: () => killFastest(rig) }) },
  {
    label: 'pool, site, 5 ms server hangs',
    setup: (rig) => ({
      lookup: viaPool(poolOver(rig, templates(rig), 'site')),
      breakIt: async () => void ((rig.servers[0] as NonNullable<(typeof rig.servers)[0]>).fault = { kind: 'hang' }),
    }),
  },
  { label: 'peer: dns-over-http-resolver', setup: (rig) => ({ lookup: peer(rig) }) },
  { label: 'peer, 5 ms server dead (refuses)', setup: (rig) => ({ lookup: peer(rig), breakIt: () => killFastest(rig) }) },
];

/**
 * Every scenario has its own servers and client, all set up and warmed first; then the measured lookups
 * run in ROUNDS, each round visiting every scenario in turn, so background load on the machine falls on
 * all rows alike instead of on whichever ran during a busy moment.
 */
const ROUNDS = 5;
const shuffle = seededRandom(7);
/** The pools of the scenarios that have one, by scenario index, to read their ledgers after the run. */
const pools = new Map<number, ResolverPool>();
async function runAll(): Promise<Sample[]> {
  const rigs: Rig[] = [];
  try {
    const clients: Lookup[][] = [];
    for (const [index, scenario] of SCENARIOS.entries()) {
      const rig = await startRig();
      rigs.push(rig);
      const { lookup, breakIt, pool } = scenario.setup(rig);
      if (pool) pools.set(index, pool);
      // Each lookup: a new name of a new site, so no cache answers and the sites spread as browsing would.
      const named = (prefix: string): Lookup => (i) => lookup(`www.${prefix}${index}x${i}.test`, `${prefix}${index}x${i}.test`);
      await sample(named('warm'), WARM, CONCURRENCY);
      pool?.ledger.clear(); // shares below are those of the measured lookups, after the speeds were learnt
      await breakIt?.();
      clients.push(Array.from({ length: ROUNDS }, (_, round) => named(`r${round}s`)));
    }
    const merged: Sample[] = SCENARIOS.map(() => ({ ms: [], failed: 0 }));
    for (let round = 0; round < ROUNDS; round++) {
      process.stderr.write(`round ${round + 1} of ${ROUNDS}\n`);
      // A different order each round, so no row always follows the same neighbour (GC, timers, load).
      const order = clients.map((_, i) => i).sort(() => shuffle() - 0.5);
      for (const index of order) {
        const s = await sample(clients[index]?.[round] as Lookup, Math.ceil(LOOKUPS / ROUNDS), CONCURRENCY);
        const into = merged[index] as Sample;
        into.ms.push(...s.ms);
        into.failed += s.failed;
      }
    }
    for (const s of merged) s.ms.sort((a, b) => a - b);
    return merged;
  } finally {
    await Promise.all(rigs.map((rig) => rig.close()));
  }
}

/** Mean cost of a cached answer through the whole pool.resolve path (normalise, select, cache), in µs. */
async function cacheHitMicros(): Promise<{ mean: number; p99: number }> {
  const rig = await startRig();
  try {
    const pool = poolOver(rig, templates(rig), 'site');
    await pool.resolve('www.cached.test', 'A', { site: 'cached.test' });
    for (let i = 0; i < 20_000; i++) await pool.resolve('www.cached.test', 'A', { site: 'cached.test' }); // JIT warm-up
    const rounds = 200_000;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) await pool.resolve('www.cached.test', 'A', { site: 'cached.test' });
    const mean = ((performance.now() - started) / rounds) * 1000;
    const each: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const t = performance.now();
      await pool.resolve('www.cached.test', 'A', { site: 'cached.test' });
      each.push((performance.now() - t) * 1000);
    }
    return { mean, p99: percentile(each.sort((a, b) => a - b), 99) };
  } finally {
    await rig.close();
  }
}

/** How many queries the peer sends for one name (TTL 300 s) asked at 0, 0.1 and 0.5 s: 1 if it caches by TTL. */
async function peerRequeries(): Promise<number> {
  const rig = await startRig();
  try {
    const ask = peer(rig);
    for (const wait of [0, 100, 400]) {
      await new Promise((done) => setTimeout(done, wait));
      await ask('www.ttl.test');
    }
    return rig.servers.reduce((n, server) => n + server.log.length, 0);
  } finally {
    await rig.close();
  }
}

console.log(`# DoH latency: servers answering after ${DELAYS_MS.join(', ')} ms; ${LOOKUPS} warm cache-missing lookups per row, ${CONCURRENCY} at a time\n`);
const samples = await runAll();
const results = SCENARIOS.map((scenario, i) => ({ label: scenario.label, s: samples[i] as Sample }));
const p = (s: Sample, q: number) => percentile(s.ms, q);
const row = (label: string) => results.find((r) => r.label === label)?.s as Sample;
const base = results[0]?.s as Sample;
const healthy = row('pool, site');
const fastIndex = SCENARIOS.findIndex((sc) => sc.label === 'pool, site, prefer faster resolvers');
const fastRatio = p(results[fastIndex]?.s as Sample, 50) / p(base, 50);
/** Largest share of distinct sites one resolver was sent, from the pool's own exposure ledger (warm-up included). */
const largestShare = (index: number) => Math.max(...(pools.get(index)?.ledger.summary().map((e) => e.siteShare) ?? [NaN]));
const fastTiers = Object.values(pools.get(fastIndex)?.speed.tiers ?? {}).join(', ');
console.log(markdownTable(
  ['client', 'ok', 'failed', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p50 / fastest', 'p95 / fastest'],
  results.map(({ label, s }) => [label, String(s.ms.length), String(s.failed), fixed(p(s, 50)), fixed(p(s, 95)), fixed(p(s, 99)), fixed(s.ms.at(-1) ?? NaN),
    fixed(p(s, 50) / p(base, 50), 2), fixed(p(s, 95) / p(base, 95), 2)]),
));
const hit = await cacheHitMicros();
const peerQueries = await peerRequeries();
const ratio = p(healthy, 50) / p(base, 50);
const singleOverhead = p(row('pool, single (fastest first)'), 50) / p(base, 50);
const dead = results.filter((r) => r.label.startsWith('pool, site, 5 ms server')).map((r) => ({ label: r.label, failed: r.s.failed, ratio: p(r.s, 95) / p(healthy, 95) }));
console.log(`
- pool (site, prefer faster resolvers) p50 / fastest alone: ${fixed(fastRatio, 2)} (goal ≤ 1.1: ${fastRatio <= 1.1 ? 'met' : 'not met'}); speed tiers
  learnt ${fastTiers}; the largest share of sites one resolver learnt: ${percent(largestShare(fastIndex))}.
- pool (site, the default, even spread) p50 / fastest alone: ${fixed(ratio, 2)}; largest share of sites: ${percent(largestShare(SCENARIOS.findIndex((sc) => sc.label === 'pool, site')))}.
  Each site stays on its hashed resolver whatever its speed, so about a third of the sites wait for the 60 ms server:
  the ratio is what even spreading costs, not overhead. Pool overhead alone (pool, single, fastest first): ${fixed(singleOverhead, 2)}.
${dead.map((d) => `- ${d.label}: ${d.failed} failed lookups (goal 0), p95 / healthy p95 ${fixed(d.ratio, 2)} (goal ≤ 2: ${d.failed === 0 && d.ratio <= 2 ? 'met' : 'not met'}).`).join('\n')}
- cache hit through pool.resolve: mean ${fixed(hit.mean, 2)} µs, p99 ${fixed(hit.p99, 2)} µs (goal ≤ 20 µs: ${hit.mean <= 20 ? 'met' : 'not met'}).
- peer cache: one name with TTL 300 s asked at 0, 0.1 and 0.5 s sent ${peerQueries} queries${peerQueries > 1 ? ' (its cache expires after TTL milliseconds, not seconds)' : ''}.`);
