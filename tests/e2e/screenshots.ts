/**
 * The README's pictures, made from the built extension (npm run build:chrome first): Chromium loads it, visits
 * three local test sites whose pages load real third-party names (every name is mapped to the local test
 * server), and photographs the popup's first screen and the dashboard into docs/images/. Not part of
 * `npm test`: run `npm run screenshots` after a change to what the popup or the dashboard shows.
 */
import { mkdir } from 'node:fs/promises';
import { launchChromium } from './harness/chromium';
import { popupCompanies } from './harness/popup-reader';
import { TestServer } from './harness/test-server';

const OUT = 'docs/images';
/** The toolbar popup's size in Chrome (popup.css: 360–480 px wide). */
const POPUP = { width: 400, height: 600 };
const DASHBOARD = { width: 1000, height: 1100 };

/** A news page with the third parties such a page commonly has, and two smaller sites. */
const SITES: Record<string, string[]> = {
  'www.diffuse-news.com': [
    'www.google-analytics.com', 'www.googletagmanager.com', 'securepubads.g.doubleclick.net', 'i.ytimg.com',
    'connect.facebook.net', 'bat.bing.com', 'static.criteo.net', 'cdn.taboola.com', 'c.amazon-adsystem.com',
    'cdn.jsdelivr.net', 'fonts.gstatic.com', 'sb.scorecardresearch.com', 'cdn.cookielaw.org', 'js.hs-scripts.com',
  ],
  'www.diffuse-shop.com': ['www.google-analytics.com', 'connect.facebook.net', 'js.stripe.com', 'static.hotjar.com'],
  'www.diffuse-blog.com': ['fonts.gstatic.com', 'www.googletagmanager.com', 'cdn.jsdelivr.net'],
};

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const server = await TestServer.start();
  const browser = await launchChromium();
  try {
    let newsTab = 0;
    for (const [site, thirdParties] of Object.entries(SITES)) {
      const images = thirdParties.map((host, i) => `<img alt="" src="${server.url(host, `/asset/${i}.png`, 'https')}">`).join('');
      server.page(site, '/', `<!doctype html><link rel="icon" href="data:,"><title>${site}</title>${images}`);
      const tab = await browser.openTab(server.url(site, '/', 'https'));
      if (site === 'www.diffuse-news.com') newsTab = tab.id;
    }
    const popup = await browser.openPopup(newsTab);
    for (let i = 0; (await popupCompanies(popup)).length < 8; i++) {
      if (i > 100) throw new Error('the popup never showed the news page’s companies');
      await new Promise((r) => setTimeout(r, 100));
    }
    // popupCompanies expanded every row to read it: a fresh popup shows the first screen as a user sees it.
    await popup.close();
    const fresh = await browser.openPopup(newsTab);
    await new Promise((r) => setTimeout(r, 1500));
    await fresh.screenshot?.(`${OUT}/popup.png`, POPUP);
    await fresh.close();

    const dashboard = await browser.openExtensionPage('options.html#dashboard');
    await new Promise((r) => setTimeout(r, 2500));
    await dashboard.evaluate(() => document.getElementById('dashboard')?.scrollIntoView());
    await dashboard.screenshot?.(`${OUT}/dashboard.png`, DASHBOARD);
    await dashboard.close();
    console.log(`wrote ${OUT}/popup.png and ${OUT}/dashboard.png`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
