/**
 * npm run bench:pageload-floor — what an extension costs a page load before any of its code runs: the browser's
 * own floor, against which issue 16's ratios (≤ 1.05× on one host) are to be read. In one run, interleaved load by
 * load (the order rotates each round), fresh profiles, the pages of bench:pageload, in Chromium (default) or, with
 * `--browser firefox`, in Firefox:
 * - none:        no extension (the denominator);
 * - diffuse:     the built extension, its DoH pool on two local servers;
 * - listeners:   Diffuse's manifest and rulesets, a background that only registers the four non-blocking
 *                webRequest listeners Diffuse registers in Chrome (request-events.ts), each doing nothing;
 * - listeners-late: as listeners, without onBeforeRequest (what a request's end, onResponseStarted or
 *                onErrorOccurred, could tell alone): whether one event per request instead of two saves time;
 * - listeners-documents: as listeners, filtered to main_frame and sub_frame: whether the browser charges per
 *                event delivered or for every request once any listener exists;
 * - blocking:    (Firefox) what Diffuse registers there, each answering at once: onBeforeRequest blocking on every
 *                request, onHeadersReceived blocking on HTTPS (getSecurityInfo needs it), the three ends non-blocking;
 * - blocking-before: (Firefox) as blocking, without onHeadersReceived: what each blocking event costs;
 * - rules:       Diffuse's manifest and rulesets, an empty background;
 * - rules-no-gpc: as rules, with the Global Privacy Control ruleset (a modifyHeaders rule on every request) off;
 * - rules-gpc-documents: as rules, the GPC rule narrowed to main_frame and sub_frame: whether scoping the header
 *                would save its cost, or whether the browser pays for any modifyHeaders rule on every request;
 * - listeners-only: the four empty listeners, no rulesets.
 * Prints each variant's median wall time (loadEventEnd) and browser CPU time per load, and their ratios to none.
 * Flags: --browser chromium|firefox, --rounds N (default 12), --pages host1,hosts20 (default both), --variants a,b
 * (default all the browser has). Needs `npm run build` first (.output/chrome-mv3, .output/firefox-mv2).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { BUILD_DIRS, type BrowserTab, type ExtensionBrowser } from '../tests/e2e/harness/extension-browser';
import { launchFirefox } from '../tests/e2e/harness/firefox';
import { TestServer } from '../tests/e2e/harness/test-server';
import { DohServer } from '../tests/support/doh-server';
import { median } from './companion-rig';
import { numberArg } from './dns-stats';
import { PAGE_ZONE, SITE, loadTime, publish, useLocalResolvers, type PageKind } from './pageload-pages';
import { processCpuMs } from './process-cpu';

const ROUNDS = numberArg(process.argv, 'rounds', 12);
const WARMUP = 2;
type BrowserName = 'chromium' | 'firefox';

const ENDS = ['onResponseStarted', 'onErrorOccurred', 'onBeforeRedirect'];
const ALL_EVENTS = ['onBeforeRequest', ...ENDS];
interface Listeners {
  events: string[];
  /** Of `events`, those registered with "blocking" (Firefox); onHeadersReceived only on HTTPS, as Diffuse does. */
  blocking?: string[];
  types?: string[];
}
interface StandIn {
  browsers: BrowserName[];
  listeners?: Listeners;
  rules: 'all' | 'none' | 'no-gpc' | 'gpc-documents';
}
/** Each stand-in: its empty listeners and which rulesets it keeps. */
const STAND_INS = {
  listeners: { browsers: ['chromium', 'firefox'], listeners: { events: ALL_EVENTS }, rules: 'all' },
  'listeners-late': { browsers: ['chromium'], listeners: { events: ENDS }, rules: 'all' },
  'listeners-documents': { browsers: ['chromium'], listeners: { events: ALL_EVENTS, types: ['main_frame', 'sub_frame'] }, rules: 'all' },
  blocking: { browsers: ['firefox'], listeners: { events: [...ALL_EVENTS, 'onHeadersReceived'], blocking: ['onBeforeRequest', 'onHeadersReceived'] }, rules: 'all' },
  'blocking-before': { browsers: ['firefox'], listeners: { events: ALL_EVENTS, blocking: ['onBeforeRequest'] }, rules: 'all' },
  rules: { browsers: ['chromium', 'firefox'], rules: 'all' },
  'rules-no-gpc': { browsers: ['chromium', 'firefox'], rules: 'no-gpc' },
  'rules-gpc-documents': { browsers: ['chromium', 'firefox'], rules: 'gpc-documents' },
  'listeners-only': { browsers: ['chromium', 'firefox'], listeners: { events: ALL_EVENTS }, rules: 'none' },
} satisfies Record<string, StandIn>;
type Variant = 'none' | 'diffuse' | keyof typeof STAND_INS;

const arg = (name: string): string[] | undefined => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1]!.split(',') : undefined);
const BROWSER = (arg('browser')?.[0] ?? 'chromium') as BrowserName;
const kinds = (arg('pages') ?? ['host1', 'hosts20']) as PageKind[];
const ownVariants = (Object.keys(STAND_INS) as (keyof typeof STAND_INS)[]).filter((v) => (STAND_INS[v] as StandIn).browsers.includes(BROWSER));
const variants = (arg('variants') as Variant[] | undefined) ?? ['none', 'diffuse', ...ownVariants];
if (!variants.includes('none')) variants.unshift('none');
const foreign = variants.filter((v) => v !== 'none' && v !== 'diffuse' && !ownVariants.includes(v));
if (foreign.length) throw new Error(`Not a ${BROWSER} variant: ${foreign.join(', ')} (this browser has: ${ownVariants.join(', ')})`);

