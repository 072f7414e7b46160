/**
 * npm run bench:wake — how soon a stopped Chrome service worker handles the event that woke it (issue 16: within
 * 50 ms of its start). Chromium only: Firefox runs Diffuse's background as a persistent page (firefox-mv2), which
 * never stops. Each round stops the worker through DevTools, navigates a tab to a new page (its request wakes the
 * worker) and reads the worker's own performance marks, in ms from the worker's start (its timeOrigin):
 * - listener: the webRequest listener ran for the first request (platform/request-events.ts);
 * - handled: that request is in the tab's page load: the later of the listener and the page-load restore, during
 *   which events wait (pageload/index.ts).
 * In the same run, alternating, a minimal extension with nothing but a webRequest listener that marks its first
 * call: the browser's own floor, so the ratio holds on a noisy machine; and the stack's floor (stackExtension): that
 * worker plus the libraries the first event needs. Needs `npm run build` first.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from '../tests/e2e/harness/chromium';
import type { BrowserTab, ExtensionBrowser } from '../tests/e2e/harness/extension-browser';
import { TestServer } from '../tests/e2e/harness/test-server';
import { numberArg } from './dns-stats';

const ROUNDS = numberArg(process.argv, 'rounds', 15);
const GOAL_MS = 50;

/** The peer: a Manifest V3 worker that registers one webRequest listener and marks its first call. */
async function minimalExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'diffuse-wake-peer-'));
  const manifest = { manifest_version: 3, name: 'wake peer', version: '1', background: { service_worker: 'sw.js' }, permissions: ['webRequest'], host_permissions: ['<all_urls>'] };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(
    join(dir, 'sw.js'),
    `let first = true;
     chrome.webRequest.onBeforeRequest.addListener(() => {
       if (first) { first = false; performance.mark('diffuse:first-event'); performance.mark('diffuse:pageload-ready'); }
     }, { urls: ['<all_urls>'] });`,
  );
  return dir;
}

/**
 * The stack's floor: the peer's worker plus what Diffuse's first event cannot do without, and nothing of Diffuse's
 * own logic: its Dexie database class constructed at start (Dexie is the project's store; nothing is opened) and the
 * site of each request through `registrableDomain` (tldts, the Public Suffix List: every request is keyed by its
 * page's site). Bundled and minified as WXT does. Its wake minus the peer's is what those libraries cost;
 * `--stack psl` or `--stack store` keeps only one of the two, to tell them apart.
 */
const STACKS = {
  both: { imports: ['DiffuseDb', 'registrableDomain'], start: 'const db = new DiffuseDb("wake-stack");', site: 'registrableDomain(new URL(details.url).hostname) !== db.name' },
  psl: { imports: ['registrableDomain'], start: '', site: 'registrableDomain(new URL(details.url).hostname) !== ""' },
  store: { imports: ['DiffuseDb'], start: 'const db = new DiffuseDb("wake-stack");', site: 'details.url !== db.name' },
} as const;
const stackArg = process.argv.includes('--stack') ? process.argv[process.argv.indexOf('--stack') + 1] : 'both';
if (!(stackArg! in STACKS)) {
  process.stderr.write(`--stack takes ${Object.keys(STACKS).join(', ')}\n`);
  process.exit(2);
}
const STACK = STACKS[stackArg as keyof typeof STACKS];

async function stackExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'diffuse-wake-stack-'));
  const manifest = { manifest_version: 3, name: 'wake stack', version: '1', background: { service_worker: 'sw.js' }, permissions: ['webRequest'], host_permissions: ['<all_urls>'] };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const root = fileURLToPath(new URL('..', import.meta.url));
  const from = { DiffuseDb: '@/entrypoints/background/store/db', registrableDomain: '@/utils/site/registrable-domain' };
  await build({
    stdin: {
      contents: `${STACK.imports.map((name) => `import { ${name} } from '${from[name]}';`).join('\n')}
        ${STACK.start}
        let first = true;
        chrome.webRequest.onBeforeRequest.addListener((details) => {
          if (first && ${STACK.site}) { first = false; performance.mark('diffuse:first-event'); performance.mark('diffuse:pageload-ready'); }
        }, { urls: ['<all_urls>'] });`,
      resolveDir: root,
      loader: 'ts',
    },
    alias: { '@': root.replace(/\/$/, '') },
    bundle: true,
    format: 'iife',
    minify: true,
    outfile: join(dir, 'sw.js'),
    logLevel: 'error',
  });
  return dir;
}

