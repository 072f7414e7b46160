import { expect, it } from 'vitest';
import { describeInBothBrowsers } from './harness/in-both-browsers';

const PAGE = '<!doctype html><link rel="icon" href="data:,">';

/** Clicks #go after evaluate has returned: a navigation started inside evaluate can leave the driver waiting on a gone page. */
const clickSoon = () => void setTimeout(() => document.getElementById('go')?.click(), 0);

describeInBothBrowsers('tracking parameters stripped on every navigation', (ctx) => {
  it('strips them from a link to the same site: the server sees the stripped URL', async () => {
    const { browser, server } = ctx();
    const host = 'www.diffuse-shop.com';
    server.page(host, '/', `${PAGE}<title>Shop</title><a id="go" href="/item?id=7&utm_source=news&fbclid=x1&fb_source=feed">item</a>`);
    server.page(host, '/item', `${PAGE}<title>Item</title><p>item</p>`);
    const tab = await browser.openTab(server.url(host, '/'));
    await tab.evaluate(clickSoon);
    await expect.poll(() => server.requestsTo(host).map((r) => r.path), { timeout: 10_000 }).toContain('/item?id=7');
    expect(server.requestsTo(host).map((r) => r.path)).toEqual(['/', '/item?id=7']);
    await expect.poll(() => tab.evaluate(() => location.search), { timeout: 5_000 }).toBe('?id=7');
    await tab.close();
  });

  it('strips them from a same-site frame and keeps a parameter the list does not name', async () => {
    const { browser, server } = ctx();
    const host = 'www.diffuse-news.com';
    server.page(host, '/', `${PAGE}<iframe src="/embed?story=3&fb_ref=top&gs_l=abc&utm_campaign=spring"></iframe>`);
    server.page(host, '/embed', `${PAGE}<p>embed</p>`);
    const tab = await browser.openTab(server.url(host, '/'));
    await expect.poll(() => server.requestsTo(host).map((r) => r.path), { timeout: 10_000 }).toEqual(['/', '/embed?story=3']);
    await tab.close();
  });

  it('keeps mkt_tok on an unsubscribe link, where the site needs it, and strips it elsewhere', async () => {
    const { browser, server } = ctx();
    const host = 'go.diffuse-mail.com';
    server.page(host, '/unsubscribe', `${PAGE}<p>bye</p>`);
    server.page(host, '/offer', `${PAGE}<p>offer</p>`);
    const tab = await browser.openTab(server.url(host, '/unsubscribe?mkt_tok=T1'));
    await tab.goto(server.url(host, '/offer?mkt_tok=T1&id=2'));
    expect(server.requestsTo(host).map((r) => r.path)).toEqual(['/unsubscribe?mkt_tok=T1', '/offer?id=2']);
    await tab.close();
  });
});
