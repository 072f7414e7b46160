/**
 * The pages bench:pageload and bench:pageload-floor load: HTTPS from one local server (every name maps to
 * 127.0.0.1), 200 images and 20 scripts each, under names never seen before (a per-load label), so every load is
 * a first visit: new connections for the browser, new lookups for Diffuse.
 */
import { ask } from '../tests/e2e/harness/dns-actions';
import type { BrowserTab, ExtensionBrowser } from '../tests/e2e/harness/extension-browser';
import type { TestServer } from '../tests/e2e/harness/test-server';
import type { DohServer } from '../tests/support/doh-server';

export const SITE = 'bench-news.com';
const IMAGES = 200;
const SCRIPTS = 20;

// Real tracker hosts (TrackerDB / EasyPrivacy both list them); blocked by the static rulesets.
const TRACKERS = [
  'www.google-analytics.com', 'stats.g.doubleclick.net', 'connect.facebook.net', 'bat.bing.com', 'static.hotjar.com',
  'script.hotjar.com', 'cdn.segment.com', 'api.mixpanel.com', 'sb.scorecardresearch.com', 'pixel.quantserve.com',
  'static.criteo.net', 'ib.adnxs.com', 'tags.tiqcdn.com', 'js-agent.newrelic.com', 'bam.nr-data.net',
  'ads.pubmatic.com', 'secure.adnxs.com', 'c.amazon-adsystem.com', 'googleads.g.doubleclick.net', 'www.googletagservices.com',
];

export type PageKind = 'hosts20' | 'host1' | 'failing' | 'trackers';

/** What the local DoH servers answer: every name the pages use, at the one local server. */
export const PAGE_ZONE = ['*.' + SITE, '*.net', '*.com'].map((name) => ({ name, type: 'A' as const, data: '127.0.0.1', ttl: 300 }));

/** Points the built extension's DoH pool at the local servers (by site), as every Diffuse side of the benches runs. */
export async function useLocalResolvers(browser: ExtensionBrowser, doh: readonly DohServer[]): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  const configured = await ask<{ ok: boolean }>(options, { type: 'dns.configure', resolvers: doh.map((d) => d.template), strategy: 'site' });
  if (!configured.ok) throw new Error(`dns.configure refused: ${JSON.stringify(configured)}`);
  await options.close();
}

/** The hosts a load of `kind` fetches from, under the per-load label `l` (a first visit every time). */
function hostsFor(kind: PageKind, l: string): string[] {
  if (kind === 'host1') return [`${l}.${SITE}`];
  if (kind === 'trackers') return TRACKERS.map((t) => `${l}.${t}`);
  const own = Array.from({ length: 5 }, (_, i) => `${l}-img${i}.${SITE}`);
  const others = Array.from({ length: 15 }, (_, i) => `${l}.static.bench-cdn${i}.net`);
  return [...own, ...others];
}

let loads = 0;
/** Publishes a fresh page of `kind` and returns its URL. */
export function publish(server: TestServer, kind: PageKind): string {
  const l = `l${++loads}`;
  const hosts = hostsFor(kind, l);
  const at = (i: number) => hosts[i % hosts.length]!;
  const scripts = Array.from({ length: SCRIPTS }, (_, i) => {
    server.route(at(i), `/s${i}.js`, { type: 'text/javascript', body: `window.loaded${i} = true;` });
    return `<script src="${server.url(at(i), `/s${i}.js`, 'https')}"></script>`;
  });
  const images = Array.from({ length: IMAGES }, (_, i) => `<img alt="" width="1" height="1" src="${server.url(at(i), `/asset/${i}.png`, 'https')}">`);
  const page = `${l}.${SITE}`;
  server.page(page, '/', `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title>${images.join('')}${scripts.join('')}`);
  return server.url(page, '/', 'https');
}

/** Milliseconds from navigation start to the end of the load event. */
export async function loadTime(tab: BrowserTab, url: string): Promise<number> {
  await tab.goto(url);
  for (let tries = 0; tries < 100; tries++) {
    // No helper functions inside: tsx would wrap them in a __name() the page does not have.
    const end = await tab.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0);
    if (end > 0) return end;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no load event for ${url}`);
}
