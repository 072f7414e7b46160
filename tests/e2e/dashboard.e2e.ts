import { expect, it } from 'vitest';
import { BatchWriter } from '../../utils/pageload/batch';
import { validateHistoryExport } from '../../utils/history/export-schema';
import { captureDownload, chooseImportFile, click, evaluate, readDashboard, text, typeFilter, type DashboardState } from './harness/dashboard-actions';
import type { ExtensionPage } from './harness/extension-browser';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupHosts } from './harness/popup-reader';
import type { TestServer } from './harness/test-server';
import { ask } from './harness/dns-actions';
import { DohServer } from '../support/doh-server';
import type { DnsConfigureResult } from '../../utils/messages/dns-messages';

/** A page on `host` loading real third-party names over HTTPS (several are HSTS-preloaded); each URL distinct. */
let n = 0;
function publish(server: TestServer, host: string, thirdParties: string[]): string {
  const imgs = thirdParties.map((h) => `<img alt="" src="${server.url(h, `/asset/${++n}.png`, 'https')}">`).join('');
  server.page(host, '/', `<!doctype html><link rel="icon" href="data:,"><title>${host}</title>${imgs}`);
  return server.url(host, '/');
}

/** Four sites: Google on three (Analytics twice, YouTube's image host once), jsDelivr on two, Microsoft and Meta on one each. */
const SITES: Record<string, string[]> = {
  'www.alpha-news.test': ['www.google-analytics.com', 'www.google-analytics.com', 'bat.bing.com', 'cdn.jsdelivr.net'],
  'www.beta-shop.test': ['i.ytimg.com', 'connect.facebook.net'],
  'www.gamma-blog.test': ['cdn.jsdelivr.net'],
  'www.delta-forum.test': ['www.google-analytics.com'],
};
// Blocked by the default tracker rules: Analytics, Bing and Facebook; YouTube's images and jsDelivr load.
const COMPANIES = [
  { name: 'Google', sites: 3, reach: 0.75, requests: 4, blocked: 3 },
  { name: 'jsDelivr', sites: 2, reach: 0.5, requests: 2, blocked: 0 },
  { name: 'Meta', sites: 1, reach: 0.25, requests: 1, blocked: 1 },
  { name: 'Microsoft', sites: 1, reach: 0.25, requests: 1, blocked: 1 },
];

async function openDashboard(ctx: () => { browser: { openExtensionPage(p: string): Promise<ExtensionPage> } }, sites: number): Promise<[ExtensionPage, DashboardState]> {
  const page = await ctx().browser.openExtensionPage('options.html');
  await expect.poll(() => readDashboard(page).then((d) => !d.loading && d.totals.sites), { timeout: 15_000 }).toBe(sites);
  return [page, await readDashboard(page)];
}

