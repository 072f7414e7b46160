import { expect, it } from 'vitest';
import { BatchWriter } from '../../utils/pageload/batch';
import { click, evaluate, readDashboard, text } from './harness/dashboard-actions';
import type { ExtensionPage } from './harness/extension-browser';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupHosts } from './harness/popup-reader';
import type { TestServer } from './harness/test-server';

/** A page on `host` with an image from `cdn`, each URL distinct. */
let n = 0;
function publish(server: TestServer, host: string, cdn: string): string {
  server.page(host, '/', `<!doctype html><link rel="icon" href="data:,"><title>${host}</title><img alt="" src="${server.url(cdn, `/asset/${++n}.png`)}">`);
  return server.url(host, '/');
}

/**
 * What IndexedDB holds, read from an extension page (the extension's origin): rows per table of Diffuse's database,
 * and the storage.local keys that name visited sites (the DNS ledger, the hosts' operators).
 */
function stored(page: ExtensionPage): Promise<{ tables: Record<string, number>; local: string[] }> {
  return evaluate(page, `new Promise((resolve, reject) => {
    const open = indexedDB.open('diffuse');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames].filter((t) => t !== 'policies');
      const tx = db.transaction(names, 'readonly');
      const tables = {};
      for (const t of names) tx.objectStore(t).count().onsuccess = (e) => (tables[t] = e.target.result);
      tx.oncomplete = async () => {
        db.close();
        const local = Object.keys(await api.storage.local.get(['dnsLedger', 'hostOperators']));
        resolve({ tables, local });
      };
    };
  })`);
}

const dataStatus = (page: ExtensionPage) => text(page, '[data-testid="data-status"]');

describeInBothBrowsers('"keep no history": the popup works from memory, nothing is stored', (ctx) => {
  it('turning it on deletes what is stored; then a page shows in the popup, the dashboard says history is off and stores nothing', async () => {
    const { browser, server } = ctx();
    // History on: a page load is stored.
    await (await browser.openTab(publish(server, 'www.kept-before.com', 'img.kept-before-cdn.net'))).close();
    const options = await browser.openExtensionPage('options.html');
    await expect.poll(() => readDashboard(options).then((d) => !d.loading && d.totals.pageLoads), { timeout: 15_000 }).toBe(1);

    // Turned on as a user does: the box asks first, listing what goes.
    await click(options, '[data-testid="history-off-switch"]');
    await expect.poll(() => evaluate<boolean>(options, `!!document.querySelector('[data-testid="history-off-confirm"]')`)).toBe(true);
    expect(await evaluate<boolean>(options, `document.querySelector('[data-testid="history-off-switch"]').checked`)).toBe(false);
    await click(options, '[data-testid="history-off-confirm"]');
    await expect.poll(() => dataStatus(options), { timeout: 10_000 }).toBe('History is off. What was stored is deleted.');
    expect(await text(options, '[data-testid="history-off"]')).toBe('History is off: nothing about the pages you visit is being stored.');
    expect(await text(options, '[data-testid="stored"]')).toBe('No page loads stored.');
    await options.close();

    // With history off: the popup shows the page's hosts from memory.
    const host = 'www.no-history-news.com';
    const cdn = 'img.no-history-cdn.net';
    const tab = await browser.openTab(publish(server, host, cdn));
    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => popupHosts(popup), { timeout: 10_000 }).toMatchObject({ [host]: 1, [cdn]: 1 });
    await popup.close();
    // Past several flushes: anything the writer would have written is written by now.
    await new Promise((r) => setTimeout(r, 4 * BatchWriter.FLUSH_MS));

    const dashboard = await browser.openExtensionPage('options.html');
    await expect.poll(() => readDashboard(dashboard).then((d) => !d.loading && d.totals), { timeout: 15_000 }).toMatchObject({ pageLoads: 0, sites: 0 });
    expect(await text(dashboard, '[data-testid="history-off"]')).toBe('History is off: nothing about the pages you visit is being stored.');
    expect(await text(dashboard, '[data-testid="stored"]')).toBe('No page loads stored.');
    expect(await evaluate<boolean>(dashboard, `document.querySelector('[data-testid="history-off-switch"]').checked`)).toBe(true);
    const { tables, local } = await stored(dashboard);
    expect(tables).toEqual({ pageLoads: 0, contacts: 0, tabs: 0, dailySites: 0 });
    expect(local).toEqual([]);
    await tab.close();

    // Turned off again: history is written again, and nothing asked first (nothing is deleted).
    await click(dashboard, '[data-testid="history-off-switch"]');
    await expect.poll(() => dataStatus(dashboard), { timeout: 10_000 }).toBe('History is on again.');
    await dashboard.close();
    await (await browser.openTab(publish(server, 'www.kept-after.com', 'img.kept-after-cdn.net'))).close();
    const after = await browser.openExtensionPage('options.html');
    await expect.poll(() => readDashboard(after).then((d) => !d.loading && d.totals.pageLoads), { timeout: 15_000 }).toBe(1);
    expect(await evaluate<boolean>(after, `!document.querySelector('[data-testid="history-off"]')`)).toBe(true);
    await after.close();
  });
});
