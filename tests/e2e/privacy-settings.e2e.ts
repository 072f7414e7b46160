import { expect, it } from 'vitest';
import type { ExtensionPage } from './harness/extension-browser';
import { describeInBothBrowsers } from './harness/in-both-browsers';

/** Per browser: setting id → where it lives under `privacy.*` and the private value Diffuse holds after install. */
const EXPECTED = {
  chromium: {
    networkPrediction: ['network.networkPredictionEnabled', false],
    hyperlinkAuditing: ['websites.hyperlinkAuditingEnabled', false],
    webRtcIpHandling: ['network.webRTCIPHandlingPolicy', 'default_public_interface_only'],
    thirdPartyCookies: ['websites.thirdPartyCookiesAllowed', false],
    topics: ['websites.topicsEnabled', false],
    protectedAudience: ['websites.fledgeEnabled', false],
    adMeasurement: ['websites.adMeasurementEnabled', false],
  },
  firefox: {
    networkPrediction: ['network.networkPredictionEnabled', false],
    hyperlinkAuditing: ['websites.hyperlinkAuditingEnabled', false],
    webRtcIpHandling: ['network.webRTCIPHandlingPolicy', 'default_public_interface_only'],
    trackingProtection: ['websites.trackingProtectionMode', 'always'],
  },
} as const;
/**
 * Firefox's cookie switch is opt-in (utils/privacy/settings.ts): at install Firefox keeps its own Total Cookie
 * Protection, which the page says; the switch blocks third-party cookies altogether.
 */
const FIREFOX_COOKIES = 'websites.cookieConfig';
const UNAVAILABLE = { chromium: ['trackingProtection'], firefox: ['topics', 'protectedAudience', 'adMeasurement'] };

interface Setting {
  value: unknown;
  levelOfControl: string;
}
interface Row {
  id: string;
  available: boolean;
  enabled: boolean;
  protective: boolean;
  control: string;
  checked: boolean;
  label: string;
}

/**
 * Runs `body` as an async function in the extension page. Built from a string: tsx/vitest would add `__name`
 * helpers to functions written here, and the page has no such helper.
 */
function inPage<T>(page: ExtensionPage, body: string): Promise<T> {
  return page.evaluate(new Function(`return (async () => { const api = globalThis.browser ?? globalThis.chrome; ${body} })();`) as () => Promise<T>);
}

/** What the browser's own privacy API reports, read in an extension page (not through Diffuse). */
function readSettings(page: ExtensionPage, paths: string[]): Promise<Record<string, Setting | null>> {
  return inPage(
    page,
    `const out = {};
     for (const path of ${JSON.stringify(paths)}) {
       const [area, name] = path.split('.');
       const setting = api.privacy[area] && api.privacy[area][name];
       const got = setting ? await setting.get({}) : null;
       out[path] = got && { value: got.value, levelOfControl: got.levelOfControl };
     }
     return out;`,
  );
}

/** The rows of the options page's privacy section as rendered. */
function readRows(page: ExtensionPage): Promise<Row[]> {
  return inPage(
    page,
    `return [...document.querySelectorAll('.privacy [data-setting]')].map((li) => {
       const input = li.querySelector('input[type="checkbox"][role="switch"]');
       return {
         id: li.dataset.setting,
         available: li.dataset.available === 'true',
         enabled: li.dataset.enabled === 'true',
         protective: li.dataset.protective === 'true',
         control: li.dataset.control ?? '',
         checked: Boolean(input && input.checked),
         label: (input && input.labels && input.labels[0] ? input.labels[0].textContent : '') ?? '',
       };
     });`,
  );
}

/** Flips a setting's switch as a user would: a click on the input. */
function clickSwitch(page: ExtensionPage, id: string): Promise<void> {
  return inPage(page, `document.getElementById(${JSON.stringify(`privacy-${id}-switch`)}).click();`);
}

