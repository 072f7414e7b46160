import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { BUILD_DIRS, listTabsInExtensionPage, OpenTabs, pickTab, waitForBackground, type BrowserTab, type ExtensionBrowser, type ExtensionPage } from './extension-browser';

/** Debian's Chromium unless DIFFUSE_CHROMIUM names another binary. */
export const CHROMIUM_PATH = process.env.DIFFUSE_CHROMIUM ?? '/usr/bin/chromium';

export interface ChromiumOptions {
  /** Added to Chromium's environment (the companion test gives it a home of its own, where the native host is). */
  env?: Record<string, string>;
  /** Replaces the default `MAP * 127.0.0.1`: where Chromium's own name resolution sends each name. */
  hostResolverRules?: string;
  /**
   * Optional API permissions to hold as if the user had granted them: headless Chromium cannot answer a
   * permission prompt, so a first start writes the profile and the grant is added to its Preferences, as the
   * browser itself stores a granted permission (extensions.settings.<id>.granted/active_permissions).
   */
  grant?: string[];
  /**
   * A folder of native-messaging host manifests to copy into the profile: Chromium started with --user-data-dir
   * looks for them in DIR/NativeMessagingHosts instead of ~/.config/chromium/NativeMessagingHosts.
   */
  nativeMessagingHosts?: string;
  /** `false` starts the same profile setup without Diffuse, as a baseline for benchmarks (as launchFirefox does). */
  extension?: boolean;
  /** More command-line switches (a benchmark's --enable-precise-memory-info). */
  args?: string[];
  /** Another unpacked extension instead of Diffuse's build (a benchmark's minimal peer); not waited for as Diffuse is. */
  extensionDir?: string;
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ExtensionBrowser> {
  const extension = resolve(options.extensionDir ?? BUILD_DIRS.chromium);
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error(`No Chrome build at ${extension}: run npm run build first.`);
  const withExtension = options.extension !== false;
  const profile = await mkdtemp(join(tmpdir(), 'diffuse-chromium-'));
  if (options.nativeMessagingHosts) await cp(options.nativeMessagingHosts, join(profile, 'NativeMessagingHosts'), { recursive: true });
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      ignoreHTTPSErrors: true,
      ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
      args: [
        ...(withExtension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : ['--disable-extensions']),
        '--no-sandbox',
        '--disable-gpu',
        // The machine has no network: without these Chromium floods it with refused background connections.
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
        '--ignore-certificate-errors',
        // Every name reaches the local test server; URLs carry its ports.
        `--host-resolver-rules=${options.hostResolverRules ?? 'MAP * 127.0.0.1'}`,
        '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
        ...(options.args ?? []),
      ],
    });
  let context = await launch();
  if (!withExtension) return new ChromiumExtensionBrowser(context, '', profile, launch);
  let worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  if (options.grant?.length) {
    const id = new URL(worker.url()).host;
    await context.close();
    await grantInProfile(profile, id, options.grant);
    context = await launch();
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  }
  const driver = new ChromiumExtensionBrowser(context, new URL(worker.url()).host, profile, launch);
  // Another extension has no popup to ask for tab ids through.
  if (options.extensionDir) return Object.assign(driver, { tabIds: false });
  const probe = await driver.openExtensionPage('popup.html');
  await waitForBackground(probe);
  await probe.close();
  return driver;
}

async function grantInProfile(profile: string, id: string, permissions: readonly string[]): Promise<void> {
  const path = join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(await readFile(path, 'utf8'));
  const settings = prefs.extensions?.settings?.[id];
  if (!settings) throw new Error(`No settings for extension ${id} in ${path}`);
  for (const key of ['granted_permissions', 'active_permissions']) {
    settings[key] ??= { api: [] };
    settings[key].api = [...new Set([...(settings[key].api ?? []), ...permissions])];
  }
  await writeFile(path, JSON.stringify(prefs));
}

