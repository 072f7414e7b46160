import { expect, it } from 'vitest';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupCompanies, popupHosts, popupText } from './harness/popup-reader';

describeInBothBrowsers('companies: the popup rolls hosts up to the companies behind them', (ctx) => {
  it('shows each company with its requests and share, two Google products as one Google, first party and unknown apart', async () => {
    const { browser, server } = ctx();
    // Real third-party names (the browsers send every name to the local server); HTTPS because several are
    // HSTS-preloaded. Each URL distinct so none is served from cache.
    const img = (host: string, n: string) => `<img alt="" src="${server.url(host, `/asset/${n}.png`, 'https')}">`;
    server.page(
      'www.shop.test',
      '/',
      `<!doctype html><link rel="icon" href="data:,"><title>Shop</title>
       <img src="${server.url('www.shop.test', '/asset/own.png')}">
       ${img('www.google-analytics.com', 'g1')}${img('www.google-analytics.com', 'g2')}${img('i.ytimg.com', 'y')}
       ${img('bat.bing.com', 'b1')}${img('bat.bing.com', 'b2')}${img('bat.bing.com', 'b3')}
       ${img('connect.facebook.net', 'f')}${img('cdn.jsdelivr.net', 'j')}
       <img src="${server.url('cdn.unknown-widget.test', '/asset/u.png')}">`,
    );
    const tab = await browser.openTab(server.url('www.shop.test', '/'));
    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => popupHosts(popup), { timeout: 10_000 }).toMatchObject({ 'cdn.unknown-widget.test': 1, 'cdn.jsdelivr.net': 1 });

    // 9 third-party requests: Google 3 (Analytics 2 + YouTube's image host 1), Microsoft 3, Meta 1, jsDelivr 1,
    // and 1 to a host whose owner nobody knows, which counts in the total but is no company.
    // Blocked requests count as requests (the page made them); `blocked` says how many were stopped.
    expect(await popupCompanies(popup)).toEqual([
      { name: 'Google', requests: 3, share: 0.3333, blocked: 2, hosts: ['www.google-analytics.com', 'i.ytimg.com'] },
      { name: 'Microsoft', requests: 3, share: 0.3333, blocked: 3, hosts: ['bat.bing.com'] },
      { name: 'Meta', requests: 1, share: 0.1111, blocked: 1, hosts: ['connect.facebook.net'] },
      { name: 'jsDelivr', requests: 1, share: 0.1111, blocked: 0, hosts: ['cdn.jsdelivr.net'] },
    ]);
    expect(await popupText(popup, 'summary')).toBe(
      'Contacted 6 third-party hosts run by 4 companies (owner unknown for 1); Google received 33 % of the requests.',
    );
    // HHI = 3333² ... in percent points: 33.33² + 33.33² + 11.11² + 11.11² ≈ 2469: moderately concentrated,
    // said in words first, the index one click away.
    expect(await popupText(popup, 'concentration')).toBe('Most requests went to a few companies.');
    expect(await popupText(popup, 'concentration-index')).toBe('Moderately concentrated: top company 33 %, HHI 2,469 of 10,000.');
    expect(await popupText(popup, 'site')).toBe('shop.test');
    await popup.close();
    await tab.close();
  });
});
