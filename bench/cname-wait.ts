/**
 * npx tsx bench/cname-wait.ts — what Firefox's blocking CNAME check costs a request (entrypoints/background/
 * cname-listener.ts): the decision when the host's lookup has finished (every request after the first of a
 * page load, and hosts that are not held), and the wait of a first request while the lookup runs, against a
 * local plain-HTTP DoH server with added delays, bounded by CLOAK_WAIT_MS. Real rule side table, real pool.
 */
import { performance } from 'node:perf_hooks';
import { DohServer } from '../tests/support/doh-server';
import { buildCloakTargets } from '../utils/cname/cloak-targets';
import { CLOAK_WAIT_MS } from '../utils/cname/host-insights';
import { lookUp } from '../utils/dns/views/answer-view';
import { poolAnswer } from '../utils/cname/name-answer';
import { ResolverPool } from '../utils/dns/pool/pool';
import { DEFAULT_BLOCKED_CATEGORIES } from '../utils/rules/category-decisions';
import { createAttributor } from '../utils/attribution/company-lookup';
import { CnameService } from '../entrypoints/background/names/cname-service';
import { attributionTable, compiledRules } from '../scripts/data/datasets';

const doh = await DohServer.start({
  plain: true,
  zone: [
    { name: '*.diffuse-shop.com', type: 'A', data: '192.0.2.1' },
    { name: 'metrics.diffuse-shop.com', type: 'CNAME', data: 'diffuse-shop.com.sc.omtrdc.net' },
    { name: 'diffuse-shop.com.sc.omtrdc.net', type: 'A', data: '192.0.2.10' },
  ],
});
const pool = new ResolverPool({ fetch: (u, i) => fetch(u, i), now: Date.now, random: Math.random, secret: new Uint8Array(32).fill(9), resolvers: [doh.template] });
const targets = buildCloakTargets(compiledRules().sideTable, DEFAULT_BLOCKED_CATEGORIES);
const attribute = createAttributor(attributionTable());
const service = new CnameService({
  resolve: async (host, site) => poolAnswer(await lookUp(pool, host, undefined, site)),
  targets: async () => targets,
  infra: async () => () => null,
  attributor: async () => attribute,
  store: { load: async () => undefined, save: async () => undefined },
  syncRules: async () => undefined,
  mayBlock: async () => true,
  now: Date.now,
});
await service.start();

// 1. Finished lookups: the synchronous path, per request.
await service.see({ id: 'warm', site: 'diffuse-shop.com', host: 'www.diffuse-shop.com' }, 'img.diffuse-shop.com').done;
const N = 200_000;
let t0 = performance.now();
for (let i = 0; i < N; i++) service.decide({ id: 'warm', site: 'diffuse-shop.com', host: 'www.diffuse-shop.com' }, 'img.diffuse-shop.com', CLOAK_WAIT_MS);
const warmNs = ((performance.now() - t0) / N) * 1e6;
// A third-party host with a known owner is never held: its lookup starts, the request goes.
t0 = performance.now();
for (let i = 0; i < N; i++) service.decide({ id: `p${i % 100}`, site: 'diffuse-shop.com', host: 'www.diffuse-shop.com' }, 'www.google-analytics.com', CLOAK_WAIT_MS);
const knownNs = ((performance.now() - t0) / N) * 1e6;
console.log(`decision, lookup finished: ${warmNs.toFixed(0)} ns/request; known third party (not held; owner check): ${knownNs.toFixed(0)} ns/request`);

// 2. First request of a page load: held while the lookup runs, at most CLOAK_WAIT_MS.
console.log(`\nfirst request of a first-party host (bound ${CLOAK_WAIT_MS} ms), 30 page loads per row, fresh cache each:`);
console.log('resolver delay | median wait | max wait | blocked in time');
for (const delayMs of [0, 20, 80, 300]) {
  doh.delayMs = delayMs;
  const waits: number[] = [];
  let blocked = 0;
  for (let i = 0; i < 30; i++) {
    pool.clearCaches();
    const start = performance.now();
    if (await service.decide({ id: `d${delayMs}-${i}`, site: 'diffuse-shop.com', host: 'www.diffuse-shop.com' }, 'metrics.diffuse-shop.com', CLOAK_WAIT_MS)) blocked++;
    waits.push(performance.now() - start);
    // Let a lookup that outlived the bound finish: the next page load must not share its query in flight.
    await service.see({ id: `d${delayMs}-${i}`, site: 'diffuse-shop.com', host: 'www.diffuse-shop.com' }, 'metrics.diffuse-shop.com').done;
  }
  waits.sort((a, b) => a - b);
  console.log(`${String(delayMs).padStart(11)} ms | ${waits[15]!.toFixed(1).padStart(8)} ms | ${waits[29]!.toFixed(1).padStart(5)} ms | ${blocked}/30`);
}
doh.delayMs = 0;
await doh.close();
