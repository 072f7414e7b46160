import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../wxt.config';
import { BUILD_DIRS, listTabsInExtensionPage, OpenTabs, pickTab, waitForBackground, type BrowserTab, type ExtensionBrowser, type ExtensionPage } from './extension-browser';

/** Debian's Firefox ESR unless DIFFUSE_FIREFOX names another binary. */
export const FIREFOX_PATH = process.env.DIFFUSE_FIREFOX ?? '/usr/bin/firefox-esr';
/** Pinned through extensions.webextensions.uuids so extension pages have a known address. */
const EXTENSION_UUID = 'd1ff05e0-0000-4000-8000-000000000001';

/**
 * Prefs that make Firefox resolve every name itself over its own DNS over HTTPS (TRR mode 3: no fallback) at
 * `url`, a local DoH server: forceResolve cleared (it would bypass TRR), the connectivity check and the built-in
 * exclusions off, private answers (127.0.0.1) accepted.
 */
export function trrOnlyPrefs(url: string): Record<string, unknown> {
  return {
    'network.dns.forceResolve': '',
    'network.trr.mode': 3,
    'network.trr.uri': url,
    'network.trr.confirmationNS': 'skip',
    'network.trr.allow-rfc1918': true,
    'network.trr.builtin-excluded-domains': '',
    'network.trr.excluded-domains': '',
  };
}

/**
 * `extension: false` starts the same profile setup without Diffuse, as a baseline for benchmarks. `env` is added
 * to Firefox's environment (the companion test gives it a home of its own, where the native host is installed).
 * `extensionDir` installs another build instead (bench:pageload-floor's stand-ins), without waiting for its background.
 */
export async function launchFirefox(
  extraPrefs: Record<string, unknown> = {},
  options: { extension?: boolean; env?: Record<string, string>; extensionDir?: string; alsoInstall?: string[] } = {},
): Promise<ExtensionBrowser> {
  const extension = resolve(options.extensionDir ?? BUILD_DIRS.firefox);
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`No Firefox build at ${extension}: run npm run build first.`);
  const profile = await mkdtemp(join(tmpdir(), 'diffuse-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: profile,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    // Without it WebDriver BiDi may not open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Every name reaches the local test server; URLs carry its ports.
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Tests load plain-HTTP pages on purpose: no automatic upgrade attempts to muddy the request log.
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      'network.trr.mode': 5,
      ...extraPrefs,
    },
  });
  const driver = new FirefoxExtensionBrowser(browser, profile, options.extension !== false, extension);
  if (options.extension === false) return driver;
  await browser.installExtension(extension);
  // Other extensions beside it (bench:memory-firefox's peer, whose background page shares Diffuse's process).
  for (const other of options.alsoInstall ?? []) await browser.installExtension(resolve(other));
  // A stand-in extension (bench:pageload-floor) has no background that answers the probe.
  if (options.extensionDir) return driver;
  const probe = await driver.openExtensionPage('popup.html');
  await waitForBackground(probe);
  await probe.close();
  return driver;
}

class FirefoxExtensionBrowser implements ExtensionBrowser {
  readonly name = 'firefox';
  private readonly tabs = new OpenTabs();
  constructor(
    private readonly browser: Browser,
    readonly profile: string,
    private readonly withExtension: boolean,
    private readonly extension: string,
  ) {}

  openTab(url: string): Promise<BrowserTab> {
    return this.open(url);
  }

  async restartOpening(url: string): Promise<BrowserTab> {
    await this.tabs.closeAll();
    const page = await this.browser.newPage();
    // Installed again over itself, the temporary add-on restarts (as after an update; its storage and its
    // address are kept) while the page loads: the install is not awaited before the navigation begins.
    const installed = this.browser.installExtension(this.extension);
    await page.goto(url);
    await installed;
    return this.track(page);
  }

  private async open(url: string): Promise<BrowserTab> {
    const page = await this.browser.newPage();
    await page.goto(url);
    return this.track(page);
  }

