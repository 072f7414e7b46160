/**
 * npm run bench:companion — what the companion (docs/companion.md) costs, each against its own direct baseline
 * measured in the same run, interleaved run by run (A, B, B, A, …) so that a noisy shared machine slows both
 * sides alike. Read the ratios and differences; the absolute times say more about the machine than about us.
 *
 * 1. Page load, Firefox. Two Firefoxes with the built extension, both with their DNS pool on two local DoH
 *    servers: one with the companion switched on (its own resolution pointed at 192.0.2.1, where nothing
 *    answers, so every name goes through the companion's SOCKS5 and its DoH lookup); one with the companion off,
 *    where Firefox looks its names up itself over its own DoH (TRR mode 3) on a third local server with the same
 *    zone: both sides pay one DoH lookup per new name, so the ratio is the relay's. Both load the same local HTTP page,
 *    20 images on 5 hosts under bench-fixture.com, every load under fresh host names (new connections, and for
 *    the companion new lookups: the cold case). Time = the page's loadEventEnd. Median, p90, ratio of medians;
 *    goal ≤ 1.10× (reported, never failed). The local DoH servers answer at once; real resolvers add their round
 *    trip to both sides.
 * 2. Relay throughput on loopback: 256 MB written to a local TCP sink through the companion's SOCKS5 (the
 *    built bundle, run here as the browser runs it, with DIFFUSE_COMPANION_ALLOW_LOOPBACK=1) vs straight to the
 *    sink. Throughput from the first write until the sink has read the last byte; connection set-up excluded.
 * 3. Added time to first byte for a name already answered (the pool's cache is warm): SOCKS5 greeting,
 *    RFC 1929 auth, CONNECT by name, lookup from cache, connect, reply, then one octet to an echo server and its
 *    first octet back; vs a direct TCP connect and the same octet. Median and p90 of each, difference of medians.
 *
 * `--no-prefetch`: the direct side without Firefox's DNS prefetch and predictor, which cannot work behind a proxy
 * that resolves names (proxyDNS): how much of the ratio is names looked up only at CONNECT.
 *
 * `--direct-listener`: the direct side with the extension's proxy.onRequest listener answering every request (the
 * switch on, no companion installed, so it answers "direct"): how much of the ratio is Firefox asking the extension
 * about each request, which the companion cannot do without, rather than the SOCKS relay and its lookups.
 *
 * `--third-party`: the images come from hosts of another site (bench-cdn-fixture.net), which uncloaking never
 * looks up, so neither side holds a request for it; by default they are the page's own subdomains (held on both).
 *
 * Needs the Firefox build in .output/firefox-mv2 and companion/dist/diffuse-companion.mjs (npm run build). The
 * SOCKS5 client in 2 and 3 is the `socks` package in this process, not Firefox's; this process also writes and
 * reads every byte, so 2 measures the relay's added cost on top of a Node client, not the relay alone.
 */
import { DOMAIN, directConnect, median, percentile, pushThrough, socksConnect, startCompanion, startDoh, startEcho, startTrr, startFirefox, startSink, timeToFirstByte, type BenchFirefox, type Companion } from './companion-rig';
import type { DohServer } from '../tests/support/doh-server';
import { TestServer } from '../tests/e2e/harness/test-server';

const PAGE_LOADS = 30;
const PAGE_WARMUP = 3;
const IMAGES = 20;
const IMAGE_HOSTS = 5;
const PAGE_GOAL = 1.1;

const RELAY_BYTES = 256 * 1024 * 1024;
const RELAY_ROUNDS = 5;

const TTFB_RUNS = 200;
const TTFB_WARMUP = 20;

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const queries = (doh: readonly DohServer[]) => doh.reduce((sum, d) => sum + d.log.length, 0);

/** Runs `a` and `b` `rounds` times, alternating which goes first; the warm-up rounds are not kept. */
async function interleave<T>(rounds: number, warmup: number, a: () => Promise<T>, b: () => Promise<T>): Promise<[T[], T[]]> {
  const [as, bs]: [T[], T[]] = [[], []];
  for (let i = 0; i < warmup + rounds; i++) {
    let x: T;
    let y: T;
    if (i % 2 === 0) {
      x = await a();
      y = await b();
    } else {
      y = await b();
      x = await a();
    }
    if (i < warmup) continue;
    as.push(x);
    bs.push(y);
  }
  return [as, bs];
}

