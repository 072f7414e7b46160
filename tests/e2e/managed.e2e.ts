import { mkdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIFFUSE_CHROME_EXTENSION_ID, DIFFUSE_GECKO_ID } from '../../utils/companion/extension-id';
import type { DnsConfigureResult, DnsStatus } from '../../utils/messages/dns-messages';
import { DohServer } from '../support/doh-server';
import { launchChromium } from './harness/chromium';
import { launchFirefox } from './harness/firefox';
import { evaluate, readDashboard, text } from './harness/dashboard-actions';
import { ask, send } from './harness/dns-actions';
import type { HistoryDataView } from '../../utils/messages/history-messages';
import type { CompanionStatus } from '../../utils/companion/companion-settings';
import type { ExtensionBrowser } from './harness/extension-browser';
import { TestServer } from './harness/test-server';
import type { PolicyView } from '../../utils/rules/policy-edits';
import type { ManagedCategoriesView } from '../../utils/messages/policy-messages';

/**
 * Managed configuration in real Chromium (docs/managed.md): a policy file in the folder Chromium reads for every
 * profile gives the unpacked build (its id fixed by the manifest key) a resolver list and a strategy, the companion
 * off, a history retention and "keep no history", a per-site policy and the tracker categories (shown in the options
 * page's privacy section, locked). Needs root to write /etc/chromium/policies/managed; the file is removed afterwards (every Chromium on the machine reads it,
 * which is why e2e runs hold the shared lock).
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
/** The privacy section's locked line: its words, whether it is a note in that section, and the locked look (options.css .managed-note). */
const CATEGORIES_NOTE = `(() => { const note = document.querySelector('[data-testid="categories-managed"]');
  return note && [note.textContent, note.getAttribute('role'), note.closest('section')?.className, getComputedStyle(note).borderLeftWidth]; })()`;
const lockedNote = (categories: string) =>
  [`Set by your organization: the tracker categories Diffuse blocks on every site are ${categories}. This cannot be changed here.`, 'note', 'privacy', '4px'];
const POLICY_FILE = `${POLICY_DIR}/diffuse-e2e-managed.json`;

describe('managed configuration [chromium]', () => {
  let doh: DohServer;
  let browser: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    doh = await DohServer.start({ zone: [{ name: '*.diffuse-shop.com', type: 'A', data: '127.0.0.1' }], plain: true });
    await mkdir(POLICY_DIR, { recursive: true });
    const policy = {
      resolvers: [doh.template], strategy: 'single', companion: false, historyRetentionDays: 90, historyOff: true,
      policies: [{ site: 'diffuse-shop.com', mode: 'off' }], protectionCategories: ['advertising', 'social_media'],
    };
    await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [DIFFUSE_CHROME_EXTENSION_ID]: policy } } }));
    server = await TestServer.start();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await rm(POLICY_FILE, { force: true });
    await browser?.close();
    await server?.close();
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

  it('applies the managed history settings and companion switch, and shows them locked', async () => {
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => ask<HistoryDataView>(options, { type: 'history.data' }), { timeout: 15_000 })
      .toMatchObject({ retentionDays: 90, off: true, managed: ['retentionDays', 'off'], pageLoads: 0 });
    await expect.poll(() => readDashboard(options).then((d) => !d.loading), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => text(options, '[data-testid="history-managed"]'), { timeout: 10_000 }).toMatch(/^Set by your organization/);
    expect(await text(options, '[data-testid="history-off"]')).toBe('History is off: nothing about the pages you visit is being stored.');
    expect(await evaluate<[boolean, boolean, string]>(options, `(() => { const sw = document.querySelector('[data-testid="history-off-switch"]');
      const sel = document.querySelector('[data-testid="retention"]'); return [sw.checked && sw.disabled, sel.disabled, sel.value]; })()`)).toEqual([true, true, '90']);
    // Messages that try anyway are refused, and change nothing.
    expect(await send(options, { type: 'history.setOff', off: false })).toEqual({ ok: false, error: 'Set by your organization: this cannot be changed here.' });
    expect(await send(options, { type: 'history.setRetention', retentionDays: 7 })).toEqual({ ok: false, error: 'Set by your organization: this cannot be changed here.' });
    expect(await ask<HistoryDataView>(options, { type: 'history.data' })).toMatchObject({ retentionDays: 90, off: true });

    // The companion's switch: off as the policy says, locked, and a change refused.
    expect(await ask<CompanionStatus>(options, { type: 'companion.status' })).toMatchObject({ enabled: false, managed: true });
    await expect.poll(() => text(options, '[data-testid="companion-managed"]'), { timeout: 10_000 }).toMatch(/^Set by your organization/);
    expect(await evaluate<boolean>(options, `document.getElementById('companion-switch').disabled`)).toBe(true);
    expect(await send(options, { type: 'companion.set', enabled: true })).toEqual({ ok: false, error: 'Set by your organization: this cannot be changed here.' });
    await options.close();
  });

  it('applies the managed per-site policies, shows them locked in the popup, and refuses edits and imports', async () => {
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => ask<PolicyView>(options, { type: 'policy.get', site: 'diffuse-shop.com' }), { timeout: 15_000 }).toMatchObject({ mode: 'off', managed: true });
    expect(await send(options, { type: 'policy.edit', site: 'diffuse-shop.com', edit: { mode: 'strict' } })).toEqual({ ok: false, error: 'Set by your organization: per-site policies cannot be changed here.' });
    expect(await send(options, { type: 'policy.edit', site: 'diffuse-news.com', edit: { mode: 'strict' } })).toMatchObject({ ok: false });
    const file = JSON.stringify({ schema: 'diffuse-settings/3', policies: [] });
    expect(await send(options, { type: 'settings.import', text: file })).toMatchObject({ ok: false, error: expect.stringContaining('Set by your organization') });
    expect(await ask<PolicyView>(options, { type: 'policy.get', site: 'diffuse-shop.com' })).toMatchObject({ mode: 'off' });
    await options.close();

    server.page('www.diffuse-shop.com', '/', '<!doctype html><link rel="icon" href="data:,"><title>shop</title>');
    const tab = await browser.openTab(server.url('www.diffuse-shop.com', '/'));
    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => evaluate<string>(popup, `document.querySelector('[data-testid="policy-managed"]')?.textContent ?? ''`), { timeout: 10_000 }).toMatch(/^Set by your organization/);
    expect(await evaluate<[boolean, string]>(popup, `[document.querySelector('[data-testid="policy"]').disabled, document.querySelector('[data-testid="policy"] input:checked').value]`)).toEqual([true, 'off']);
    await popup.close();
    await tab.close();
  });

  it('switches on exactly the managed tracker categories\' rulesets (site analytics off, social media on), and the options page shows them locked', async () => {
    const options = await browser.openExtensionPage('options.html');
    const trackers = `api.declarativeNetRequest.getEnabledRulesets().then((ids) => ids.filter((id) => id.startsWith('trackers_')).sort())`;
    await expect.poll(() => evaluate<string[]>(options, trackers), { timeout: 15_000 }).toEqual(['trackers_advertising', 'trackers_social_media']);
    // The other rulesets stay as the manifest has them.
    expect(await evaluate<string[]>(options, `api.declarativeNetRequest.getEnabledRulesets()`)).toEqual(expect.arrayContaining(['tracking_params', 'gpc']));
    // The privacy section names them, in the policy's order, as a locked note; Diffuse's pages have no switch for them.
    expect(await ask<ManagedCategoriesView>(options, { type: 'policy.categories' })).toEqual({ managed: ['advertising', 'social_media'] });
    await expect.poll(() => evaluate(options, CATEGORIES_NOTE), { timeout: 10_000 }).toEqual(lockedNote('Advertising and Social media'));
    await options.close();
  });
});