const emptyListeners = ({ events, blocking = [], types }: Listeners) => `const api = globalThis.browser ?? chrome;
const all = { urls: ['<all_urls>']${types ? `, types: ${JSON.stringify(types)}` : ''} };
const secure = { ...all, urls: ['https://*/*', 'wss://*/*'] };
for (const event of ${JSON.stringify(events)}) {
  const filter = event === 'onHeadersReceived' ? secure : all;
  if (${JSON.stringify(blocking)}.includes(event)) api.webRequest[event].addListener(() => ({}), filter, ['blocking']);
  else api.webRequest[event].addListener(() => {}, filter);
}`;

/** A copy of the built extension with its background replaced, and rulesets switched as the variant says. */
async function standIn(variant: keyof typeof STAND_INS): Promise<string> {
  const { listeners, rules } = STAND_INS[variant] as StandIn;
  const dir = await mkdtemp(join(tmpdir(), `diffuse-floor-${variant}-`));
  await cp(BUILD_DIRS[BROWSER], dir, { recursive: true });
  await writeFile(join(dir, 'background.js'), listeners ? emptyListeners(listeners) : '');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { declarative_net_request?: { rule_resources: { id: string; enabled: boolean; path: string }[] } };
  if (rules === 'none') delete manifest.declarative_net_request;
  if (rules === 'no-gpc') for (const r of manifest.declarative_net_request!.rule_resources) if (r.id === 'gpc') r.enabled = false;
  if (rules === 'gpc-documents') {
    const path = join(dir, manifest.declarative_net_request!.rule_resources.find((r) => r.id === 'gpc')!.path);
    const gpc = JSON.parse(await readFile(path, 'utf8')) as { condition: Record<string, unknown> }[];
    for (const rule of gpc) rule.condition = { resourceTypes: ['main_frame', 'sub_frame'] };
    await writeFile(path, JSON.stringify(gpc));
  }
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

interface Side {
  variant: Variant;
  browser: ExtensionBrowser;
  tab: BrowserTab;
  dir?: string;
}

const launch = (options: { extension?: boolean; extensionDir?: string }) => (BROWSER === 'chromium' ? launchChromium(options) : launchFirefox({}, options));

async function startSide(variant: Variant, doh: readonly DohServer[], blank: string): Promise<Side> {
  if (variant === 'none') {
    const browser = await launch({ extension: false });
    return { variant, browser, tab: await browser.openTab(blank) };
  }
  if (variant === 'diffuse') {
    const browser = await launch({});
    await useLocalResolvers(browser, doh);
    return { variant, browser, tab: await browser.openTab(blank) };
  }
  const dir = await standIn(variant);
  const browser = await launch({ extensionDir: dir });
  return { variant, browser, tab: await browser.openTab(blank), dir };
}

const server = await TestServer.start();
const doh = await Promise.all([DohServer.start({ zone: PAGE_ZONE, plain: true }), DohServer.start({ zone: PAGE_ZONE, plain: true })]);
const blank = server.url(`blank.${SITE}`, '/', 'https');
server.page(`blank.${SITE}`, '/', '<!doctype html><title>blank</title>');
const sides: Side[] = [];
try {
  for (const v of variants) sides.push(await startSide(v, doh, blank));
  const wall = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, key: string, x: number) => m.set(key, [...(m.get(key) ?? []), x]);
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const kind of kinds) {
      // Rotate who goes first, so no variant always loads right after another.
      const order = sides.map((_, i) => sides[(i + round) % sides.length]!);
      for (const side of order) {
        const before = processCpuMs(side.browser.profile);
        const t = await loadTime(side.tab, publish(server, kind));
        const used = processCpuMs(side.browser.profile) - before;
        if (round < WARMUP) continue;
        push(wall, `${kind} ${side.variant}`, t);
        push(cpu, `${kind} ${side.variant}`, used);
      }
    }
  }
  console.log(`${BROWSER === 'chromium' ? 'Chromium' : 'Firefox'}, ${ROUNDS} loads per variant and page (${WARMUP} warm-up rounds dropped); ratios to no extension`);
  for (const kind of kinds) {
    const base = (m: Map<string, number[]>) => median(m.get(`${kind} none`)!);
    console.log(`\n${kind}`);
    for (const v of variants) {
      const w = median(wall.get(`${kind} ${v}`)!);
      const c = median(cpu.get(`${kind} ${v}`)!);
      console.log(`  ${v.padEnd(19)} wall ${w.toFixed(0).padStart(5)} ms  ${(w / base(wall)).toFixed(2)}×   CPU ${c.toFixed(0).padStart(5)} ms  ${(c / base(cpu)).toFixed(2)}×`);
    }
  }
} finally {
  await Promise.all(sides.map((s) => s.browser.close()));
  await Promise.all(sides.flatMap((s) => (s.dir ? [rm(s.dir, { recursive: true, force: true })] : [])));
  await server.close();
  await Promise.all(doh.map((d) => d.close()));
}
