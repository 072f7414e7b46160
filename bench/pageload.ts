/**
 * npm run bench:pageload — what Diffuse costs a page load (issue 16), in Chromium and Firefox, each browser with
 * and without the built extension, fresh profiles, side by side in one run and interleaved load by load
 * (A B, B A, …) so that a noisy shared machine slows both sides alike. Read the ratios, not the times.
 *
 * Pages, all HTTPS from one local server (every name maps to 127.0.0.1), 200 images and 20 scripts each:
 * - hosts20:   on 20 hosts — 5 of the page's own subdomains (which uncloaking looks up) and 15 other sites';
 * - host1:     all on the page's own host;
 * - failing:   hosts20 while every resolver of the extension answers HTTP 403 with an HTML page, as a network
 *              that blocks DNS over HTTPS does;
 * - trackers:  on 20 well-known tracker hosts from TrackerDB (what blocking should save: ≤ 0.9× is the goal).
 * Each load uses names never seen before in that browser (a per-load label), so every load is a first visit: new
 * connections for the browser, new lookups for Diffuse. The extension's resolvers are two local DoH servers
 * answering at once; real resolvers add their round trip on the extension's side only when a request waits for
 * them (Firefox's bounded wait for a first-party subdomain's first request).
 * Time = the navigation entry's loadEventEnd. Median of each side, ratio of medians; goals are printed, never
 * failed. Flags: --rounds N (default 15), --only chromium|firefox, --pages hosts20,host1,…
 */
import { launchChromium } from '../tests/e2e/harness/chromium';
import type { BrowserTab, ExtensionBrowser } from '../tests/e2e/harness/extension-browser';
import { launchFirefox } from '../tests/e2e/harness/firefox';
import { TestServer } from '../tests/e2e/harness/test-server';
import { DohServer } from '../tests/support/doh-server';
import { median, percentile } from './companion-rig';
import { numberArg } from './dns-stats';
import { processCpuMs } from './process-cpu';
import { PAGE_ZONE, SITE, loadTime, publish, useLocalResolvers, type PageKind } from './pageload-pages';

const WARMUP = 2;
const ROUNDS = numberArg(process.argv, 'rounds', 15);
const GOALS: Record<PageKind, number> = { hosts20: 1.1, host1: 1.05, failing: 1.1, trackers: 0.9 };

interface Side {
  browser: ExtensionBrowser;
  tab: BrowserTab;
}

async function startSide(name: 'chromium' | 'firefox', withDiffuse: boolean, doh: readonly DohServer[], blank: string): Promise<Side> {
  const browser = name === 'chromium' ? await launchChromium({ extension: withDiffuse }) : await launchFirefox({}, { extension: withDiffuse });
  if (withDiffuse) await useLocalResolvers(browser, doh);
  return { browser, tab: await browser.openTab(blank) };
}

const ratioLine = (kind: PageKind, withD: number[], without: number[]) => {
  const ratio = median(withD) / median(without);
  const met = ratio <= GOALS[kind];
  return {
    met,
    text: `${kind.padEnd(9)} without ${median(without).toFixed(0).padStart(5)} ms (p90 ${percentile(without, 90).toFixed(0).padStart(5)})   with ${median(withD).toFixed(0).padStart(5)} ms (p90 ${percentile(withD, 90).toFixed(0).padStart(5)})   ratio ${ratio.toFixed(2)}×  goal ≤ ${GOALS[kind].toFixed(2)}×: ${met ? 'met' : 'NOT met'}`,
  };
};

async function bench(name: 'chromium' | 'firefox', server: TestServer, doh: DohServer[], kinds: PageKind[]): Promise<void> {
  const blank = server.url(`blank.${SITE}`, '/', 'https');
  server.page(`blank.${SITE}`, '/', '<!doctype html><title>blank</title>');
  const sides = [await startSide(name, true, doh, blank), await startSide(name, false, doh, blank)] as const;
  try {
    const times = new Map(kinds.map((k) => [k, [[], []] as [number[], number[]]]));
    const cpuTimes = new Map(kinds.map((k) => [k, [[], []] as [number[], number[]]]));
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      for (const kind of kinds) {
        const fault = kind === 'failing' ? ({ kind: 'status', status: 403 } as const) : undefined;
        for (const d of doh) d.fault = fault;
        // Alternate who goes first; each side gets its own fresh page (same shape, new names).
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const i of order) {
          const side = sides[i]!;
          const cpuBefore = processCpuMs(side.browser.profile);
          const t = await loadTime(side.tab, publish(server, kind));
          const cpu = processCpuMs(side.browser.profile) - cpuBefore;
          if (round >= WARMUP) {
            times.get(kind)![i]!.push(t);
            cpuTimes.get(kind)![i]!.push(cpu);
          }
        }
      }
    }
    for (const d of doh) d.fault = undefined;
    console.log(`\n${name}: ${ROUNDS} loads per side and page (${WARMUP} warm-up rounds dropped)`);
    for (const [kind, [withD, without]] of times) console.log(ratioLine(kind, withD, without).text);
    console.log('CPU time of the browser (all its processes) per load, less swayed by the machine\'s other load:');
    for (const [kind, [withD, without]] of cpuTimes) {
      console.log(`${kind.padEnd(9)} without ${median(without).toFixed(0).padStart(5)} ms   with ${median(withD).toFixed(0).padStart(5)} ms   ratio ${(median(withD) / median(without)).toFixed(2)}×`);
    }
  } finally {
    await Promise.all(sides.map((s) => s.browser.close()));
  }
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const pagesArg = process.argv.includes('--pages') ? process.argv[process.argv.indexOf('--pages') + 1]!.split(',') : undefined;
const kinds = (pagesArg ?? ['hosts20', 'host1', 'failing', 'trackers']) as PageKind[];
const server = await TestServer.start();
const doh = await Promise.all([DohServer.start({ zone: PAGE_ZONE, plain: true }), DohServer.start({ zone: PAGE_ZONE, plain: true })]);
try {
  for (const name of ['chromium', 'firefox'] as const) if (!only || only === name) await bench(name, server, doh, kinds);
  console.log(`\nextension's DoH queries in the run: ${doh.reduce((n, d) => n + d.log.length, 0)}`);
} finally {
  await server.close();
  await Promise.all(doh.map((d) => d.close()));
}