describeInBothBrowsers('browser privacy settings', (ctx) => {
  it('holds the private value of every setting the browser has, from install on', async () => {
    const { browser } = ctx();
    const expected = Object.values(EXPECTED[browser.name]);
    const page = await browser.openExtensionPage('options.html');
    const want = Object.fromEntries(expected.map(([path, value]) => [path, { value, levelOfControl: 'controlled_by_this_extension' }]));
    // toMatchObject: Firefox's cookieConfig also carries the deprecated nonPersistentCookies flag.
    await expect.poll(() => readSettings(page, expected.map(([path]) => path)), { timeout: 10_000 }).toMatchObject(want);
    await page.close();
  });

  it('lists each setting on the options page with its state and a labelled switch', async () => {
    const { browser } = ctx();
    const page = await browser.openExtensionPage('options.html');
    await expect.poll(() => readRows(page).then((rows) => rows.length), { timeout: 10_000 }).toBe(8);
    const rows = await readRows(page);
    const available = rows.filter((r) => r.available);
    const optIn = browser.name === 'firefox' ? ['thirdPartyCookies'] : [];
    expect(available.map((r) => r.id).sort()).toEqual([...Object.keys(EXPECTED[browser.name]), ...optIn].sort());
    for (const row of available.filter((r) => !optIn.includes(r.id))) {
      expect(row).toMatchObject({ enabled: true, protective: true, checked: true, control: 'controlled_by_this_extension' });
      expect(row.label.length).toBeGreaterThan(0);
    }
    expect(rows.filter((r) => !r.available).map((r) => r.id).sort()).toEqual([...UNAVAILABLE[browser.name]].sort());
    await page.close();
  });

  it('switching off through the page puts back the value from before; switching on sets it again', async () => {
    const { browser } = ctx();
    const page = await browser.openExtensionPage('options.html');
    const path = 'network.webRTCIPHandlingPolicy';
    await expect.poll(() => readRows(page).then((rows) => rows.find((r) => r.id === 'webRtcIpHandling')?.checked), { timeout: 10_000 }).toBe(true);
    const stored = await inPage<{ enabled: boolean; previous: unknown }>(page, `return (await api.storage.local.get('privacySettings')).privacySettings.webRtcIpHandling;`);
    // A fresh profile: what the user had before is the browser's default.
    expect(stored).toEqual({ enabled: true, previous: 'default' });

    await clickSwitch(page, 'webRtcIpHandling');
    await expect.poll(() => readSettings(page, [path]), { timeout: 10_000 }).toEqual({ [path]: { value: 'default', levelOfControl: 'controllable_by_this_extension' } });
    await expect
      .poll(() => readRows(page).then((rows) => rows.find((r) => r.id === 'webRtcIpHandling')), { timeout: 10_000 })
      .toMatchObject({ enabled: false, checked: false, protective: false, control: 'controllable_by_this_extension' });

    // The choice is the background's, not the page's: a newly opened page shows it too.
    const again = await browser.openExtensionPage('options.html');
    await expect.poll(() => readRows(again).then((rows) => rows.find((r) => r.id === 'webRtcIpHandling')?.checked), { timeout: 10_000 }).toBe(false);

    await clickSwitch(again, 'webRtcIpHandling');
    await expect
      .poll(() => readSettings(again, [path]), { timeout: 10_000 })
      .toEqual({ [path]: { value: 'default_public_interface_only', levelOfControl: 'controlled_by_this_extension' } });
    await expect.poll(() => readRows(again).then((rows) => rows.find((r) => r.id === 'webRtcIpHandling')?.enabled), { timeout: 10_000 }).toBe(true);
    await Promise.all([page.close(), again.close()]);
  });

  it('says how third-party cookies are handled in this browser, and in Firefox offers blocking them as a switch', async () => {
    const { browser } = ctx();
    const page = await browser.openExtensionPage('options.html');
    await expect.poll(() => readRows(page).then((rows) => rows.length), { timeout: 10_000 }).toBe(8);
    const help = () => inPage<string>(page, `return document.getElementById('privacy-thirdPartyCookies-help').textContent;`);
    if (browser.name === 'chromium') {
      // Chrome: third-party cookies off from install, as the page says.
      expect(await readSettings(page, ['websites.thirdPartyCookiesAllowed'])).toEqual({
        'websites.thirdPartyCookiesAllowed': { value: false, levelOfControl: 'controlled_by_this_extension' },
      });
      expect(await help()).toContain("Chrome's third-party cookies off");
      await page.close();
      return;
    }
    // Firefox: its own partitioning (Total Cookie Protection) stays; Diffuse holds nothing and says so.
    expect(await readSettings(page, [FIREFOX_COOKIES])).toMatchObject({
      [FIREFOX_COOKIES]: { value: { behavior: 'reject_trackers_and_partition_foreign' }, levelOfControl: 'controllable_by_this_extension' },
    });
    expect(await help()).toMatch(/Total Cookie Protection.*can break some sign-ins/);
    expect((await readRows(page)).find((r) => r.id === 'thirdPartyCookies')).toMatchObject({
      enabled: false, checked: false, protective: true, label: 'Block third-party cookies',
    });
    await clickSwitch(page, 'thirdPartyCookies');
    await expect.poll(() => readSettings(page, [FIREFOX_COOKIES]), { timeout: 10_000 }).toMatchObject({
      [FIREFOX_COOKIES]: { value: { behavior: 'reject_third_party' }, levelOfControl: 'controlled_by_this_extension' },
    });
    await expect.poll(() => readRows(page).then((rows) => rows.find((r) => r.id === 'thirdPartyCookies')), { timeout: 10_000 })
      .toMatchObject({ enabled: true, checked: true, protective: true });
    await clickSwitch(page, 'thirdPartyCookies');
    await expect.poll(() => readSettings(page, [FIREFOX_COOKIES]), { timeout: 10_000 }).toMatchObject({
      [FIREFOX_COOKIES]: { value: { behavior: 'reject_trackers_and_partition_foreign' }, levelOfControl: 'controllable_by_this_extension' },
    });
    await page.close();
  });
});
