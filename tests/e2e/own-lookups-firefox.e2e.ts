import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DohServer, type ZoneRecord } from '../support/doh-server';
import type { DnsConfigureResult, DnsStatus } from '../../utils/messages/dns-messages';
import type { ExtensionBrowser } from './harness/extension-browser';
import { ask } from './harness/dns-actions';
import { launchFirefox, trrOnlyPrefs } from './harness/firefox';
import { popupText } from './harness/popup-reader';
import { TestServer } from './harness/test-server';

/**
 * Firefox by default asks its own resolver for uncloaking (dns.resolve): no one new learns the visit. The profile's
 * TRR (Firefox's DNS over HTTPS, mode 3) is one local DoH server, the extension's pool another: the page's names
 * reach only the first, the pool's server receives nothing, and the cloaked subdomain is still blocked from its
 * first request. Names are under a real public suffix (`.test` is what Diffuse never sends).
 */
const SITE = 'diffuse-shop.com';
const ZONE: ZoneRecord[] = [
  { name: `metrics.${SITE}`, type: 'CNAME', data: `${SITE}.sc.omtrdc.net` },
  { name: `${SITE}.sc.omtrdc.net`, type: 'A', data: '127.0.0.1' },
  { name: `*.${SITE}`, type: 'A', data: '127.0.0.1' },
  { name: '*.widgets-fixture.net', type: 'A', data: '127.0.0.1' },
];
const CLOAK_TEXT = `cloaked tracker: metrics.${SITE} → Adobe (via CNAME)`;

describe.skipIf(!(process.env.DIFFUSE_BROWSERS ?? 'firefox').includes('firefox'))('Diffuse’s own lookups through Firefox’s resolver [firefox]', () => {
  let server: TestServer;
  let trr: DohServer;
  let pool: DohServer;
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    server = await TestServer.start();
    trr = await DohServer.start({ zone: ZONE });
    pool = await DohServer.start({ zone: ZONE, plain: true });
    browser = await launchFirefox(trrOnlyPrefs(trr.url));
  });
  afterAll(async () => {
    await browser?.close();
    await trr?.close();
    await pool?.close();
    await server?.close();
  });

  it('sends the pool nothing, asks only Firefox’s resolver, blocks the cloak from the first request and says no one new learnt the site', async () => {
    const b = browser!;
    const options = await b.openExtensionPage('options.html');
    const configured = await ask<DnsConfigureResult>(options, { type: 'dns.configure', resolvers: [pool.template] });
    expect(configured.ok).toBe(true);
    expect((await ask<DnsStatus>(options, { type: 'dns.status' })).lookupsVia).toBe('browser');
    const probes = pool.log.length; // the probe a new resolver must answer before it is saved

    const img = (host: string) => `<img alt="" src="${server.url(host, '/asset/x.png', 'https')}">`;
    server.page(`www.${SITE}`, '/', `<!doctype html><link rel="icon" href="data:,"><title>Shop</title>${[`static.${SITE}`, `metrics.${SITE}`, 'cdn.widgets-fixture.net', 'printer.local'].map(img).join('')}`);
    const tab = await b.openTab(server.url(`www.${SITE}`, '/', 'https'));
    expect(server.requestsTo(`static.${SITE}`)).toHaveLength(1);
    expect(server.requestsTo(`metrics.${SITE}`)).toHaveLength(0);

    const popup = await b.openPopup(tab.id);
    await expect.poll(() => popupText(popup, 'cloaks'), { timeout: 10_000 }).toContain(CLOAK_TEXT);
    await expect.poll(() => popupText(popup, 'dns-lookups-no-one-new'), { timeout: 10_000 }).toContain('No one new');
    expect(await popup.evaluate(new Function(`return document.querySelectorAll('[data-testid="dns-lookups"] [data-resolver]').length;`) as () => number)).toBe(0);
    // The pool's server: nothing since its probe. Firefox's own: the page's names, asked by the page and Diffuse.
    expect(pool.log.slice(probes)).toEqual([]);
    expect(trr.log.map((q) => q.name)).toEqual(expect.arrayContaining([`www.${SITE}`, `static.${SITE}`, `metrics.${SITE}`]));
    await popup.close();
    await tab.close();
    await options.close();
  });
});