interface Wake {
  listener: number;
  handled: number;
}

/** The marks of the worker that woke; polled, as the worker starts only once the request is made. */
async function marks(browser: ExtensionBrowser): Promise<Wake> {
  for (let tries = 0; tries < 100; tries++) {
    const read = await browser
      .evaluateInWorker!(() => [performance.getEntriesByName('diffuse:first-event')[0]?.startTime, performance.getEntriesByName('diffuse:pageload-ready')[0]?.startTime] as const)
      .catch(() => undefined); // the stopped worker's handle, gone mid-evaluation
    if (read?.[0] !== undefined && read[1] !== undefined) return { listener: read[0], handled: Math.max(read[0], read[1]) };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the woken worker never marked its first event');
}

async function wakeOnce(browser: ExtensionBrowser, tab: BrowserTab, url: string): Promise<Wake> {
  await browser.stopWorker!();
  await tab.goto(url);
  return marks(browser);
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(q * xs.length) - 1)]!;

const server = await TestServer.start();
const peerDir = await minimalExtension();
const stackDir = await stackExtension();
const sides = { diffuse: await launchChromium(), peer: await launchChromium({ extensionDir: peerDir }), stack: await launchChromium({ extensionDir: stackDir }) };
type Side = keyof typeof sides;
try {
  const results: Record<Side, Wake[]> = { diffuse: [], peer: [], stack: [] };
  const start = server.url('www.wake-start.com', '/');
  const tabs = { diffuse: await sides.diffuse.openTab(start), peer: await sides.peer.openTab(start), stack: await sides.stack.openTab(start) };
  for (let round = -1; round < ROUNDS; round++) {
    for (const side of ['diffuse', 'peer', 'stack'] as const) {
      // A new site each time: nothing the page load could take from a cache.
      const url = server.url(`www.wake${round + 1}-${side}.com`, '/');
      server.page(new URL(url).hostname, '/', `<!doctype html><title>wake ${round}</title><img src="${server.url(`cdn.wake${round + 1}-img.net`, '/asset/a.png')}">`);
      const wake = await wakeOnce(sides[side], tabs[side], url);
      if (round >= 0) results[side].push(wake); // round -1 warms both up
    }
  }
  const line = (side: Side, key: keyof Wake) => {
    const xs = results[side].map((w) => w[key]);
    return `p50 ${quantile(xs, 0.5).toFixed(1).padStart(6)} ms  p95 ${quantile(xs, 0.95).toFixed(1).padStart(6)} ms`;
  };
  console.log(`${ROUNDS} wakes each, alternating; ms from the worker's start (performance.timeOrigin)`);
  console.log(`minimal peer   listener ${line('peer', 'listener')}`);
  console.log(`stack floor    listener ${line('stack', 'listener')}   (the peer + ${STACK.imports.join(' + ')}, no Diffuse logic; --stack ${stackArg})`);
  console.log(`Diffuse        listener ${line('diffuse', 'listener')}   handled ${line('diffuse', 'handled')}`);
  const handled = quantile(results.diffuse.map((w) => w.handled), 0.5);
  const floor = quantile(results.peer.map((w) => w.listener), 0.5);
  console.log(`ratio (p50 handled / peer's listener): ${(handled / floor).toFixed(2)}×; goal handled ≤ ${GOAL_MS} ms: ${handled <= GOAL_MS ? 'met' : 'NOT met'}`);
  process.exitCode = handled <= GOAL_MS ? 0 : 1;
} finally {
  await Promise.all([sides.diffuse.close(), sides.peer.close(), sides.stack.close()]);
  await rm(peerDir, { recursive: true, force: true });
  await rm(stackDir, { recursive: true, force: true });
  await server.close();
}
