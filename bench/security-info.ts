/**
 * npm run bench:security-info — what Diffuse's blocking onHeadersReceived listener (webRequest.getSecurityInfo
 * without the certificate chain, Firefox only) costs a page load. Baseline in the same run: the same Firefox
 * profile setup without the extension. The difference covers all of Diffuse's listeners and rules; the
 * security-info listener is the only one that makes a response wait. Needs `npm run build` first.
 */
import { launchFirefox } from '../tests/e2e/harness/firefox';
import type { ExtensionBrowser } from '../tests/e2e/harness/extension-browser';
import { TestServer } from '../tests/e2e/harness/test-server';

const RESOURCES = 200;
const RUNS = 15;

async function loadTimes(browser: ExtensionBrowser, server: TestServer, label: string): Promise<number[]> {
  const host = `www.${label}.test`;
  server.page(host, '/', '');
  let n = 0;
  server.route(host, '/', () => {
    n++;
    const imgs = Array.from({ length: RESOURCES }, (_, i) => `<img alt="" src="${server.url(`img${i % 20}.${label}.test`, `/asset/${n}-${i}.png`, 'https')}">`);
    return { type: 'text/html', body: `<!doctype html><link rel="icon" href="data:,">${imgs.join('')}` };
  });
  const tab = await browser.openTab(server.url(host, '/', 'https')); // warm-up: connections, caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await tab.reload();
    times.push(await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.loadEventStart - nav.startTime;
    }));
  }
  await tab.close();
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await TestServer.start();
try {
  const plain = await launchFirefox({}, { extension: false });
  const base = await loadTimes(plain, server, 'baseline');
  await plain.close();
  const diffuse = await launchFirefox();
  const withDiffuse = await loadTimes(diffuse, server, 'diffuse');
  await diffuse.close();
  const [b, d] = [median(base), median(withDiffuse)];
  console.log(`Firefox, page with ${RESOURCES} HTTPS images (${RUNS} reloads, median load time):`);
  console.log(`  without Diffuse ${b.toFixed(0)} ms; with Diffuse ${d.toFixed(0)} ms; ratio ${(d / b).toFixed(2)}×; ` +
    `${(((d - b) / RESOURCES) * 1000).toFixed(0)} µs per response`);
} finally {
  await server.close();
}