class ChromiumExtensionBrowser implements ExtensionBrowser {
  readonly name = 'chromium';
  private readonly tabs = new OpenTabs();
  /** Whether tabs' ids are asked of the extension (Diffuse's popup); -1 otherwise. */
  tabIds = true;
  constructor(
    private context: BrowserContext,
    private readonly extensionId: string,
    readonly profile: string,
    private readonly launch: () => Promise<BrowserContext>,
  ) {}

  openTab(url: string): Promise<BrowserTab> {
    return this.open(url);
  }

  async restartOpening(url: string): Promise<BrowserTab> {
    await this.tabs.closeAll();
    await this.context.close();
    this.context = await this.launch();
    return this.open(url);
  }

  private async open(url: string): Promise<BrowserTab> {
    const page = await this.context.newPage();
    await page.goto(url);
    // Without the extension there is nobody to ask; benchmarks use such tabs only to load pages.
    const id = this.extensionId && this.tabIds ? await this.tabIdOf(page) : -1;
    return this.tabs.track({
      id,
      goto: async (next) => void (await page.goto(next)),
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
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/${path}`);
    return {
      evaluate: (fn) => page.evaluate(fn),
      click: (selector) => page.click(selector),
      press: (key) => page.keyboard.press(key),
      screenshot: async (file, viewport) => {
        await page.setViewportSize(viewport);
        await page.screenshot({ path: file });
      },
      close: () => page.close(),
    };
  }

  /**
   * Stops the worker through DevTools' ServiceWorker domain, from an extension page: only a session in the
   * extension's own storage partition sees its worker. Resolves once Chrome reports it stopped.
   */
  async stopWorker(): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/manifest.json`);
    const cdp = await this.context.newCDPSession(page);
    const stopped = new Promise<void>((done) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL.includes(this.extensionId) && v.runningStatus === 'stopped')) done();
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
    await page.close();
  }

  /**
   * Sends one DevTools command to the extension's running service worker (benchmarks: HeapProfiler, Runtime), from
   * an extension page's session through Target.sendMessageToTarget, as Playwright gives no session of a worker.
   */
  async sendToWorker<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const page = await this.context.newPage();
    try {
      await page.goto(`chrome-extension://${this.extensionId}/manifest.json`);
      const cdp = await this.context.newCDPSession(page);
      const { targetInfos } = await cdp.send('Target.getTargets');
      const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(this.extensionId));
      if (!worker) throw new Error('the extension has no running service worker');
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
      const reply = new Promise<T>((done, fail) =>
        cdp.on('Target.receivedMessageFromTarget', (event) => {
          const message = JSON.parse(event.message) as { id?: number; result?: T; error?: { message: string } };
          if (event.sessionId !== sessionId || message.id !== 1) return;
          if (message.error) fail(new Error(`${method}: ${message.error.message}`));
          else done(message.result as T);
        }),
      );
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method, params }) });
      const result = await reply;
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach();
      return result;
    } finally {
      await page.close();
    }
  }

  /** Evaluates `fn` in the extension's running service worker, waiting for one to run (a stopped one starts on events only). */
  async evaluateInWorker<T>(fn: () => T | Promise<T>): Promise<T> {
    const ours = () => this.context.serviceWorkers().find((w) => w.url().includes(this.extensionId));
    const worker = ours() ?? (await this.context.waitForEvent('serviceworker', { predicate: (w) => w.url().includes(this.extensionId), timeout: 10_000 }));
    return worker.evaluate(fn);
  }

  async close(): Promise<void> {
    await this.context.close();
    await rm(this.profile, { recursive: true, force: true });
  }

  /** Asks the extension which tab shows this page: the tab id is the extension's name for it. */
  private async tabIdOf(page: Page): Promise<number> {
    const probe = await this.openExtensionPage('popup.html');
    try {
      return pickTab(await probe.evaluate(listTabsInExtensionPage), page.url());
    } finally {
      await probe.close();
    }
  }
}
