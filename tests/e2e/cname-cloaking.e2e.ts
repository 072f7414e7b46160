import { afterAll, beforeAll, expect, it } from 'vitest';
import { DohServer, type ZoneRecord } from '../support/doh-server';
import type { DnsConfigureResult } from '../../utils/messages/dns-messages';
import type { ExtensionPage } from './harness/extension-browser';
import { click, evaluate, text } from './harness/dashboard-actions';
import { ask } from './harness/dns-actions';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupText } from './harness/popup-reader';

/**
 * The extension's only resolver is a local DoH server (on Firefox chosen over Firefox's own resolver for this
 * suite; own-lookups-firefox.e2e.ts covers Firefox's default). It answers the shop's analytics subdomain with a
 * CNAME into Adobe's omtrdc.net (TrackerDB: Adobe Experience Cloud, site_analytics, blocked by default) and its
 * static host with a CNAME into Fastly. The page also contacts a third party and four private names, none of
 * which Diffuse may send anywhere. Names are under real public suffixes: `.test` and the like are exactly the
 * names Diffuse never sends. The browsers still connect to 127.0.0.1 (the harness maps every name there): only
 * the extension's own lookups see these answers.
 */
const SITE = 'diffuse-shop.com';
const ZONE: ZoneRecord[] = [
  { name: `www.${SITE}`, type: 'A', data: '104.16.132.229' },
  { name: `metrics.${SITE}`, type: 'CNAME', data: `${SITE}.sc.omtrdc.net` },
  { name: `${SITE}.sc.omtrdc.net`, type: 'A', data: '192.0.2.10' },
  { name: `static.${SITE}`, type: 'CNAME', data: 'diffuse-shop.map.fastly.net' },
  { name: 'diffuse-shop.map.fastly.net', type: 'A', data: '151.101.1.1' },
];
const THIRD_PARTY = 'cdn.widgets-fixture.net';
const PRIVATE_NAMES = ['printer.local', 'wiki.corp.internal', 'nas.home.arpa', 'intranet'];
const CLOAK_TEXT = `cloaked tracker: metrics.${SITE} → Adobe (via CNAME)`;

/** Runs in an extension page: the dynamic rules' request domains (new Function: no runner helpers in the page). */
const dynamicRuleDomains = new Function(
  `const api = globalThis.browser ?? globalThis.chrome;
   return api.declarativeNetRequest.getDynamicRules().then((rules) => rules.map((r) => [r.id, (r.condition.requestDomains ?? []).join(','), (r.condition.initiatorDomains ?? []).join(',')]));`,
) as () => Promise<[number, string, string][]>;

/** What Diffuse keeps about SITE's names: learned cloaks (storage.local), kept answers (storage.session), cloak rules. */
async function learnedOn(page: ExtensionPage): Promise<{ cloaks: string[]; answers: string[]; rules: string[] }> {
  const stored = await evaluate<{ cloaks: string[]; answers: string[] }>(page, `{
    cloaks: ((await api.storage.local.get('cnameCloaks')).cnameCloaks?.entries ?? []).map((e) => e.site + ' ' + e.host),
    answers: ((await api.storage.session.get('cnameAnswers')).cnameAnswers ?? []).map((entry) => entry[0]),
  }`);
  const rules = (await page.evaluate(dynamicRuleDomains)).filter(([id]) => id >= 50_000 && id <= 59_999).map((r) => r[1]);
  const mine = (name: string) => name.endsWith(SITE);
  return { cloaks: stored.cloaks.filter(mine), answers: stored.answers.filter(mine), rules: rules.filter(mine) };
}

/** Runs in the popup: the Infrastructure section's operator rows. */
const operatorRows = new Function(
  `return [...document.querySelectorAll('[data-operator]')].map((li) => ({ name: li.dataset.operator, requests: Number(li.dataset.requests), hosts: li.querySelector('.meta')?.textContent ?? '' }));`,
) as () => Promise<{ name: string; requests: number; hosts: string }[]>;

