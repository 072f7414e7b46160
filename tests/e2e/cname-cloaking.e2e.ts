import { afterAll, beforeAll, expect, it } from 'vitest';
import { DohServer, type ZoneRecord } from '../support/doh-server';
import type { DnsConfigureResult } from '../../utils/messages/dns-messages';
import type { ExtensionPage } from './harness/extension-browser';
import { evaluate } from './harness/dashboard-actions';
import { ask } from './harness/dns-actions';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupText } from './harness/popup-reader';

/**
 * The extension's only resolver is a local DoH server. It answers the shop's analytics subdomain with a CNAME
 * into Adobe's omtrdc.net (TrackerDB: Adobe Experience Cloud, site_analytics, blocked by default), the shop
 * itself with a Cloudflare address and its static host with a Fastly one. The browsers still connect to
 * 127.0.0.1 (the harness maps every name there): only the extension's own lookups see these answers.
 */
const ZONE: ZoneRecord[] = [
  { name: 'www.shop.test', type: 'A', data: '104.16.132.229' },
  { name: 'metrics.shop.test', type: 'CNAME', data: 'shop.test.sc.omtrdc.net' },
  { name: 'shop.test.sc.omtrdc.net', type: 'A', data: '192.0.2.10' },
  { name: 'static.shop.test', type: 'A', data: '151.101.1.1' },
];
const CLOAK_TEXT = 'cloaked tracker: metrics.shop.test → Adobe (via CNAME)';

/** Runs in an extension page: the dynamic rules' request domains (new Function: no runner helpers in the page). */
const dynamicRuleDomains = new Function(
  `const api = globalThis.browser ?? globalThis.chrome;
   return api.declarativeNetRequest.getDynamicRules().then((rules) => rules.map((r) => [r.id, (r.condition.requestDomains ?? []).join(','), (r.condition.initiatorDomains ?? []).join(',')]));`,
) as () => Promise<[number, string, string][]>;

/** Runs in the popup: the Infrastructure section's operator rows. */
const operatorRows = new Function(
  `return [...document.querySelectorAll('[data-operator]')].map((li) => ({ name: li.dataset.operator, requests: Number(li.dataset.requests), hosts: li.querySelector('.meta')?.textContent ?? '' }));`,
) as () => Promise<{ name: string; requests: number; hosts: string }[]>;

