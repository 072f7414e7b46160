import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DohServer } from '../support/doh-server';
import type { ExtensionBrowser } from './harness/extension-browser';
import { launchFirefox, trrOnlyPrefs } from './harness/firefox';
import { popupText } from './harness/popup-reader';
import { TestServer } from './harness/test-server';

/**
 * Firefox's own DNS: with the profile's TRR (Firefox's DNS over HTTPS) pointed at a local DoH server, each
 * connection's lookup was private and the popup says so; with TRR off it does not. Chrome has no such API.
 */
describe.skipIf(!(process.env.DIFFUSE_BROWSERS ?? 'firefox').includes('firefox'))('encryption: the browser’s own DNS privacy [firefox]', () => {
  let server: TestServer;
  let doh: DohServer;
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    server = await TestServer.start();
    // Every .test name resolves to the local test server; the DoH server's certificate is made by the test.
    doh = await DohServer.start({ zone: [{ name: '*.test', type: 'A', data: '127.0.0.1' }] });
  });
  afterAll(async () => {
    await browser?.close();
    await doh.close();
    await server.close();
  });

  async function popupLine(b: ExtensionBrowser, host: string): Promise<() => Promise<string | null>> {
    server.page(host, '/', `<!doctype html><link rel="icon" href="data:,"><img src="${server.url(`img.${host}`, '/asset/x.png', 'https')}">`);
    const tab = await b.openTab(server.url(host, '/', 'https'));
    const popup = await b.openPopup(tab.id);
    return () => popupText(popup, 'encryption');
  }

  it('TRR on (mode 3, a local DoH server): DNS for every connection was private', async () => {
    browser = await launchFirefox(trrOnlyPrefs(doh.url));
    const line = await popupLine(browser, 'www.trr-on.test');
    await expect.poll(line, { timeout: 10_000 }).toBe('All 2 requests encrypted; 2 over TLS 1.3; 0 hid the site name with ECH; DNS for 2 of 2 connections was private.');
    expect(doh.log.map((q) => q.name)).toEqual(expect.arrayContaining(['www.trr-on.test', 'img.www.trr-on.test']));
    await browser.close();
    browser = undefined;
  });

  it('TRR off: the same page, DNS for none of its connections was private', async () => {
    browser = await launchFirefox({ 'network.trr.mode': 5 });
    const line = await popupLine(browser, 'www.trr-off.test');
    await expect.poll(line, { timeout: 10_000 }).toBe('All 2 requests encrypted; 2 over TLS 1.3; 0 hid the site name with ECH; DNS for 0 of 2 connections was private.');
  });
});
