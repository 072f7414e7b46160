import { expect, it } from 'vitest';
import { chartChecks, openEverything, seriousViolations, useColorScheme } from './harness/accessibility';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupCompanies } from './harness/popup-reader';

/**
 * axe-core finds no serious or critical violation in the popup and the options page (dashboard included), with
 * their sections closed and opened, in the light and the dark theme; the dashboard's charts have a text
 * equivalent and text with enough contrast.
 */
describeInBothBrowsers('accessibility: popup and options page under axe-core', (ctx) => {
  it('popup: 0 serious or critical violations, sections closed and open, light and dark', async () => {
    const { browser, server } = ctx();
    const img = (host: string, n: string) => `<img alt="" src="${server.url(host, `/asset/${n}.png`, 'https')}">`;
    server.page(
      'www.a11y-news.com',
      '/',
      `<!doctype html><link rel="icon" href="data:,"><title>News</title>
       ${img('www.google-analytics.com', 'g1')}${img('i.ytimg.com', 'y')}${img('bat.bing.com', 'b1')}
       ${img('connect.facebook.net', 'f')}${img('cdn.jsdelivr.net', 'j')}
       <img src="${server.url('cdn.unknown-widget.test', '/asset/u.png')}">`,
    );
    const tab = await browser.openTab(server.url('www.a11y-news.com', '/'));
    const popup = await browser.openPopup(tab.id);
    await expect.poll(async () => (await popupCompanies(popup)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await popup.close();

    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.openPopup(tab.id);
      await expect.poll(async () => (await popupCompanies(page)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      expect(await useColorScheme(page, scheme)).toBeGreaterThan(0);
      expect(await seriousViolations(page), `popup, closed, ${scheme}`).toEqual([]);
      expect(await openEverything(page)).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.querySelectorAll('[role="menu"] [role="menuitemradio"]').length)).toBe(3);
      expect(await seriousViolations(page), `popup, open, ${scheme}`).toEqual([]);
      await page.close();
    }
    await tab.close();
  });

  it('options page and dashboard: 0 serious or critical violations, closed and open, light and dark; charts readable', async () => {
    const { browser, server } = ctx();
    // One page load in history so the dashboard draws its charts.
    server.page('www.a11y-shop.com', '/', `<!doctype html><link rel="icon" href="data:,"><title>Shop</title><img alt="" src="${server.url('www.google-analytics.com', '/asset/s.png', 'https')}">`);
    const tab = await browser.openTab(server.url('www.a11y-shop.com', '/'));
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.openExtensionPage('options.html');
      await expect.poll(() => page.evaluate(() => document.querySelectorAll('.dashboard svg[role="img"]').length), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await useColorScheme(page, scheme)).toBeGreaterThan(0);
      expect(await seriousViolations(page), `options, closed, ${scheme}`).toEqual([]);
      const charts = await chartChecks(page);
      expect(charts.unnamed, `charts without a title and description, ${scheme}`).toBe(0);
      expect(charts.texts).toBeGreaterThan(0);
      expect(charts.lowContrast, `chart text under 4.5:1, ${scheme}`).toEqual([]);
      await openEverything(page);
      expect(await seriousViolations(page), `options, open, ${scheme}`).toEqual([]);
      await page.close();
    }
    await tab.close();
  });
});
