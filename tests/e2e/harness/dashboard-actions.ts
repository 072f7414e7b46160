import type { ExtensionPage } from './extension-browser';

/**
 * What a user does on the dashboard (options.html), through its DOM. Functions run in the page are built with
 * `new Function` so the test runner's transforms cannot add helpers (`__name`) the page lacks.
 */
function inPage<T>(page: ExtensionPage, body: string): Promise<T> {
  return page.evaluate(new Function(`return (async () => { const api = globalThis.browser ?? globalThis.chrome; ${body} })();`) as () => Promise<T>);
}

export interface DashboardState {
  loading: boolean;
  range: string | null;
  totals: Record<string, number>;
  companies: { name: string; reach: number; sites: number; requests: number; blocked: number }[];
  sites: { site: string; pageLoads: number; companies: number; thirdPartyHosts: number; blocked: number; hhi: number }[];
  reachDesc: string;
}

/** What the dashboard shows now: totals, the reach chart's bars (in order), the sites table's rows (in order). */
export function readDashboard(page: ExtensionPage): Promise<DashboardState> {
  return inPage(page, `
    const q = (s) => [...document.querySelectorAll(s)];
    const root = document.querySelector('.dashboard');
    return {
      loading: !root || root.dataset.loading === 'true',
      range: root ? root.dataset.range ?? null : null,
      totals: Object.fromEntries(q('.dashboard [data-total]').map((e) => [e.dataset.total, Number(e.textContent.replace(/[^0-9]/g, ''))])),
      companies: q('.dashboard g[data-company]').map((g) => ({ name: g.dataset.company, reach: Number(g.dataset.reach), sites: Number(g.dataset.sites),
        requests: Number(g.dataset.requests), blocked: Number(g.dataset.blocked) })),
      sites: q('.dashboard tr[data-site]').map((r) => ({ site: r.dataset.site, pageLoads: Number(r.dataset.pageLoads), companies: Number(r.dataset.companies),
        thirdPartyHosts: Number(r.dataset.thirdPartyHosts), blocked: Number(r.dataset.blocked), hhi: Number(r.dataset.hhi) })),
      reachDesc: document.getElementById('reach-desc')?.textContent ?? '',
    };`);
}

/** Clicks the element matching `selector` (a radio, a button, a column header). */
export function click(page: ExtensionPage, selector: string): Promise<void> {
  return inPage(page, `document.querySelector(${JSON.stringify(selector)}).click();`);
}

/** Types into the sites filter as a user would (an input event per change). */
export function typeFilter(page: ExtensionPage, text: string): Promise<void> {
  return inPage(page, `const input = document.getElementById('dash-site-filter'); input.value = ${JSON.stringify(text)};
    input.dispatchEvent(new Event('input', { bubbles: true }));`);
}

export function text(page: ExtensionPage, selector: string): Promise<string> {
  return inPage(page, `return document.querySelector(${JSON.stringify(selector)})?.textContent ?? '';`);
}

/** Any value of the page: `expression` is evaluated there (after `api` = browser or chrome). */
export function evaluate<T>(page: ExtensionPage, expression: string): Promise<T> {
  return inPage(page, `return (${expression});`);
}

/**
 * Clicks a button that saves a file and captures the download: the page's `<a download>` click is intercepted
 * (so no file lands in the test user's Downloads folder) and the Blob URL it points at is read with fetch.
 */
export function captureDownload(page: ExtensionPage, buttonSelector: string): Promise<{ name: string; type: string; text: string }> {
  return inPage(page, `
    const saved = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () { saved.push({ name: this.download, href: this.href }); };
    try {
      document.querySelector(${JSON.stringify(buttonSelector)}).click();
      const deadline = Date.now() + 15000;
      while (saved.length === 0) {
        if (Date.now() > deadline) throw new Error('no download was started');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    const response = await fetch(saved[0].href);
    return { name: saved[0].name, type: response.headers.get('content-type') ?? '', text: await response.text() };`);
}

/** Chooses a file in the settings import input, as picking it in the file dialog would. */
export function chooseImportFile(page: ExtensionPage, name: string, contents: string): Promise<void> {
  return inPage(page, `
    const input = document.querySelector('[data-testid="settings-import"]');
    const files = new DataTransfer();
    files.items.add(new File([${JSON.stringify(contents)}], ${JSON.stringify(name)}, { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));`);
}
