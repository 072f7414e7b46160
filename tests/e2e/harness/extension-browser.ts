/** What a feature's e2e test needs from a browser with the built extension loaded; one driver per browser. */
export interface ExtensionBrowser {
  readonly name: 'chromium' | 'firefox';
  /** The browser's profile folder (its processes name it on their command line: benchmarks count their CPU time). */
  readonly profile: string;
  /** Opens a new tab on `url` and waits for its load event. */
  openTab(url: string): Promise<BrowserTab>;
  /** Opens `popup.html?tabId=…` as a page, as the toolbar popup would show that tab. */
  openPopup(tabId: number): Promise<ExtensionPage>;
  /** Opens any extension page (path relative to the extension root). */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /** Closes the tabs `openTab` opened that are still open: a failed test's tab must not confuse the next one. */
  closeTabs(): Promise<void>;
  /**
   * Starts the extension again and opens `url` at that moment, without waiting for the background, as a
   * browser start opens restored tabs: Chromium restarts the browser on the same profile (the extension stays
   * installed, its storage kept); Firefox installs the temporary add-on again over itself, which restarts it (its storage kept).
   */
  restartOpening(url: string): Promise<BrowserTab>;
  /** Chromium only: stops the extension's service worker, as Chrome does when it likes. */
  stopWorker?(): Promise<void>;
  /** Chromium only: evaluates `fn` in the extension's service worker (benchmarks read its performance marks). */
  evaluateInWorker?<T>(fn: () => T | Promise<T>): Promise<T>;
  /** Chromium only: one DevTools command to the extension's service worker (benchmarks: its heap). */
  sendToWorker?<T>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** Firefox only: about:memory's verbose report (sizes in bytes) as text, measured after "Minimize memory usage" (GC and CC in every process). */
  memoryReport?(): Promise<string>;
  close(): Promise<void>;
}

export interface BrowserTab {
  /** The tab's id as the extension sees it. */
  readonly id: number;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs a function in the tab's page (its main world) and returns its JSON-serialisable result. */
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  /** The tab's current URL. */
  url(): string;
  close(): Promise<void>;
}

export interface ExtensionPage {
  /** Runs a function in the page and returns its (JSON-serialisable) result. */
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  /** A real click through the driver's input (user activation, which permissions.request needs). */
  click(selector: string): Promise<void>;
  /** A real key press through the driver's keyboard, to the focused element (`Enter`, `ArrowDown`, `Escape`…). */
  press(key: string): Promise<void>;
  /** Chromium only: a PNG of the page at this viewport size (npm run screenshots, for the README). */
  screenshot?(path: string, viewport: { width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}

/** The built extension each browser loads; DIFFUSE_CHROMIUM_BUILD / DIFFUSE_FIREFOX_BUILD point a benchmark at another build. */
export const BUILD_DIRS = { chromium: process.env.DIFFUSE_CHROMIUM_BUILD ?? '.output/chrome-mv3', firefox: process.env.DIFFUSE_FIREFOX_BUILD ?? '.output/firefox-mv2' } as const;

/** Runs inside an extension page (serialised by the driver): the tabs the extension can see. */
export function listTabsInExtensionPage(): Promise<{ id?: number; url?: string }[]> {
  const api = (globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi }).browser ?? (globalThis as unknown as { chrome: TabsApi }).chrome;
  return api.tabs.query({});
}
type TabsApi = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/** The tabs a driver opened and has not closed yet; `track` wraps a tab's close so it leaves the set. */
export class OpenTabs {
  private readonly open = new Set<() => Promise<void>>();

  track(tab: BrowserTab): BrowserTab {
    const close = async () => {
      this.open.delete(close);
      await tab.close();
    };
    this.open.add(close);
    return { ...tab, close };
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((close) => close().catch(() => undefined)));
  }
}

/** The one tab whose URL is `url`, by the list an extension page returned. */
export function pickTab(tabs: { id?: number; url?: string }[], url: string): number {
  const matches = tabs.filter((t) => t.url === url);
  const id = matches[0]?.id;
  if (matches.length !== 1 || id === undefined) throw new Error(`Expected one tab on ${url}, found ${matches.length}`);
  return id;
}

/**
 * Waits until the background answers a message: a browser that has just installed the extension may load
 * pages before the background has registered its listeners, and those requests would be missed.
 */
export async function waitForBackground(page: ExtensionPage): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const answered = await page
      .evaluate(async () => {
        const api = (globalThis as unknown as { browser?: RuntimeApi; chrome?: RuntimeApi }).browser ?? (globalThis as unknown as { chrome: RuntimeApi }).chrome;
        const reply = (await api.runtime.sendMessage({ type: 'pageLoad.get', tabId: -1 })) as { ok?: boolean } | undefined;
        return reply?.ok === true;
      })
      .catch(() => false);
    if (answered) return;
    if (Date.now() > deadline) throw new Error('The extension’s background never answered.');
    await new Promise((r) => setTimeout(r, 200));
  }
}
type RuntimeApi = { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Runs inside an extension page: the toolbar badge text of a tab (`action` in MV3, `browserAction` in MV2). */
export function badgeTextSource(tabId: number): () => Promise<string> {
  return new Function(`const g = globalThis; const api = g.browser ?? g.chrome; const a = api.action ?? api.browserAction; return a.getBadgeText({ tabId: ${Number(tabId)} });`) as () => Promise<string>;
}