/**
 * Firefox reads enterprise policies from /etc/firefox/policies/policies.json on Linux (and from the installation's
 * distribution/ folder); "3rdparty" → "Extensions" → the add-on id reaches storage.managed. Needs root; the file is
 * written only if none is there, and removed afterwards with the folders it made (under the e2e lock, as above).
 */
const FIREFOX_POLICY_DIR = '/etc/firefox/policies';
const FIREFOX_POLICY_FILE = `${FIREFOX_POLICY_DIR}/policies.json`;

describe.skipIf(existsSync(FIREFOX_POLICY_FILE))('managed configuration [firefox]', () => {
  let browser: ExtensionBrowser;
  /** The first folder this test made (mkdir's answer), removed afterwards; undefined when they all were there. */
  let made: string | undefined;

  beforeAll(async () => {
    made = await mkdir(FIREFOX_POLICY_DIR, { recursive: true });
    const policy = { strategy: 'single', companion: false, historyRetentionDays: 90, historyOff: true, protectionCategories: ['advertising'] };
    await writeFile(FIREFOX_POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [DIFFUSE_GECKO_ID]: policy } } } }));
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await rm(FIREFOX_POLICY_FILE, { force: true });
    if (made) await rm(made, { recursive: true, force: true });
    await browser?.close();
  });

  it('applies the policy at start and shows it locked: strategy, history off and its retention, the companion, the tracker categories switched', async () => {
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => ask<DnsStatus>(options, { type: 'dns.status' }).then((s) => [s.strategy, s.managed]), { timeout: 15_000 }).toEqual(['single', ['strategy']]);
    expect(await ask<HistoryDataView>(options, { type: 'history.data' })).toMatchObject({ retentionDays: 90, off: true, managed: ['retentionDays', 'off'] });
    expect(await ask<CompanionStatus>(options, { type: 'companion.status' })).toMatchObject({ enabled: false, managed: true });
    await expect.poll(() => text(options, '[data-testid="history-managed"]'), { timeout: 10_000 }).toMatch(/^Set by your organization/);
    expect(await evaluate<boolean>(options, `document.querySelector('[data-testid="history-off-switch"]').disabled`)).toBe(true);
    expect(await send(options, { type: 'history.setOff', off: false })).toEqual({ ok: false, error: 'Set by your organization: this cannot be changed here.' });
    const trackers = `api.declarativeNetRequest.getEnabledRulesets().then((ids) => ids.filter((id) => id.startsWith('trackers_')).sort())`;
    await expect.poll(() => evaluate<string[]>(options, trackers), { timeout: 10_000 }).toEqual(['trackers_advertising']);
    await expect.poll(() => evaluate(options, CATEGORIES_NOTE), { timeout: 10_000 }).toEqual(lockedNote('Advertising'));
    await options.close();
  });
});
