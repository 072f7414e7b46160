import { expect, it } from 'vitest';
import { badgeTextSource } from './harness/extension-browser';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupCompanies } from './harness/popup-reader';
import type { TestServer } from './harness/test-server';

/** A page on `host` (HTTPS) that loads Google Analytics twice, Bing's ad pixel once, and jsDelivr, plus an iframe. */
function publishTrackedPage(server: TestServer, host: string): string {
  const img = (h: string, n: string) => `<img alt="" src="${server.url(h, `/asset/${n}.png`, 'https')}">`;
  server.page(host, '/frame', '<!doctype html><p>frame</p>');
  server.page(
    host,
    '/',
    `<!doctype html><link rel="icon" href="data:,"><title>Tracked</title>
     ${img('www.google-analytics.com', `ga1-${host}`)}${img('www.google-analytics.com', `ga2-${host}`)}
     ${img('bat.bing.com', `bing-${host}`)}${img('cdn.jsdelivr.net', `lib-${host}`)}
     <iframe src="${server.url(host, '/frame', 'https')}"></iframe>`,
  );
  return server.url(host, '/', 'https');
}

describeInBothBrowsers('protection by default: trackers blocked, parameters stripped, GPC sent', (ctx) => {
  it('blocks third-party trackers before they reach the network and counts them in the popup and badge', async () => {
    const { browser, server } = ctx();
    const tab = await browser.openTab(publishTrackedPage(server, 'www.recipes.test'));
    // Advertising and analytics are blocked by default; a CDN (hosting) is attributed, not blocked.
    expect(server.requestsTo('www.google-analytics.com')).toHaveLength(0);
    expect(server.requestsTo('bat.bing.com')).toHaveLength(0);
    expect(server.requestsTo('cdn.jsdelivr.net')).toHaveLength(1);

    const popup = await browser.openPopup(tab.id);
    await expect
      .poll(async () => (await popupCompanies(popup)).map((c) => [c.name, c.requests, c.blocked]), { timeout: 10_000 })
      .toEqual([
        ['Google', 2, 2],
        ['Microsoft', 1, 1],
        ['jsDelivr', 1, 0],
      ]);
    await expect.poll(() => popup.evaluate(badgeTextSource(tab.id)), { timeout: 5_000 }).toBe('3');
    await popup.close();
    await tab.close();
  });

  it('does not block a tracker of the same company as the page (Google Analytics on youtube.com)', async () => {
    const { browser, server } = ctx();
    const tab = await browser.openTab(publishTrackedPage(server, 'www.youtube.com'));
    expect(server.requestsTo('www.google-analytics.com')).toHaveLength(2);
    expect(server.requestsTo('bat.bing.com')).toHaveLength(0);
    await tab.close();
  });

  it('strips tracking parameters from navigations and keeps the others', async () => {
    const { browser, server } = ctx();
    server.page('www.landing.test', '/offer', '<!doctype html><link rel="icon" href="data:,"><p>offer</p>');
    const tab = await browser.openTab(server.url('www.landing.test', '/offer?utm_source=mail&id=42&fbclid=abc&gclid=x'));
    expect(server.requestsTo('www.landing.test').map((r) => r.path)).toEqual(['/offer?id=42']);
    expect(new URL(tab.url()).search).toBe('?id=42');
    await tab.close();
  });

  it('sends Sec-GPC: 1 on every request and sets navigator.globalPrivacyControl in every frame from the start', async () => {
    const { browser, server } = ctx();
    server.page(
      'www.news-gpc.test',
      '/',
      // An inline script at the very top records what page scripts see before anything else runs.
      `<!doctype html><script>window.gpcAtStart = navigator.globalPrivacyControl;
        addEventListener('message', (e) => { window.frameGpc = e.data.gpc; });</script><link rel="icon" href="data:,">
       <img src="${server.url('cdn.jsdelivr.net', '/asset/gpc.png', 'https')}">
       <iframe src="${server.url('www.embed-gpc.test', '/')}"></iframe>`,
    );
    // The cross-site frame reports what its own scripts see (the test cannot reach into it directly).
    server.page('www.embed-gpc.test', '/', '<!doctype html><script>parent.postMessage({ gpc: navigator.globalPrivacyControl }, "*");</script>');
    const tab = await browser.openTab(server.url('www.news-gpc.test', '/'));
    for (const host of ['www.news-gpc.test', 'www.embed-gpc.test'])
      expect(server.requestsTo(host).map((r) => r.headers['sec-gpc']), host).toEqual(['1']);
    expect(server.log.filter((r) => r.path === '/asset/gpc.png').map((r) => r.headers['sec-gpc'])).toEqual(['1']);
    expect(await tab.evaluate(() => (window as unknown as { gpcAtStart: unknown }).gpcAtStart)).toBe(true);
    await expect.poll(() => tab.evaluate(() => (window as unknown as { frameGpc?: unknown }).frameGpc), { timeout: 5_000 }).toBe(true);
    await tab.close();
  });
});
