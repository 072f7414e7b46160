import { mkdir, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIFFUSE_CHROME_EXTENSION_ID } from '../../utils/companion/extension-id';
import type { DnsConfigureResult, DnsStatus } from '../../utils/messages/dns-messages';
import { DohServer } from '../support/doh-server';
import { launchChromium } from './harness/chromium';
import { evaluate } from './harness/dashboard-actions';
import { ask } from './harness/dns-actions';
import type { ExtensionBrowser } from './harness/extension-browser';

/**
 * Managed configuration in real Chromium (docs/managed.md): a policy file in the folder Chromium reads for every
 * profile gives the unpacked build (its id fixed by the manifest key) a resolver list and a strategy. Needs root
 * to write /etc/chromium/policies/managed; the file is removed afterwards (every Chromium on the machine reads it,
 * which is why e2e runs hold the shared lock).
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/diffuse-e2e-managed.json`;

describe('managed configuration [chromium]', () => {
  let doh: DohServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    doh = await DohServer.start({ zone: [{ name: '*.diffuse-shop.com', type: 'A', data: '127.0.0.1' }], plain: true });
    await mkdir(POLICY_DIR, { recursive: true });
    const policy = { resolvers: [doh.template], strategy: 'single', companion: false };
    await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [DIFFUSE_CHROME_EXTENSION_ID]: policy } } }));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await rm(POLICY_FILE, { force: true });
    await browser?.close();
    await doh?.close();
  });

  it('applies the managed resolver list and strategy at start, uses them, and shows them locked', async () => {
    const options = await browser.openExtensionPage('options.html');
    // Applied without the probe a hand-added resolver must pass, and without anyone opening the options page first.
    await expect.poll(() => ask<DnsStatus>(options, { type: 'dns.status' }).then((s) => [s.resolvers.map((r) => r.url), s.strategy, s.managed]), { timeout: 15_000 })
      .toEqual([[doh.template], 'single', ['resolvers', 'strategy']]);
    const answer = await ask<{ resolver: string }>(options, { type: 'dns.resolve', name: 'www.diffuse-shop.com' });
    expect(answer.resolver).toBe(doh.template);
    expect(doh.log.map((q) => q.name)).toContain('www.diffuse-shop.com');

    // The options page: a note, and every control that would change them disabled.
    await expect.poll(() => evaluate<string>(options, `document.querySelector('[data-testid="dns-managed"]')?.textContent ?? ''`), { timeout: 10_000 })
      .toMatch(/^Set by your organization/);
    const enabled = await evaluate<number>(options, `[...document.querySelectorAll('.dns-remove, [data-testid="dns-add-url"], [data-testid="dns-add-preset"], section.dns select')].filter((e) => !e.disabled).length`);
    expect(enabled).toBe(0);

    // A message that tries anyway is refused, field by field, and changes nothing.
    const refused = await ask<DnsConfigureResult>(options, { type: 'dns.configure', resolvers: ['https://dns.quad9.net/dns-query'], strategy: 'site' });
    expect(refused).toEqual({ ok: false, errors: { resolvers: 'Set by your organization: this cannot be changed here.', strategy: 'Set by your organization: this cannot be changed here.' } });
    // A field the policy leaves alone stays the user's.
    expect((await ask<DnsConfigureResult>(options, { type: 'dns.configure', rekeyDays: 7 })).ok).toBe(true);
    expect((await ask<DnsStatus>(options, { type: 'dns.status' })).resolvers.map((r) => r.url)).toEqual([doh.template]);
    await options.close();
  });
});
