import { expect, it } from 'vitest';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupHosts } from './harness/popup-reader';
import type { TestServer } from './harness/test-server';

const RUNS = 6;

/**
 * A page with a script, two images, a frame with an image of its own and, 300 ms after its load, a fetch:
 * the parts a restored tab loads while the extension is starting, each URL distinct.
 */
function publish(server: TestServer, run: number): { url: string; expected: Record<string, number> } {
  const host = `www.restart${run}-news.com`;
  const cdn = 'cdn.restart-images.net';
  server.route(host, '/app.js', { type: 'text/javascript', body: '// app' });
  server.page('frame.restart-widgets.org', `/w${run}`, `<!doctype html><img src="${server.url(cdn, `/asset/w${run}.png`)}">`);
  server.page(
    host,
    '/',
    `<!doctype html><link rel="icon" href="data:,"><title>Run ${run}</title>
     <script src="${server.url(host, '/app.js')}"></script>
     <img src="${server.url(cdn, `/asset/${run}a.png`)}"><img src="${server.url(cdn, `/asset/${run}b.png`)}">
     <iframe src="${server.url('frame.restart-widgets.org', `/w${run}`)}"></iframe>
     <script>addEventListener('load', () => setTimeout(() => fetch('${server.url('api.restart-news.com', `/asset/f${run}.png`)}'), 300));</script>`,
  );
  return { url: server.url(host, '/'), expected: { [host]: 2, [cdn]: 3, 'frame.restart-widgets.org': 1, 'api.restart-news.com': 1 } };
}

describeInBothBrowsers('start-up: nothing a page does is lost while the extension starts', (ctx) => {
  it(`a page opened the moment the extension starts is recorded whole, ${RUNS} times out of ${RUNS}`, async () => {
    const { browser, server } = ctx();
    const seen: Record<string, number>[] = [];
    for (let run = 0; run < RUNS; run++) {
      const { url, expected } = publish(server, run);
      const tab = await browser.restartOpening(url);
      // The late fetch shows the page has run to its end; the server confirms every request was made.
      await expect.poll(() => server.requestsTo('api.restart-news.com').filter((r) => r.path === `/asset/f${run}.png`).length, { timeout: 10_000 }).toBe(1);
      const popup = await browser.openPopup(tab.id);
      await expect.poll(() => popupHosts(popup), { timeout: 15_000 }).toEqual(expected);
      // The page load is the page's, not named after the first request that reached the listener (a frame's).
      const site = await popup.evaluate(new Function(`const g = globalThis; return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'pageLoad.get', tabId: ${tab.id} }).then((r) => r.value.pageLoad.site);`) as () => Promise<string>);
      expect(site).toBe(`restart${run}-news.com`);
      seen.push(await popupHosts(popup));
      await popup.close();
    }
    expect(seen).toHaveLength(RUNS);
  }, 240_000);
});