/** Images on the page's own subdomains (uncloaking holds their first requests), or with --third-party on another site's. */
const IMAGE_DOMAIN = process.argv.includes('--third-party') ? 'bench-cdn-fixture.net' : DOMAIN;

// ---- 1. page load in Firefox ----------------------------------------------------------------------------

async function pageLoads(doh: DohServer[]): Promise<void> {
  const server = await TestServer.start();
  const firefoxes: BenchFirefox[] = [];
  try {
    const viaCompanion = await startFirefox(doh, true);
    firefoxes.push(viaCompanion);
    const noPrefetch = process.argv.includes('--no-prefetch') ? { 'network.dns.disablePrefetch': true, 'network.predictor.enabled': false } : {};
    const direct = await startFirefox(doh, false, trr, noPrefetch, process.argv.includes('--direct-listener'));
    firefoxes.push(direct);

    let n = 0;
    /** A fresh page: its own host and 5 image hosts never seen before, so every connection (and lookup) is new. */
    const freshPage = (tag: string) => {
      const id = `${tag}${++n}`;
      const imgs = Array.from({ length: IMAGES }, (_, i) => `<img alt="" src="${server.url(`img${i % IMAGE_HOSTS}-${id}.${IMAGE_DOMAIN}`, `/asset/${i}.png`)}">`);
      const host = `www-${id}.${DOMAIN}`;
      server.page(host, '/', `<!doctype html><link rel="icon" href="data:,"><title>${id}</title>${imgs.join('')}`);
      return { id, url: server.url(host, '/') };
    };
    const served = (id: string) => server.log.filter((r) => r.host.includes(`-${id}.`) && r.path.startsWith('/asset/')).length;

    const arm = async (firefox: BenchFirefox, tag: string, servers: DohServer[]) => {
      const tab = await firefox.browser.openTab(freshPage(tag).url);
      const dohPerLoad: number[] = [];
      const load = async (): Promise<number> => {
        const page = freshPage(tag);
        const before = queries(servers);
        await tab.goto(page.url);
        let loadEnd = 0;
        for (let tries = 0; loadEnd <= 0 && tries < 100; tries++) {
          loadEnd = await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0);
          if (loadEnd <= 0) await sleep(20);
        }
        if (loadEnd <= 0) throw new Error(`${page.url}: no loadEventEnd`);
        const images = served(page.id);
        if (images !== IMAGES) throw new Error(`${page.url}: ${images} of ${IMAGES} images reached the server`);
        dohPerLoad.push(queries(servers) - before);
        return loadEnd;
      };
      return { load, dohPerLoad };
    };
    const c = await arm(viaCompanion, 'c', doh);
    // The direct side's lookups go to Firefox's own DoH server.
    const d = await arm(direct, 'd', [trr]);
    const [withCompanion, without] = await interleave(PAGE_LOADS, PAGE_WARMUP, c.load, d.load);

    const [mc, md] = [median(withCompanion), median(without)];
    const ratio = mc / md;
    console.log(`1. Page load in Firefox (${IMAGES} images on ${IMAGE_HOSTS} hosts + the page, fresh host names each load; ${PAGE_LOADS} loads each, interleaved, after ${PAGE_WARMUP} warm-up):`);
    if (process.argv.includes('--direct-listener')) console.log("   (--direct-listener: the direct side's requests also go through the extension's proxy.onRequest listener)");
    console.log(`   direct (Firefox's own DoH): median ${ms(md)}, p90 ${ms(percentile(without, 90))}   [DoH queries per load: median ${median(d.dohPerLoad.slice(PAGE_WARMUP))}]`);
    console.log(`   through the companion:   median ${ms(mc)}, p90 ${ms(percentile(withCompanion, 90))}   [DoH queries per load: median ${median(c.dohPerLoad.slice(PAGE_WARMUP))}]`);
    console.log(`   ratio of medians ${ratio.toFixed(2)}× (+${ms(mc - md)}); goal ≤ ${PAGE_GOAL.toFixed(2)}×: ${ratio <= PAGE_GOAL ? 'met' : 'NOT met'}`);
  } finally {
    for (const firefox of firefoxes) await firefox.close().catch(() => undefined);
    await server.close();
  }
}

