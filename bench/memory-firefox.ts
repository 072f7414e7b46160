/**
 * npm run bench:memory-firefox — issue 16's memory goal in Firefox (≤ 30 MB after 1,000 page loads of 30 hosts each,
 * and flat after that), where the background is a page: its memory as about:memory reports it per window after
 * "Minimize memory usage" (GC and CC in every process): the `top(…/_generated_background_page.html)` subtree, its JS
 * realm, DOM and layout. A minimal MV2 extension (one webRequest listener) is installed beside Diffuse in the same
 * browser, so the two background pages see the same page loads and share one extension process; its figure is the
 * floor. Also printed: that process's explicit allocations, shared by both and Firefox's built-in extensions (not
 * Diffuse's alone: Firefox runs every extension's pages in it). Pages as bench:memory's (memory-pages.ts);
 * readings after 50 loads, then every 250 to --loads (default 1,500). Needs `npm run build` first.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask } from '../tests/e2e/harness/dns-actions';
import { launchFirefox } from '../tests/e2e/harness/firefox';
import { TestServer } from '../tests/e2e/harness/test-server';
import { DohServer } from '../tests/support/doh-server';
import { GECKO_ID } from '../wxt.config';
import { numberArg } from './dns-stats';
import { isReading, MEMORY_ZONE, memoryVerdict, publishMemoryPage } from './memory-pages';

const LOADS = numberArg(process.argv, 'loads', 1500);
const PEER_ID = 'memory-peer@diffuse.invalid';

async function minimalExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'diffuse-memory-peer-'));
  const manifest = {
    manifest_version: 2,
    name: 'memory peer',
    version: '1',
    background: { scripts: ['bg.js'] },
    permissions: ['webRequest', '<all_urls>'],
    browser_specific_settings: { gecko: { id: PEER_ID } },
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'bg.js'), `let n = 0; browser.webRequest.onBeforeRequest.addListener(() => { n += 1; }, { urls: ['<all_urls>'] });`);
  return dir;
}

/** about:memory's verbose "12,345,678 B" in MB. */
const mb = (bytes: string | undefined): number => Number((bytes ?? 'NaN').replace(/,/g, '')) / 2 ** 20;

/** An extension's background page (MB) in about:memory's text; its moz-extension address is found from its id. */
export function backgroundPageMb(report: string, id: string): number {
  const base = new RegExp(`Extension\\(id=${id.replace(/[.@]/g, '\\$&')}, name="[^"]*", baseURL=moz-extension://([0-9a-f-]+)/\\)`).exec(report)?.[1];
  if (base === undefined) throw new Error(`about:memory does not list the extension ${id}`);
  const line = new RegExp(`([\\d,]+) B \\([\\d.]+%\\) (?:--|\\+\\+) top\\(moz-extension://${base}/_generated_background_page\\.html, id=\\d+\\)`).exec(report);
  if (!line) throw new Error(`about:memory has no background page for ${id} (moz-extension://${base}/)`);
  return mb(line[1]);
}

/** The extension process's explicit allocations (MB): the first total of its section. */
export function extensionProcessMb(report: string): number {
  const section = /\nextension \(pid \d+\)[\s\S]*?End of extension \(pid \d+\)/.exec(report)?.[0];
  const explicit = section && /([\d,]+) B \(100\.0%\) (?:--|\+\+) explicit/.exec(section)?.[1];
  if (!explicit) throw new Error('about:memory has no explicit allocations for the extension process');
  return mb(explicit);
}

const server = await TestServer.start();
const doh = await Promise.all([DohServer.start({ zone: MEMORY_ZONE, plain: true }), DohServer.start({ zone: MEMORY_ZONE, plain: true })]);
const peerDir = await minimalExtension();
const browser = await launchFirefox({}, { alsoInstall: [peerDir] });
try {
  const options = await browser.openExtensionPage('options.html');
  const configured = await ask<{ ok: boolean }>(options, { type: 'dns.configure', resolvers: doh.map((d) => d.template), strategy: 'site' });
  if (!configured.ok) throw new Error(`dns.configure refused: ${JSON.stringify(configured)}`);
  await options.close();
  const tab = await browser.openTab(server.url('www.mem-start.com', '/'));
  console.log(`Firefox, ${LOADS} page loads of 30 hosts each; about:memory after "Minimize memory usage" (MB)`);
  console.log('loads   Diffuse background page   peer background page   extension process (explicit, shared)');
  const readings: { loads: number; mb: number }[] = [];
  for (let n = 1; n <= LOADS; n++) {
    await tab.goto(publishMemoryPage(server, n)); // the load event: every image has been requested
    if (!isReading(n)) continue;
    await new Promise((r) => setTimeout(r, 500)); // the batch of page loads written (250 ms flush)
    const report = await browser.memoryReport!();
    const [diffuse, peer, process] = [backgroundPageMb(report, GECKO_ID), backgroundPageMb(report, PEER_ID), extensionProcessMb(report)];
    readings.push({ loads: n, mb: diffuse });
    console.log(`${String(n).padStart(5)}   ${diffuse.toFixed(2).padStart(23)}   ${peer.toFixed(2).padStart(20)}   ${process.toFixed(1).padStart(36)}`);
  }
  const page = memoryVerdict(readings);
  console.log(`background page ${page.sentence}`);
  console.log(`extension's DoH queries: ${doh.reduce((n, d) => n + d.log.length, 0)}`);
  process.exitCode = page.met && page.flat ? 0 : 1;
} finally {
  await browser.close();
  await rm(peerDir, { recursive: true, force: true });
  await server.close();
  await Promise.all(doh.map((d) => d.close()));
}