  private async track(page: Page): Promise<BrowserTab> {
    // Without the extension there is nobody to ask; benchmarks use such tabs only to load pages.
    const id = this.withExtension ? await this.tabIdOf(page) : -1;
    return this.tabs.track({
      id,
      goto: (next) => gotoFollowingRedirect(page, next),
      reload: async () => void (await page.reload()),
      evaluate: (fn) => page.evaluate(fn),
      url: () => page.url(),
      close: () => page.close(),
    });
  }

  closeTabs(): Promise<void> {
    return this.tabs.closeAll();
  }

  openPopup(tabId: number): Promise<ExtensionPage> {
    return this.openExtensionPage(`popup.html?tabId=${tabId}`);
  }

  async openExtensionPage(path: string): Promise<ExtensionPage> {
    const page = await this.browser.newPage();
    // Over BiDi the load event of moz-extension:// pages may never be reported, so the navigation is not
    // awaited; the page itself says when it has loaded.
    page.goto(`moz-extension://${EXTENSION_UUID}/${path}`, { timeout: 30_000 }).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    // Polled by hand: evaluations that land mid-navigation fail, and waitForFunction gives up on the first.
    while (!(await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`moz-extension page ${path} did not load`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { evaluate: (fn) => page.evaluate(fn), click: (selector) => page.click(selector), press: (key) => page.keyboard.press(key as never), close: () => page.close() };
  }

  async memoryReport(): Promise<string> {
    const page = await this.browser.newPage();
    try {
      // Like moz-extension:// pages, about:memory's load event may never be reported over BiDi.
      page.goto('about:memory', { timeout: 30_000 }).catch(() => undefined);
      const text = () => page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      const until = async (done: (shown: string) => boolean, what: string) => {
        for (const deadline = Date.now() + 60_000; !done(await text()); await new Promise((r) => setTimeout(r, 200))) {
          if (Date.now() > deadline) throw new Error(`about:memory: ${what} never showed`);
        }
      };
      await until((shown) => shown.includes('Minimize memory usage'), 'its buttons');
      await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Minimize memory usage')?.click());
      await until((shown) => shown.includes('Memory minimization completed'), 'the end of minimizing');
      // Verbose: every entry in bytes, none folded into "other" however small (a minimal peer's page is).
      await page.evaluate(() => {
        (document.getElementById('verbose') as HTMLInputElement).checked = true;
        document.getElementById('measureButton')?.click();
      });
      // One section per process, each closed by "End of … (pid N)"; the main process comes first.
      await until((shown) => shown.includes('End of Main Process') && shown.includes('End of extension (pid'), 'the extension process');
      return await text();
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
    await rm(this.profile, { recursive: true, force: true });
  }

  private async tabIdOf(page: Page): Promise<number> {
    const probe = await this.openExtensionPage('popup.html');
    try {
      return pickTab(await probe.evaluate(listTabsInExtensionPage), page.url());
    } finally {
      await probe.close();
    }
  }
}

/**
 * page.goto that survives the extension redirecting the navigation (tracking parameters stripped by a DNR redirect):
 * under load Firefox's WebDriver BiDi may report the redirect as "a new navigation interrupted an unfinished
 * navigation" (CI, tracking-params e2e). The page then loads the redirected URL: wait for its path to be shown
 * and loaded instead.
 */
async function gotoFollowingRedirect(page: Page, url: string): Promise<void> {
  try {
    await page.goto(url);
  } catch (error) {
    if (!String(error).includes('A new navigation interrupted')) throw error;
    const path = new URL(url).pathname;
    for (let tries = 0; tries < 200; tries++) {
      const shown = URL.canParse(page.url()) ? new URL(page.url()).pathname : '';
      if (shown === path && (await page.evaluate(() => document.readyState).catch(() => '')) === 'complete') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw error;
  }
}
