import { expect, it } from 'vitest';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { markDomainAsSite } from './harness/popup-actions';
import { popupCompanies, popupSiteDomains, popupText } from './harness/popup-reader';

describeInBothBrowsers('a site\'s own domains: the popup lists them under the site, not among third parties', (ctx) => {
  it('puts a brand CDN under the site, and a domain the user gives the site there too', async () => {
    const { browser, server } = ctx();
    // A news site whose images come from its own "<brand>-cdn" domain (as many do), with one analytics tag
    // and a widget whose owner no dataset knows. Real public suffixes, served by the local test server.
    const img = (host: string, n: string) => `<img alt="" src="${server.url(host, `/asset/${n}.png`)}">`;
    server.page(
      'www.diffuse-news.com',
      '/',
      `<!doctype html><link rel="icon" href="data:,"><title>News</title>
       ${img('img.diffuse-news-cdn.com', 'a')}${img('img.diffuse-news-cdn.com', 'b')}${img('img.diffuse-news-cdn.com', 'c')}
       ${img('static.diffuse-news-cdn.com', 'd')}
       ${img('www.google-analytics.com', 'g')}
       ${img('cdn.newsroom-widgets.net', 'w')}`,
    );
    const tab = await browser.openTab(server.url('www.diffuse-news.com', '/'));
    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => popupSiteDomains(popup), { timeout: 10_000 }).toEqual({ 'diffuse-news-cdn.com': 'brand' });

    // Only Google is a third-party company; the brand CDN's 4 requests are not in the denominator.
    expect((await popupCompanies(popup)).map((c) => [c.name, c.requests, c.share])).toEqual([['Google', 1, 0.5]]);
    expect(await popupText(popup, 'summary')).toBe(
      'Contacted 2 third-party hosts run by 1 company (owner unknown for 1); Google received 50 % of the requests.',
    );
    // Half of the third-party requests went to an owner nobody knows: said so, and no concentration level claimed.
    expect(await popupText(popup, 'unknown-share')).toBe('50 % of third-party requests went to owners we do not know.');
    expect(await popupText(popup, 'concentration')).toMatch(/^No concentration level/);

    // The user says the widget's domain is the site's own: stored with the site's policy, shown at the next refresh.
    await markDomainAsSite(popup, 'newsroom-widgets.net');
    await expect.poll(() => popupSiteDomains(popup), { timeout: 10_000 }).toEqual({
      'diffuse-news-cdn.com': 'brand',
      'newsroom-widgets.net': 'chosen',
    });
    expect(await popupText(popup, 'summary')).toBe(
      'Contacted 1 third-party host run by 1 company; Google received 100 % of the requests.',
    );
    expect(await popupText(popup, 'unknown-share')).toBeNull();
    expect(await popupText(popup, 'concentration')).toMatch(/^One company received most of the requests/);
    expect(await popupText(popup, 'concentration-index')).toBe('Highly concentrated: top company 100 %, HHI 10,000 of 10,000.');

    // The domains above were worked out in the background: the popup's own scripts, as the browser loaded them, carry
    // no Public Suffix List (tldts made them 182 kB; requiring it takes 15–19 ms in Node, 5 of them its initialisation).
    const scripts = await popup.evaluate(async () => {
      const urls = [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel=modulepreload]')]
        .map((e) => ('src' in e ? e.src : e.href));
      const sizes = await Promise.all(urls.map(async (u) => (await (await fetch(u)).arrayBuffer()).byteLength));
      return { count: urls.length, bytes: sizes.reduce((a, b) => a + b, 0) };
    });
    expect(scripts.count).toBeGreaterThan(0);
    expect(scripts.bytes).toBeLessThan(64_000);
    await popup.close();
    await tab.close();
  });
});
