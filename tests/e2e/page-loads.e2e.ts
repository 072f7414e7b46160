import { expect, it } from 'vitest';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupHosts } from './harness/popup-reader';
import type { TestServer } from './harness/test-server';

/** A news page that loads from its own host and three others, one over HTTPS; each URL distinct so none is merged. */
function publishNewsPage(server: TestServer, host: string, path: string): Record<string, number> {
  const img = (h: string, n: string, scheme: 'http' | 'https' = 'http') => `<img alt="" src="${server.url(h, `/asset/${n}.png`, scheme)}">`;
  server.page(
    host,
    path,
    `<!doctype html><html><head><link rel="icon" href="data:,"><title>News</title></head><body>
      ${img(host, 'logo')}
      ${img('cdn.fonts.test', 'a')}${img('cdn.fonts.test', 'b')}
      ${img('img.photos.test', 'c', 'https')}
      ${img('ads.tracker.test', 't1')}${img('ads.tracker.test', 't2')}${img('ads.tracker.test', 't3')}
    </body></html>`,
  );
  // The document itself is a request to its host.
  return { [host]: 2, 'cdn.fonts.test': 2, 'img.photos.test': 1, 'ads.tracker.test': 3 };
}

describeInBothBrowsers('page loads: the popup lists the hosts a tab contacted', (ctx) => {
  it('shows exactly the hosts and request counts of the tab’s page load', async () => {
    const { browser, server } = ctx();
    const expected = publishNewsPage(server, 'www.news.test', '/');
    const tab = await browser.openTab(server.url('www.news.test', '/'));
    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => popupHosts(popup), { timeout: 10_000 }).toEqual(expected);
    // The server confirms the page really made those requests.
    expect(server.requestsTo('ads.tracker.test')).toHaveLength(3);

    // A reload is a new page load: the popup shows its requests, not the sum of both.
    await tab.reload();
    await popup.close();
    const afterReload = await browser.openPopup(tab.id);
    await expect.poll(() => popupHosts(afterReload), { timeout: 10_000 }).toEqual(expected);
    expect(server.requestsTo('ads.tracker.test')).toHaveLength(6);
    await afterReload.close();
    await tab.close();
  });

  it('keeps tabs apart: each popup shows its own tab’s page load', async () => {
    const { browser, server } = ctx();
    const news = publishNewsPage(server, 'www.other-news.test', '/a');
    server.page('www.blog.test', '/', `<!doctype html><link rel="icon" href="data:,"><img src="${server.url('static.blog.test', '/asset/x.png')}">`);
    const first = await browser.openTab(server.url('www.other-news.test', '/a'));
    const second = await browser.openTab(server.url('www.blog.test', '/'));
    const [p1, p2] = [await browser.openPopup(first.id), await browser.openPopup(second.id)];
    await expect.poll(() => popupHosts(p1), { timeout: 10_000 }).toEqual(news);
    await expect.poll(() => popupHosts(p2), { timeout: 10_000 }).toEqual({ 'www.blog.test': 1, 'static.blog.test': 1 });
    await Promise.all([p1.close(), p2.close(), first.close(), second.close()]);
  });

  it('loses nothing when Chrome stops the service worker between two page loads', async ({ skip }) => {
    const { browser, server } = ctx();
    if (!browser.stopWorker) return skip('Firefox keeps the background page; only Chromium stops workers at will.');
    const before = publishNewsPage(server, 'www.before.test', '/');
    const after = publishNewsPage(server, 'www.after.test', '/');
    const first = await browser.openTab(server.url('www.before.test', '/'));
    const p1 = await browser.openPopup(first.id);
    await expect.poll(() => popupHosts(p1), { timeout: 10_000 }).toEqual(before);
    await p1.close();

    await browser.stopWorker();
    // The next page load wakes the worker, which must resume from storage: the first tab's record and the
    // new load both intact, and a reload of the first tab replacing (not adding to) what it had.
    const second = await browser.openTab(server.url('www.after.test', '/'));
    const p2 = await browser.openPopup(second.id);
    await expect.poll(() => popupHosts(p2), { timeout: 10_000 }).toEqual(after);
    const p1Again = await browser.openPopup(first.id);
    await expect.poll(() => popupHosts(p1Again), { timeout: 10_000 }).toEqual(before);

    await browser.stopWorker();
    await first.reload();
    await expect.poll(() => popupHosts(p1Again), { timeout: 10_000 }).toEqual(before);
    await Promise.all([p2.close(), p1Again.close(), first.close(), second.close()]);
  });
});
