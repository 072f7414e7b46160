import { execFileSync, execSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DohServer, type ZoneRecord } from '../support/doh-server';
import type { DnsConfigureResult } from '../../utils/messages/dns-messages';
import { launchChromium } from './harness/chromium';
import type { ExtensionBrowser, ExtensionPage } from './harness/extension-browser';
import { ask } from './harness/dns-actions';
import { launchFirefox } from './harness/firefox';
import { popupText } from './harness/popup-reader';
import { TestServer } from './harness/test-server';

/**
 * The browser's own lookups through the companion, in each browser: the host is installed into a home of the
 * test's own, the browser's own resolution points at 192.0.2.1 (nothing answers there: a lookup the browser made
 * itself would fail the page), two local DoH servers are the resolvers. Sixteen sites load; each site's names
 * reach exactly one server and both are used (Firefox spreads by the top-level site in the SOCKS username, Chrome
 * by each name's registrable domain: here the same). The companion killed with "block instead" on: the next page
 * is blocked and the UI says so. Names under a real public suffix; the companion may reach the test server on
 * loopback only because the test sets DIFFUSE_COMPANION_ALLOW_LOOPBACK=1 in the browser's environment, which
 * passes it on to the programs it starts.
 */
const SITES = Array.from({ length: 16 }, (_, i) => `site${String(i + 1).padStart(2, '0')}-fixture.com`);
const ZONE: ZoneRecord[] = SITES.flatMap((site): ZoneRecord[] => [
  { name: site, type: 'A', data: '127.0.0.1' },
  { name: `*.${site}`, type: 'A', data: '127.0.0.1' },
]);

type Launch = (home: string) => Promise<ExtensionBrowser>;

const BROWSERS: [name: 'firefox' | 'chromium', launch: Launch][] = [
  [
    'firefox',
    (home) =>
      launchFirefox(
        { 'network.dns.forceResolve': '192.0.2.1', 'extensions.webextOptionalPermissionPrompts': false },
        { env: { HOME: home, DIFFUSE_COMPANION_ALLOW_LOOPBACK: '1' } },
      ),
  ],
  [
    'chromium',
    // Headless Chromium cannot answer the permission prompt the switch raises for a user: the optional
    // nativeMessaging permission is held as granted in the profile, and the host manifest copied where a
    // --user-data-dir Chromium looks.
    (home) =>
      launchChromium({
        env: { HOME: home, DIFFUSE_COMPANION_ALLOW_LOOPBACK: '1' },
        hostResolverRules: 'MAP * 192.0.2.1, EXCLUDE 127.0.0.1',
        grant: ['nativeMessaging'],
        nativeMessagingHosts: join(home, '.config', 'chromium', 'NativeMessagingHosts'),
      }),
  ],
];

for (const [name, launch] of BROWSERS) {
  describe.skipIf(!(process.env.DIFFUSE_BROWSERS ?? name).includes(name))(`the browser’s own lookups through the companion [${name}]`, () => {
    let server: TestServer;
    let doh: DohServer[];
    let home: string;
    let browser: ExtensionBrowser | undefined;
    let options: ExtensionPage;
    let probes: number[];

    beforeAll(async () => {
      server = await TestServer.start();
      doh = await Promise.all([DohServer.start({ zone: ZONE, plain: true }), DohServer.start({ zone: ZONE, plain: true })]);
      home = await mkdtemp(join(tmpdir(), 'diffuse-companion-home-'));
      // The README's command, into the test's home: the host manifest and a launcher running the built companion.
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/companion-install.ts', '--browser', name, '--home', home], { stdio: 'pipe' });
      browser = await launch(home);
      options = await browser.openExtensionPage('options.html');
      const configured = await ask<DnsConfigureResult>(options, { type: 'dns.configure', resolvers: doh.map((d) => d.template), strategy: 'site' });
      expect(configured.ok).toBe(true);
      probes = doh.map((d) => d.log.length);
    });
    afterAll(async () => {
      await browser?.close();
      await Promise.all(doh?.map((d) => d.close()) ?? []);
      await server?.close();
      await rm(home, { recursive: true, force: true });
    });

    const state = () => options.evaluate(() => document.querySelector<HTMLElement>('[data-setting="companion"]')?.dataset.state ?? '');

    it('spreads each site’s names to one resolver, both used, nothing resolved by the browser itself; the popup names the resolver', async () => {
      const b = browser!;
      await options.click('#companion-switch');
      await expect.poll(state, { timeout: 15_000 }).toBe('connected');
      let last = -1;
      for (const site of SITES) {
        server.page(`www.${site}`, '/', `<!doctype html><link rel="icon" href="data:,"><title>${site}</title><img alt="" src="${server.url(`img.${site}`, '/asset/x.png')}">`);
        const tab = await b.openTab(server.url(`www.${site}`, '/'));
        expect(server.requestsTo(`www.${site}`)).toHaveLength(1);
        await expect.poll(() => server.requestsTo(`img.${site}`).length, { timeout: 5_000 }).toBe(1);
        if (site === SITES.at(-1)) last = tab.id;
        else await tab.close();
      }
      const asked = doh.map((d, i) => d.log.slice(probes[i]).map((q) => q.name));
      for (const site of SITES) {
        const servers = asked.filter((names) => names.some((name) => name === site || name.endsWith(`.${site}`)));
        expect(servers, site).toHaveLength(1);
      }
      for (const names of asked) expect(names.length).toBeGreaterThan(0);
      const popup = await b.openPopup(last);
      await expect.poll(() => popupText(popup, 'companion-lookups'), { timeout: 10_000 }).toMatch(/127\.0\.0\.1:\d+/);
      const line = (await popupText(popup, 'companion-lookups')) ?? '';
      expect(doh.some((d) => line.includes(`127.0.0.1:${d.port}`))).toBe(true);
      await popup.close();
    });

    it('with "block instead", a lost companion blocks the next page instead of letting the browser look it up, and says so', async () => {
      const b = browser!;
      await options.click('#companion-block');
      await expect.poll(() => options.evaluate(() => document.querySelector<HTMLElement>('[data-setting="companion-on-loss"]')?.dataset.onLoss ?? '')).toBe('block');
      // The companion the browser started (the launcher exec'd node on the built file): killed as a crash would end it.
      const companions = execSync('ps -eo pid=,args=').toString().split('\n').filter((line) => line.includes('companion/dist/diffuse-companion.mjs'));
      expect(companions).toHaveLength(1);
      process.kill(Number.parseInt(companions[0]!.trim(), 10), 'SIGKILL');
      // The background learns it from the closed port at once.
      await expect.poll(() => ask<{ state: string }>(options, { type: 'companion.status' }).then((s) => s.state), { timeout: 10_000 }).toBe('lost');
      const site = 'lost-fixture.com';
      server.page(`www.${site}`, '/', '<!doctype html><title>lost</title>');
      const before = doh.map((d) => d.log.length);
      await b.openTab(server.url(`www.${site}`, '/')).catch(() => undefined);
      expect(server.requestsTo(`www.${site}`)).toHaveLength(0);
      expect(doh.map((d) => d.log.length)).toEqual(before);
      // What the user sees: the options page, opened now, says the companion is lost and requests are blocked.
      const again = await b.openExtensionPage('options.html');
      await expect.poll(() => again.evaluate(() => document.querySelector<HTMLElement>('[data-setting="companion"]')?.dataset.state ?? ''), { timeout: 10_000 }).toBe('lost');
      expect(await popupText(again, 'companion-state')).toMatch(/lost/i);
      await again.close();
    });
  });
}