describeInBothBrowsers('CNAME uncloaking and infrastructure through the resolver pool', (ctx) => {
  let doh: DohServer;
  let options: ExtensionPage;

  beforeAll(async () => {
    doh = await DohServer.start({ zone: ZONE, plain: true });
    options = await ctx().browser.openExtensionPage('options.html');
    const configured = await ask<DnsConfigureResult>(options, { type: 'dns.configure', resolvers: [doh.template] });
    expect(configured.ok).toBe(true);
  });
  afterAll(async () => {
    await options?.close();
    await doh?.close();
  });

  it('blocks a first-party subdomain that CNAMEs to Adobe: Firefox from the first request, Chrome from the second', async () => {
    const { browser, server } = ctx();
    const firefox = browser.name === 'firefox';
    server.page(
      'www.shop.test',
      '/',
      `<!doctype html><link rel="icon" href="data:,"><title>Shop</title>
       <img alt="" src="${server.url('static.shop.test', '/asset/logo.png', 'https')}">
       <img alt="" src="${server.url('metrics.shop.test', '/asset/b-ss.png', 'https')}">`,
    );
    const tab = await browser.openTab(server.url('www.shop.test', '/', 'https'));
    expect(server.requestsTo('static.shop.test')).toHaveLength(1);
    expect(server.requestsTo('metrics.shop.test')).toHaveLength(firefox ? 0 : 1);
    expect(doh.log.map((q) => q.name)).toContain('metrics.shop.test');

    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => popupText(popup, 'cloaks'), { timeout: 10_000 }).toContain(CLOAK_TEXT);
    // The learned cloak is a dynamic rule for that host on that site, in the cloak id range.
    await expect
      .poll(() => options.evaluate(dynamicRuleDomains), { timeout: 10_000 })
      .toContainEqual([expect.any(Number), 'metrics.shop.test', 'shop.test']);
    const rule = (await options.evaluate(dynamicRuleDomains)).find((r) => r[1] === 'metrics.shop.test');
    expect(rule?.[0]).toBeGreaterThanOrEqual(50_000);
    expect(rule?.[0]).toBeLessThanOrEqual(59_999);
    await popup.close();

    await tab.reload();
    expect(server.requestsTo('static.shop.test')).toHaveLength(2);
    expect(server.requestsTo('metrics.shop.test')).toHaveLength(firefox ? 0 : 1);
    const again = await browser.openPopup(tab.id);
    await expect.poll(() => popupText(again, 'cloaks'), { timeout: 10_000 }).toContain(CLOAK_TEXT);
    await again.close();
    await tab.close();
  });

  it('shows who serves the page’s hosts: the site itself by Cloudflare, its static host by Fastly', async () => {
    const { browser, server } = ctx();
    const tab = await browser.openTab(server.url('www.shop.test', '/', 'https'));
    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => popupText(popup, 'infra-site'), { timeout: 10_000 }).toBe('This site itself is served by Cloudflare.');
    await expect.poll(() => popup.evaluate(operatorRows), { timeout: 10_000 }).toEqual(
      expect.arrayContaining([
        { name: 'Cloudflare', requests: 1, hosts: 'www.shop.test' },
        { name: 'Fastly', requests: 1, hosts: 'static.shop.test' },
      ]),
    );
    expect(await popupText(popup, 'infrastructure')).toContain('Infrastructure');
    // Which resolver Diffuse's own lookups for this page went to: the only one configured, named by host and port,
    // and the plain statement that the browser's own lookups are not routed.
    const lookups = new Function(
      `return [...document.querySelectorAll('[data-testid="dns-lookups"] [data-resolver]')].map((li) => [li.dataset.resolver, Number(li.dataset.hosts), li.textContent]);`,
    ) as () => Promise<[string, number, string][]>;
    const [only, ...others] = await popup.evaluate(lookups);
    expect(others).toEqual([]);
    expect(only?.[0]).toBe(doh.template);
    expect(only?.[1]).toBeGreaterThanOrEqual(2); // www.shop.test and static.shop.test at least
    expect(only?.[2]).toContain(`127.0.0.1:${doh.port}`);
    expect(await popupText(popup, 'dns-lookups')).toContain("The browser looked the page's names up itself");
    expect(await popup.evaluate(new Function(`return document.querySelector('footer.credits')?.textContent ?? '';`) as () => string)).toContain(
      'IP to ASN data: ip-location-db (RouteViews, DB-IP) CC BY 4.0',
    );
    await popup.close();
    await tab.close();

    // The dashboard ranks operators by reach over the sites browsed: both served shop.test, the only site here.
    const dashboard = await browser.openExtensionPage('options.html');
    const operators = () =>
      dashboard.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-operator]')].map((li) => [li.dataset.operator ?? '', Number(li.dataset.reach)] as [string, number]),
      );
    await expect.poll(operators, { timeout: 10_000 }).toEqual(expect.arrayContaining([['Cloudflare', 1], ['Fastly', 1]]));

    // Host names say where the user went: forgetting the site takes its hosts out of the stored operator memory too.
    const storedHosts = () => evaluate<string[]>(dashboard, `(await api.storage.local.get('hostOperators')).hostOperators?.map((entry) => entry[0]) ?? []`);
    await expect.poll(storedHosts, { timeout: 10_000 }).toEqual(expect.arrayContaining(['www.shop.test', 'static.shop.test']));
    await ask(dashboard, { type: 'history.forgetSite', site: 'shop.test' });
    expect((await storedHosts()).filter((host) => host.endsWith('shop.test'))).toEqual([]);
    await dashboard.close();
  });
});