describeInBothBrowsers('dashboard: history over days, exports and the settings file', (ctx) => {
  it('ranks companies by reach over the sites browsed; the sites table sorts and filters', async () => {
    const { browser, server } = ctx();
    for (const [host, thirdParties] of Object.entries(SITES)) await (await browser.openTab(publish(server, host, thirdParties))).close();
    const [page, dash] = await openDashboard(ctx, 4);
    expect(dash.range).toBe('7d');
    expect(dash.companies).toEqual(COMPANIES);
    expect(dash.reachDesc).toContain('Google: on 75 % of the sites you visited');
    // 4 documents + 8 third-party requests; Analytics ×3, Bing, Facebook blocked.
    expect(dash.totals).toEqual({ pageLoads: 4, sites: 4, thirdPartyRequests: 8, blocked: 5, companies: 4 });
    expect(dash.sites.find((s) => s.site === 'alpha-news.test')).toEqual({ site: 'alpha-news.test', pageLoads: 1, companies: 3, thirdPartyHosts: 3, blocked: 3, hhi: 3750 });

    await click(page, 'button[data-sort="site"]');
    await expect.poll(() => readDashboard(page).then((d) => d.sites.map((s) => s.site))).toEqual(['alpha-news.test', 'beta-shop.test', 'delta-forum.test', 'gamma-blog.test']);
    await click(page, 'button[data-sort="blocked"]');
    await expect.poll(() => readDashboard(page).then((d) => d.sites[0]?.site)).toBe('alpha-news.test');
    expect(await evaluate(page, `document.querySelector('button[data-sort="blocked"]').closest('th').getAttribute('aria-sort')`)).toBe('descending');
    await typeFilter(page, 'ta-');
    await expect.poll(() => readDashboard(page).then((d) => d.sites.map((s) => s.site))).toEqual(['beta-shop.test', 'delta-forum.test']);
    expect(await text(page, '[data-testid="site-count"]')).toBe('2 of 4 sites');

    // The resolver pool's ledger: one line per resolver with its share of sites (a fraction, whatever was resolved).
    await expect.poll(() => evaluate<number>(page, `document.querySelectorAll('.dash-dns [data-resolver]').length`)).toBeGreaterThanOrEqual(3);
    const shares = await evaluate<number[]>(page, `[...document.querySelectorAll('.dash-dns [data-resolver]')].map((li) => Number(li.dataset.siteShare))`);
    for (const share of shares) expect(share >= 0 && share <= 1).toBe(true);

    await click(page, 'input[name="dash-range"][value="today"]');
    await expect.poll(() => readDashboard(page).then((d) => d.range)).toBe('today');
    expect((await readDashboard(page)).companies).toEqual(COMPANIES);
    await page.close();
  });

  it('exports JSON (valid diffuse-history/1), CSV (site × company) and an HTML report that loads nothing and shows the same totals', async () => {
    const { browser, server } = ctx();
    const [page, dash] = await openDashboard(ctx, 4);
    const today = new Date();
    const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;

    const json = await captureDownload(page, 'button[data-export="json"]');
    expect(json.name).toBe(`diffuse-history-7d-${date}.json`);
    const doc = JSON.parse(json.text);
    expect(() => validateHistoryExport(doc)).not.toThrow();
    expect(doc.totals).toEqual({ ...dash.totals, requests: 12 });
    expect(doc.companies.map(({ name, sites, reach, requests, blocked }: (typeof COMPANIES)[number]) => ({ name, sites, reach, requests, blocked }))).toEqual(COMPANIES);
    expect(doc.pages.map((p: { site: string }) => p.site).sort()).toEqual(['alpha-news.test', 'beta-shop.test', 'delta-forum.test', 'gamma-blog.test']);

    const csv = await captureDownload(page, 'button[data-export="csv"]');
    expect(csv.name).toBe(`diffuse-history-7d-${date}.csv`);
    const rows = csv.text.trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rows[0]?.slice(2, 8)).toEqual(['site', 'site_page_loads', 'organization', 'requests', 'share', 'blocked']);
    expect(rows.slice(1).map((r) => `${r[2]} ${r[4]} ${r[5]} ${r[7]}`).sort()).toEqual([
      'alpha-news.test Google 2 2', 'alpha-news.test Microsoft 1 1', 'alpha-news.test jsDelivr 1 0', 'beta-shop.test Google 1 0',
      'beta-shop.test Meta 1 1', 'delta-forum.test Google 1 1', 'gamma-blog.test jsDelivr 1 0',
    ]);

    const html = await captureDownload(page, 'button[data-export="html"]');
    expect(html.name).toBe(`diffuse-history-7d-${date}.html`);
    expect(html.type).toMatch(/^text\/html/);
    await page.close();
    // Opened as a page from the local server: every request it made would reach the extension's observer.
    server.page('report.test', '/report.html', html.text);
    const before = server.log.length;
    const tab = await browser.openTab(server.url('report.test', '/report.html'));
    const shown = await tab.evaluate(new Function(`return {
      totals: Object.fromEntries([...document.querySelectorAll('[data-total]')].map((e) => [e.dataset.total, Number(e.textContent.replace(/[^0-9]/g, ''))])),
      resources: performance.getEntriesByType('resource').length,
      reach: document.querySelector('svg title')?.textContent ?? '' };`) as () => { totals: Record<string, number>; resources: number; reach: string });
    expect(shown.totals).toEqual(dash.totals);
    expect(shown.resources).toBe(0);
    expect(shown.reach).toMatch(/^Companies by reach/);
    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => popupHosts(popup), { timeout: 10_000 }).toEqual({ 'report.test': 1 });
    expect(server.log.slice(before).map((r) => `${r.host}${r.path}`)).toEqual(['report.test/report.html']);
    await Promise.all([popup.close(), tab.close()]);
  });

  it('imports a settings file (retention, policies through the rules); an invalid one is refused, naming the field, and changes nothing', async () => {
    const [page] = await openDashboard(ctx, 5); // the report page of the test before is a site too
    const exported = await captureDownload(page, '[data-testid="settings-export"]');
    const file = JSON.parse(exported.text);
    expect(file).toMatchObject({ schema: 'diffuse-settings/3', history: { retentionDays: 30 }, policies: [], dns: { strategy: 'site' }, companion: { enabled: false } });

    file.history.retentionDays = 7;
    file.policies = [{ site: 'alpha-news.test', mode: 'off', companies: {} }, { site: 'beta-shop.test', mode: 'default', companies: { microsoft: 'allow' } }];
    await chooseImportFile(page, 'settings.json', JSON.stringify(file));
    await expect.poll(() => text(page, '[data-testid="settings-status"]'), { timeout: 10_000 }).toMatch(/^Settings imported\. 2 per-site choices/);
    await expect.poll(() => evaluate(page, `document.querySelector('[data-testid="retention"]').value`)).toBe('7');
    const policy = (site: string) => evaluate<{ value: { mode: string; companies: Record<string, string> } }>(page, `api.runtime.sendMessage({ type: 'policy.get', site: '${site}' })`);
    expect((await policy('alpha-news.test')).value).toMatchObject({ mode: 'off' });
    expect((await policy('beta-shop.test')).value).toMatchObject({ mode: 'default', companies: { Microsoft: 'allow' } });
    const rules = () => evaluate<unknown[]>(page, 'api.declarativeNetRequest.getDynamicRules()');
    const installed = await rules();
    expect(installed.length).toBeGreaterThan(0);

    const bad = { ...file, history: { retentionDays: 90 }, policies: [file.policies[0], { ...file.policies[1], mode: 'sometimes' }] };
    await chooseImportFile(page, 'bad.json', JSON.stringify(bad));
    await expect.poll(() => text(page, '[data-testid="settings-status"]'), { timeout: 10_000 }).toMatch(/nothing was changed: policies\[1\]\.mode: expected one of/);
    expect(await evaluate(page, `document.querySelector('[data-testid="settings-status"]').getAttribute('role')`)).toBe('alert');
    expect(await evaluate(page, `document.querySelector('[data-testid="retention"]').value`)).toBe('7');
    expect((await policy('alpha-news.test')).value).toMatchObject({ mode: 'off' });
    expect(await rules()).toEqual(installed);
    await page.close();
  });

  it('an import the browser refuses the rules of is undone whole: retention, DNS, companion and policies as before', async () => {
    const { browser } = ctx();
    const page = await browser.openExtensionPage('options.html');
    const current = async () => {
      const answer = await evaluate<{ value: { text: string } }>(page, `api.runtime.sendMessage({ type: 'settings.export' })`);
      const { exportedAt: _, ...settings } = JSON.parse(answer.value.text);
      return settings as Record<string, unknown>;
    };
    const before = await current();
    expect(before).toMatchObject({ history: { retentionDays: 7 }, dns: { strategy: 'site' }, companion: { onLoss: 'direct' } });
    // Rules of no Diffuse kind (ids from 70,000) fill the browser's dynamic rules to its limit (browser-testing.md):
    // the import's policy rules are then refused by the browser itself.
    const limit = browser.name === 'firefox' ? 5_000 : 30_000;
    const installed = await evaluate<unknown[]>(page, 'api.declarativeNetRequest.getDynamicRules()');
    await evaluate(page, `api.declarativeNetRequest.updateDynamicRules({ addRules: Array.from({ length: ${limit - installed.length} }, (_, i) => ({
      id: 70000 + i, priority: 1, action: { type: 'block' }, condition: { requestDomains: ['filler-' + i + '.diffuse-filler.com'] } })) })`);
    try {
      const changed = {
        ...before,
        history: { retentionDays: 90 },
        dns: { ...(before.dns as object), strategy: 'name', rekeyDays: 30 },
        companion: { enabled: false, onLoss: 'block' },
        policies: [{ site: 'gamma-news.com', mode: 'off', companies: {} }, { site: 'delta-shop.com', mode: 'strict', companies: {} }],
      };
      await chooseImportFile(page, 'refused.json', JSON.stringify(changed));
      await expect.poll(() => text(page, '[data-testid="settings-status"]'), { timeout: 20_000 }).toMatch(
        /^This file was not imported and nothing was changed: per-site policies could not be applied \(The browser refused the protection rules: .+\), so every part of the import was put back\.$/,
      );
      expect(await current()).toEqual(before);
      expect(await evaluate<unknown[]>(page, 'api.declarativeNetRequest.getDynamicRules().then((rules) => rules.filter((r) => r.id < 70000))')).toEqual(installed);
    } finally {
      await evaluate(page, `api.declarativeNetRequest.updateDynamicRules({ removeRuleIds: Array.from({ length: ${limit - installed.length} }, (_, i) => 70000 + i) })`);
    }
    await page.close();
  });

  it(`a page load observed before the worker is stopped is not lost (flush bound ${BatchWriter.FLUSH_MS} ms)`, async ({ skip }) => {
    const { browser, server } = ctx();
    if (!browser.stopWorker) return skip('Firefox keeps its background page; only Chromium stops workers at will.');
    const tab = await browser.openTab(publish(server, 'www.epsilon.test', ['cdn.jsdelivr.net', 'bat.bing.com']));
    // Nothing has asked the background for this tab, so only the batch writer's own timer can have stored it.
    await new Promise((r) => setTimeout(r, BatchWriter.FLUSH_MS + 250));
    await browser.stopWorker();
    const [page, dash] = await openDashboard(ctx, 6);
    expect(dash.sites.find((s) => s.site === 'epsilon.test')).toEqual({ site: 'epsilon.test', pageLoads: 1, companies: 2, thirdPartyHosts: 2, blocked: 1, hhi: 5000 });
    await Promise.all([page.close(), tab.close()]);
  });

  it('deletes all data after a confirmation; settings stay', async () => {
    const page = await ctx().browser.openExtensionPage('options.html');
    await expect.poll(() => readDashboard(page).then((d) => d.totals.pageLoads ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
    await click(page, '[data-testid="delete-all"]');
    // Keyboard users land on the choice.
    await expect.poll(() => evaluate(page, `document.activeElement?.dataset.testid`)).toBe('delete-confirm');
    await click(page, '[data-testid="delete-confirm"]');
    await expect.poll(() => readDashboard(page).then((d) => d.totals), { timeout: 10_000 }).toEqual({ pageLoads: 0, sites: 0, thirdPartyRequests: 0, blocked: 0, companies: 0 });
    expect(await text(page, '[data-testid="stored"]')).toBe('No page loads stored.');
    expect(await evaluate(page, `document.querySelector('[data-testid="retention"]').value`)).toBe('7');
    await page.close();
  });

  it('forgets one site after a confirmation: gone from the table, the DNS shares and the JSON export; the other stays', async () => {
    const { browser, server } = ctx();
    // The DNS shares count the sites Diffuse's own lookups were made for: each page loads a first-party subdomain,
    // which uncloaking asks one local DoH server for (on Firefox too: the pool is chosen over Firefox's resolver).
    // Names under a real public suffix: `.test` names are never sent.
    const doh = await DohServer.start({ zone: [{ name: '*.iota-shop.com', type: 'A', data: '127.0.0.1' }, { name: '*.kappa-news.com', type: 'A', data: '127.0.0.1' }], plain: true });
    const options = await browser.openExtensionPage('options.html');
    expect((await ask<DnsConfigureResult>(options, { type: 'dns.configure', resolvers: [doh.template], lookupsVia: 'pool' })).ok).toBe(true);
    await options.close();
    for (const site of ['iota-shop.com', 'kappa-news.com']) await (await browser.openTab(publish(server, `www.${site}`, [`static.${site}`]))).close();
    const [page] = await openDashboard(ctx, 2); // history was emptied by the test before
    // Distinct sites in the DNS ledger, from any resolver's count and share (a failed lookup's fallback counts a site twice).
    const ledgerSites = () => evaluate<number>(page, `[...document.querySelectorAll('.dash-dns [data-sites]')]
      .map((li) => Math.round(Number(li.dataset.sites) / Number(li.dataset.siteShare))).find((n) => n > 0) ?? 0`);
    await expect.poll(ledgerSites, { timeout: 10_000 }).toBe(2);
    // The first row, so the row that keeps the focus moves up when it goes.
    const forget = 'button[data-forget="iota-shop.com"]';
    expect(await evaluate(page, `document.querySelector('${forget}').getAttribute('aria-label')`)).toBe('Forget iota-shop.com');
    await click(page, forget);
    await expect.poll(() => evaluate(page, `document.activeElement?.dataset.testid`)).toBe('forget-confirm');
    await click(page, '[data-testid="forget-confirm"]');
    await expect.poll(() => readDashboard(page).then((d) => d.sites.map((s) => s.site)), { timeout: 10_000 }).toEqual(['kappa-news.com']);
    expect((await readDashboard(page)).totals).toMatchObject({ pageLoads: 1, sites: 1 });
    expect(await text(page, '[data-testid="forget-status"]')).toBe('iota-shop.com was forgotten.');
    // Keyboard users land on the next row's button, not on the page's start.
    expect(await evaluate(page, `document.activeElement?.dataset.forget`)).toBe('kappa-news.com');
    await expect.poll(ledgerSites, { timeout: 10_000 }).toBe(1);
    const doc = JSON.parse((await captureDownload(page, 'button[data-export="json"]')).text);
    expect(doc.pages.map((p: { site: string }) => p.site)).toEqual(['kappa-news.com']);
    expect(JSON.stringify(doc)).not.toContain('iota-shop');
    await page.close();
    await doh.close();
  });
});
