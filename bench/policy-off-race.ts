/**
 * npm run bench:off-race — how often Chromium still blocks a tracker on a site whose policy is `off`. `off` is an
 * allowAllRequests rule on the site's main_frame (utils/rules/site-policy.ts), which Chromium applies to the frame's
 * requests once it has recorded the navigation; a request the document makes from its first bytes (an <img> in
 * the HTML, fetched by the preload scanner) can be checked before that and blocked. Firefox checks each request
 * against its frame's ancestors, so this bench is Chromium only.
 *
 * One site is set to `off` through the popup's message, then loaded --loads times (default 200) with no rule
 * change: reloads as the popup's Reload button does, or with --navigate a new URL of the same site each time. Each
 * page has a Google Analytics and a Bing image, new URLs every load, in its HTML or, with --late, inserted at
 * DOMContentLoaded. Prints how many loads had a tracker image blocked. Needs `npm run build` first.
 */
import { launchChromium } from '../tests/e2e/harness/chromium';
import { ask } from '../tests/e2e/harness/dns-actions';
import { TestServer } from '../tests/e2e/harness/test-server';
import { numberArg } from './dns-stats';

const LOADS = numberArg(process.argv, 'loads', 200);
const NAVIGATE = process.argv.includes('--navigate');
const LATE = process.argv.includes('--late');
const SITE = 'off-race.com';
const HOST = `www.${SITE}`;
const TRACKERS = { ga: 'www.google-analytics.com', bing: 'bat.bing.com' } as const;

const server = await TestServer.start();
const browser = await launchChromium();
try {
  let loads = 0;
  server.page(HOST, '/', '');
  server.route(HOST, '/', () => {
    const n = ++loads;
    const images = Object.entries(TRACKERS).map(([name, host]) => `<img alt="" src="${server.url(host, `/asset/${name}-${n}.png`, 'https')}">`).join('');
    const body = LATE ? `<script>document.addEventListener('DOMContentLoaded', () => document.body.insertAdjacentHTML('beforeend', ${JSON.stringify(images)}))</script>` : images;
    return { type: 'text/html', body: `<!doctype html><link rel="icon" href="data:,"><title>load ${n}</title><body>${body}</body>` };
  });
  const tab = await browser.openTab(server.url(HOST, '/', 'https'));
  const page = await browser.openExtensionPage('popup.html');
  // `ask` throws on the background's error envelope: a refused edit must stop the run, not measure nothing.
  await ask(page, { type: 'policy.edit', site: SITE, edit: { mode: 'off' } });

  /** Waits for load `n`'s load event, which waits for every image, blocked or not. */
  const loaded = async (n: number) => {
    for (let tries = 0; tries < 400; tries++) {
      const title = await tab.evaluate(() => (document.readyState === 'complete' ? document.title : '')).catch(() => '');
      if (title === `load ${n}`) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`load ${n} never finished`);
  };
  const reached = (host: string, file: string) => server.requestsTo(host).filter((r) => r.path.startsWith(`/asset/${file}`)).length;

  const blocked: string[] = [];
  for (let i = 0; i < LOADS; i++) {
    const n = loads + 1;
    if (NAVIGATE) await tab.goto(server.url(HOST, `/?load=${n}`, 'https'));
    else await ask(page, { type: 'tab.reload', tabId: tab.id });
    await loaded(n);
    const missing = Object.entries(TRACKERS).filter(([name, host]) => reached(host, `${name}-${n}.png`) !== 1).map(([name]) => name);
    if (missing.length) blocked.push(`load ${n}: ${missing.join(', ')}`);
  }
  const how = `${NAVIGATE ? 'navigations' : 'reloads'}, trackers ${LATE ? 'inserted at DOMContentLoaded' : 'in the HTML'}`;
  console.log(`${LOADS} ${how}, policy off: ${blocked.length} with a tracker blocked (${((100 * blocked.length) / LOADS).toFixed(1)} %)`);
  for (const line of blocked) console.log(`  ${line}`);
} finally {
  await browser.close();
  await server.close();
}