describeInBothBrowsers('CNAME uncloaking and infrastructure through the resolver pool', (ctx) => {
  let doh: DohServer;
  let options: ExtensionPage;
  /** Queries of the pages' lookups: the configure probe's are left out. */
  let probes = 0;
  const looked = () => doh.log.slice(probes).map((q) => q.name);

  beforeAll(async () => {
    doh = await DohServer.start({ zone: ZONE, plain: true });
    options = await ctx().browser.openExtensionPage('options.html');
    const configured = await ask<DnsConfigureResult>(options, { type: 'dns.configure', resolvers: [doh.template], lookupsVia: 'pool' });
    expect(configured.ok).toBe(true);
    probes = doh.log.length;
  });
  afterAll(async () => {
    await options?.close();
    await doh?.close();
  });

  it('asks only the first-party subdomains and blocks the one that CNAMEs to Adobe: Firefox from the first request, Chrome from the second', async () => {
    const { browser, server } = ctx();
    const firefox = browser.name === 'firefox';
    const img = (host: string) => `<img alt="" src="${server.url(host, '/asset/x.png', 'https')}">`;
    server.page(
      `www.${SITE}`,
      '/',
      `<!doctype html><link rel="icon" href="data:,"><title>Shop</title>
       <img alt="" src="${server.url(`static.${SITE}`, '/asset/logo.png', 'https')}">
       <img alt="" src="${server.url(`metrics.${SITE}`, '/asset/b-ss.png', 'https')}">
       ${[THIRD_PARTY, ...PRIVATE_NAMES].map(img).join('')}`,
    );
    const tab = await browser.openTab(server.url(`www.${SITE}`, '/', 'https'));
    expect(server.requestsTo(`static.${SITE}`)).toHaveLength(1);
    expect(server.requestsTo(`metrics.${SITE}`)).toHaveLength(firefox ? 0 : 1);
    // The DoH server's log holds the page's own subdomains only: not the page's host, not the third party, and
    // none of the private names (RFC 6762 .local, .internal, RFC 8375 home.arpa, a single label).
    await expect.poll(() => new Set(looked()), { timeout: 10_000 }).toEqual(new Set([`metrics.${SITE}`, `static.${SITE}`]));

    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => popupText(popup, 'cloaks'), { timeout: 10_000 }).toContain(CLOAK_TEXT);
    // The learned cloak is a dynamic rule for that host on that site, in the cloak id range.
    await expect
      .poll(() => options.evaluate(dynamicRuleDomains), { timeout: 10_000 })
      .toContainEqual([expect.any(Number), `metrics.${SITE}`, SITE]);
    const rule = (await options.evaluate(dynamicRuleDomains)).find((r) => r[1] === `metrics.${SITE}`);
    expect(rule?.[0]).toBeGreaterThanOrEqual(50_000);
    expect(rule?.[0]).toBeLessThanOrEqual(59_999);
    await popup.close();

    await tab.reload();
    expect(server.requestsTo(`static.${SITE}`)).toHaveLength(2);
    expect(server.requestsTo(`metrics.${SITE}`)).toHaveLength(firefox ? 0 : 1);
    expect(new Set(looked())).toEqual(new Set([`metrics.${SITE}`, `static.${SITE}`]));
    const again = await browser.openPopup(tab.id);
    await expect.poll(() => popupText(again, 'cloaks'), { timeout: 10_000 }).toContain(CLOAK_TEXT);
    await again.close();
    await tab.close();
  });

  it('shows who serves the page’s hosts from what the browser reached and the names looked up anyway, and who learnt the site because of Diffuse', async () => {
    const { browser, server } = ctx();
    const tab = await browser.openTab(server.url(`www.${SITE}`, '/', 'https'));
    const popup = await browser.openPopup(tab.id);
    // The static host's CNAME names Fastly; every other host was reached at 127.0.0.1, which no operator runs.
    await expect.poll(() => popup.evaluate(operatorRows), { timeout: 10_000 }).toEqual([{ name: 'Fastly', requests: 1, hosts: `static.${SITE}` }]);
    expect(await popupText(popup, 'infrastructure')).toContain("Who serves the page's hosts");
    // The hosts at 127.0.0.1 are counted apart (the popup gets the count, not their names).
    expect(await popupText(popup, 'infrastructure')).toMatch(/[1-9]\d* hosts? (?:is|are) served by (?:an )?operators? not in the list\./);
    // Who learnt the site because of Diffuse: the only resolver, named by host and port, sent the two subdomains;
    // what was kept back is counted; the browser's own lookups are said not to be routed.
    const lookups = new Function(
      `return [...document.querySelectorAll('[data-testid="dns-lookups"] [data-resolver]')].map((li) => [li.dataset.resolver, Number(li.dataset.hosts), li.textContent]);`,
    ) as () => Promise<[string, number, string][]>;
    await expect.poll(() => popup.evaluate(lookups), { timeout: 10_000 }).toEqual([[doh.template, 2, expect.stringContaining(`127.0.0.1:${doh.port}`)]]);
    const kept = new Function(
      `return Object.fromEntries([...document.querySelectorAll('[data-testid="dns-lookups-kept"] [data-kept]')].map((el) => [el.dataset.kept, Number(el.dataset.count)]));`,
    ) as () => Promise<Record<string, number>>;
    expect(await popup.evaluate(kept)).toEqual({ 'third-party': 1, private: PRIVATE_NAMES.length, 'page-host': 1 });
    expect(await popupText(popup, 'dns-lookups')).toContain("The browser looked the page's names up itself");
    expect(await popup.evaluate(new Function(`return document.querySelector('footer.credits')?.textContent ?? '';`) as () => string)).toContain(
      'IP to ASN data: ip-location-db (RouteViews, DB-IP) CC BY 4.0',
    );
    await popup.close();
    await tab.close();

    // The dashboard ranks operators by reach over the sites browsed: Fastly served diffuse-shop.com.
    const dashboard = await browser.openExtensionPage('options.html');
    const operators = () =>
      dashboard.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-operator]')].map((li) => [li.dataset.operator ?? '', Number(li.dataset.reach)] as [string, number]),
      );
    await expect.poll(operators, { timeout: 10_000 }).toEqual(expect.arrayContaining([['Fastly', 1]]));

    // Host names say where the user went: forgetting the site takes its hosts out of the stored operator memory too.
    const storedHosts = () => evaluate<string[]>(dashboard, `(await api.storage.local.get('hostOperators')).hostOperators?.map((entry) => entry[0]) ?? []`);
    await expect.poll(storedHosts, { timeout: 10_000 }).toEqual(expect.arrayContaining([`static.${SITE}`]));
    await ask(dashboard, { type: 'history.forgetSite', site: SITE });
    expect((await storedHosts()).filter((host) => host.endsWith(SITE))).toEqual([]);
    // So do the cloak learned on it (and its blocking rule) and the answers kept for its names.
    expect(await learnedOn(dashboard)).toEqual({ cloaks: [], answers: [], rules: [] });
    await dashboard.close();
    // Nothing but the two subdomains ever reached the resolver.
    expect(new Set(looked())).toEqual(new Set([`metrics.${SITE}`, `static.${SITE}`]));
  });

  it('"Delete all data" lists what goes, then deletes the learned cloaks, their rules, the kept answers and the operators too', async () => {
    const { browser, server } = ctx();
    const tab = await browser.openTab(server.url(`www.${SITE}`, '/', 'https'));
    const dashboard = await browser.openExtensionPage('options.html');
    // Learned again after the site was forgotten above: the cloak, its rule, the kept answers.
    await expect.poll(() => learnedOn(dashboard), { timeout: 10_000 }).toEqual({
      cloaks: [`${SITE} metrics.${SITE}`],
      answers: expect.arrayContaining([`metrics.${SITE}`, `static.${SITE}`]),
      rules: [`metrics.${SITE}`],
    });
    await tab.close();
    await expect.poll(() => text(dashboard, '[data-testid="delete-all"]'), { timeout: 10_000 }).toContain('Delete all data');
    await click(dashboard, '[data-testid="delete-all"]');
    const goes = await text(dashboard, '[data-testid="what-goes"]');
    for (const item of ['page load', 'DNS resolver', 'infrastructure operators', 'CNAME-cloaked', 'DNS answers']) expect(goes).toContain(item);
    await click(dashboard, '[data-testid="delete-confirm"]');
    await expect.poll(() => text(dashboard, '[data-testid="data-status"]'), { timeout: 10_000 }).toBe('All recorded history was deleted.');
    expect(await learnedOn(dashboard)).toEqual({ cloaks: [], answers: [], rules: [] });
    expect(await evaluate<unknown[]>(dashboard, `(await api.storage.local.get('hostOperators')).hostOperators ?? []`)).toEqual([]);
    await dashboard.close();
  });
});
