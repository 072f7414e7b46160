/**
 * The browser half of bench/history.ts: the same synthetic month written into the built extension's own
 * IndexedDB in real Chromium (from an extension page: same origin as the service worker), then timed as the
 * user meets it: `history.get` and `history.export` round trips through the real background, the dashboard's
 * first render, and the storage the browser reports (navigator.storage.estimate()). Needs `npm run build`.
 */
import { existsSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/harness/chromium';
import { BUILD_DIRS, type ExtensionPage } from '../tests/e2e/harness/extension-browser';
import { rollUpContacts } from '../utils/history/rollup';
import { syntheticHistory } from './history-data';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (t: number) => `${t.toFixed(0)} ms`;

/** Runs `body` in the extension page (built from a string: no transform helpers, see tests/e2e/harness). */
function inPage<T>(page: ExtensionPage, body: string): Promise<T> {
  return page.evaluate(new Function(`return (async () => { const api = globalThis.chrome; ${body} })();`) as () => Promise<T>);
}

const PUT_ROWS = `
  const db = await new Promise((ok, fail) => { const r = indexedDB.open('diffuse'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const tx = db.transaction(['pageLoads', 'contacts', 'dailySites'], 'readwrite');
  for (const [store, rows] of Object.entries(DATA)) for (const row of rows) tx.objectStore(store).put(row);
  await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
  db.close();`;

/** One message to the background, timed in the page: [ms, size of the answer in characters]. */
function roundTrip(page: ExtensionPage, message: object): Promise<[number, number]> {
  return inPage(page, `const t = performance.now(); const reply = await api.runtime.sendMessage(${JSON.stringify(message)});
    if (!reply.ok) throw new Error(reply.error); return [performance.now() - t, JSON.stringify(reply.value).length];`);
}

export async function benchInChromium(now: number, goals: { query: number; export: number }): Promise<boolean> {
  if (!existsSync(`${BUILD_DIRS.chromium}/manifest.json`)) {
    console.log('\nChromium part skipped: no build (npm run build).');
    return true;
  }
  console.log('\nChromium, the built extension with the same month written into its IndexedDB:');
  const browser = await launchChromium();
  let ok = true;
  try {
    const page = await browser.openExtensionPage('manifest.json');
    const usage = () => inPage<number>(page, 'return (await navigator.storage.estimate()).usage ?? 0;');
    const before = await usage();
    for (const { loads, contacts } of syntheticHistory(now)) {
      const data = { pageLoads: loads, contacts, dailySites: rollUpContacts(loads, contacts) };
      await inPage(page, `const DATA = ${JSON.stringify(data)};${PUT_ROWS}`);
    }
    const stored = (await usage()) - before;
    console.log(`  storage reported by the browser: ${(stored / 1_048_576).toFixed(1)} MB more after writing (navigator.storage.estimate)`);

    for (const range of ['today', '7d', '30d', 'all']) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push((await roundTrip(page, { type: 'history.get', range }))[0]);
      ok &&= median(times) <= goals.query;
      console.log(`  history.get ${range.padEnd(5)} ${ms(median(times)).padStart(8)} (message round trip: query, aggregation, serialisation)`);
    }
    for (const format of ['json', 'csv', 'html']) {
      const runs: [number, number][] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await roundTrip(page, { type: 'history.export', range: '30d', format }));
      const t = median(runs.map((r) => r[0]));
      ok &&= t <= goals.export;
      console.log(`  history.export 30d ${format.padEnd(4)} ${ms(t).padStart(8)} (${((runs[0]?.[1] ?? 0) / 1024).toFixed(0)} kB)`);
    }
    const renders: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dash = await browser.openExtensionPage('options.html');
      renders.push(await inPage<number>(dash, `for (;;) { const m = performance.getEntriesByName('diffuse:dashboard')[0];
        if (m) return m.startTime; await new Promise((r) => setTimeout(r, 20)); }`));
      const switchTo30 = await inPage<number>(dash, `const t = performance.now(); document.querySelector('input[name="dash-range"][value="30d"]').click();
        for (;;) { const d = document.querySelector('.dashboard'); if (d.dataset.range === '30d' && d.dataset.loading === 'false') break; await new Promise((r) => requestAnimationFrame(r)); }
        await new Promise((r) => requestAnimationFrame(r)); return performance.now() - t;`);
      renders.push(switchTo30);
      await dash.close();
    }
    const first = median(renders.filter((_, i) => i % 2 === 0));
    const to30 = median(renders.filter((_, i) => i % 2 === 1));
    ok &&= to30 <= goals.query;
    console.log(`  dashboard page: first full render ${ms(first)} from navigation (7 days); switch to 30 days and render ${ms(to30)}`);
    await page.close();
  } finally {
    await browser.close();
  }
  return ok;
}
