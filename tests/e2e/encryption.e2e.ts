import { expect, it } from 'vitest';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupText } from './harness/popup-reader';
import type { ExtensionPage } from './harness/extension-browser';

/** The popup's clear-text list: company (empty for unknown owners) → requests. */
function clearText(popup: ExtensionPage): Promise<[string, number][]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-clear-company]')].map((li) => [li.dataset.clearCompany ?? '', Number(li.dataset.clearRequests)] as [string, number]),
  );
}

describeInBothBrowsers('encryption: clear-text requests by company', (ctx) => {
  it('a page over HTTP loading from HTTP and HTTPS hosts: the popup lists the clear-text requests under their company', async () => {
    const { browser, server } = ctx();
    const img = (url: string) => `<img alt="" src="${url}">`;
    server.page(
      'www.plain.test',
      '/',
      `<!doctype html><link rel="icon" href="data:,">
       ${img(server.url('code.jquery.com', '/asset/j1.png'))}${img(server.url('code.jquery.com', '/asset/j2.png'))}
       ${img(server.url('ajax.aspnetcdn.com', '/asset/m.png'))}
       ${img(server.url('cdn.jsdelivr.net', '/asset/s.png', 'https'))}
       ${img(server.url('www.google-analytics.com', '/asset/blocked.png'))}`,
    );
    const tab = await browser.openTab(server.url('www.plain.test', '/'));
    // What really crossed the network in clear text, by the server's own log.
    expect(server.log.filter((r) => r.scheme === 'http').map((r) => r.host).sort()).toEqual(['ajax.aspnetcdn.com', 'code.jquery.com', 'code.jquery.com', 'www.plain.test']);

    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => clearText(popup), { timeout: 10_000 }).toEqual([
      ['JS Foundation', 2],
      ['Microsoft', 1],
      ['', 1],
    ]);
    // 6 requests: the document, 2 + 1 clear-text images, 1 HTTPS image, 1 blocked tracker (never sent, not clear text).
    expect(await popupText(popup, 'encryption')).toMatch(/^4 of 6 requests in clear text/);
    if (browser.name === 'chromium') expect(await popupText(popup, 'encryption')).toBe('4 of 6 requests in clear text.');
    await popup.close();
    await tab.close();
  });

  it('Firefox reports each HTTPS connection’s TLS version; Chrome says it cannot', async () => {
    const { browser, server } = ctx();
    server.page('www.secure.test', '/', `<!doctype html><link rel="icon" href="data:,"><img src="${server.url('cdn.jsdelivr.net', '/asset/tls.png', 'https')}">`);
    const tab = await browser.openTab(server.url('www.secure.test', '/', 'https'));
    const popup = await browser.openPopup(tab.id);
    if (browser.name === 'firefox') {
      // Node's TLS server negotiates TLS 1.3; no ECH; the profile's DNS is not DoH (forceResolve).
      await expect.poll(() => popupText(popup, 'encryption'), { timeout: 10_000 }).toBe(
        'All 2 requests encrypted; 2 over TLS 1.3; 0 hid the site name with ECH; DNS for 0 of 2 connections was private.',
      );
      expect(await popup.evaluate(() => document.querySelector('[data-testid="dns-advice"]')?.getAttribute('href') ?? null)).toMatch(/options\.html#dns$/);
    } else {
      await expect.poll(() => popupText(popup, 'encryption'), { timeout: 10_000 }).toBe('All 2 requests encrypted.');
      expect(await popup.evaluate(() => document.querySelector('.encryption .note')?.textContent ?? '')).toMatch(/Chrome does not tell extensions/);
    }
    await popup.close();
    await tab.close();
  });

  it('the dashboard shows the clear-text share by company; Firefox also the connection shares', async () => {
    const { browser } = ctx();
    // The two tests above browsed www.plain.test (4 clear-text requests, 1 HTTPS) and www.secure.test (2 HTTPS).
    await new Promise((r) => setTimeout(r, 600)); // past the 250 ms write bound
    const page = await browser.openExtensionPage('options.html');
    const rows = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-enc-company]')].map((r) => [r.dataset.encCompany ?? '', Number(r.dataset.encClear)] as [string, number]),
      );
    await expect.poll(rows, { timeout: 10_000 }).toEqual([
      ['JS Foundation', 2],
      ['Microsoft', 1],
      ['', 1],
    ]);
    const connections = await popupText(page, 'dash-connections');
    if (browser.name === 'firefox') expect(connections).toMatch(/^Of 3 connections the browser described: private DNS for 0 %, Encrypted Client Hello for 0 %, TLS 1\.3 for 100 %/);
    else expect(connections).toMatch(/does not describe connections/);
    await page.close();
  });
});