// ---- 2. relay throughput ----------------------------------------------------------------------------------

async function throughput(companion: Companion): Promise<void> {
  const sink = await startSink();
  try {
    const name = `sink.${DOMAIN}`;
    const direct = async () => RELAY_BYTES / ((await pushThrough(await directConnect(sink.port), RELAY_BYTES)) / 1000);
    const relayed = async () => RELAY_BYTES / ((await pushThrough(await socksConnect(companion, name, sink.port), RELAY_BYTES)) / 1000);
    const [d, r] = await interleave(RELAY_ROUNDS, 1, direct, relayed);
    const mib = (bps: number) => `${(bps / 2 ** 20).toFixed(0)} MiB/s (${((bps * 8) / 1e9).toFixed(2)} Gbit/s)`;
    const [md, mr] = [median(d), median(r)];
    console.log(`2. Relay throughput on loopback (${RELAY_BYTES / 2 ** 20} MiB to a TCP sink; ${RELAY_ROUNDS} rounds each, interleaved, median):`);
    console.log(`   direct TCP:              ${mib(md)}   [rounds: ${d.map((x) => (x / 2 ** 20).toFixed(0)).join(', ')}]`);
    console.log(`   through the companion:   ${mib(mr)}   [rounds: ${r.map((x) => (x / 2 ** 20).toFixed(0)).join(', ')}]`);
    console.log(`   companion / direct: ${(mr / md).toFixed(2)}×`);
  } finally {
    await sink.close();
  }
}

// ---- 3. time to first byte, name already answered -------------------------------------------------------

async function firstByte(companion: Companion, doh: DohServer[]): Promise<void> {
  const echo = await startEcho();
  try {
    const name = `echo.${DOMAIN}`;
    const direct = () => timeToFirstByte(() => directConnect(echo.port));
    const relayed = () => timeToFirstByte(() => socksConnect(companion, name, echo.port));
    await relayed(); // the one lookup that reaches a resolver; every later CONNECT finds the answer in the pool's cache
    const before = queries(doh);
    const [d, r] = await interleave(TTFB_RUNS, TTFB_WARMUP, direct, relayed);
    const asked = queries(doh) - before;
    const [md, mr] = [median(d), median(r)];
    console.log(`3. Connect + first byte, name already answered (${TTFB_RUNS} each, interleaved, after ${TTFB_WARMUP} warm-up):`);
    console.log(`   direct TCP:              median ${ms(md)}, p90 ${ms(percentile(d, 90))}`);
    console.log(`   through the companion:   median ${ms(mr)}, p90 ${ms(percentile(r, 90))}   [DoH queries meanwhile: ${asked}]`);
    console.log(`   added by the companion: ${ms(mr - md)} (median to median)`);
  } finally {
    await echo.close();
  }
}

// ---- run ---------------------------------------------------------------------------------------------------

const doh = await startDoh();
const trr = await startTrr();
const sections: [string, () => Promise<void>][] = [
  ['page load', () => pageLoads(doh)],
  [
    'relay',
    async () => {
      const companion = await startCompanion(doh);
      try {
        await throughput(companion);
        console.log('');
        await firstByte(companion, doh);
      } finally {
        await companion.close();
      }
    },
  ],
];
console.log(`Diffuse companion benchmark — Node ${process.version}; medians of interleaved runs; read ratios, not absolute times.\n`);
try {
  for (const [label, run] of sections) {
    try {
      await run();
    } catch (error) {
      console.log(`   (${label} failed: ${error instanceof Error ? error.message : String(error)})`);
      process.exitCode = 1;
    }
    console.log('');
  }
} finally {
  await Promise.all([...doh, trr].map((d) => d.close()));
}
