import { expect, it } from 'vitest';
import { BatchWriter } from '../../utils/pageload/batch';
import { describeInBothBrowsers } from './harness/in-both-browsers';
import { popupHosts } from './harness/popup-reader';

const IMAGES = 80;
const EVERY_MS = 40;
/** docs/history.md, "Failed writes and a stopped worker": what a stop may lose, the flush bound plus one write. */
const LOSS_BOUND_MS = BatchWriter.FLUSH_MS + 100;

describeInBothBrowsers('history writes: a worker stopped while it writes loses nothing beyond the bound', (ctx) => {
  it(`a page loading an image every ${EVERY_MS} ms, its worker stopped midway, keeps all but at most the last ${LOSS_BOUND_MS} ms`, async ({ skip }) => {
    const { browser, server } = ctx();
    if (!browser.stopWorker) return skip('Firefox keeps its background page; only Chromium stops workers at will.');
    const host = 'www.stream-writes.com';
    const cdn = 'img.stream-writes-cdn.net';
    server.page(
      host,
      '/',
      `<!doctype html><link rel="icon" href="data:,"><script>
        let i = 0;
        const timer = setInterval(() => {
          const img = new Image(); img.src = '${server.url(cdn, '/asset/')}' + (i++) + '.png'; document.body.append(img);
          if (i === ${IMAGES}) clearInterval(timer);
        }, ${EVERY_MS});
      </script>`,
    );
    const tab = await browser.openTab(server.url(host, '/'));
    // Stopped while images stream in: a batch is written every FLUSH_MS, so the stop lands among writes.
    await new Promise((r) => setTimeout(r, (IMAGES * EVERY_MS) / 2));
    const before = server.requestsTo(cdn).length;
    await browser.stopWorker();
    const after = server.requestsTo(cdn).length;
    await expect.poll(() => server.requestsTo(cdn).length, { timeout: 10_000 }).toBe(IMAGES);
    const popup = await browser.openPopup(tab.id);
    await expect.poll(() => popupHosts(popup).then((h) => h[host]), { timeout: 10_000 }).toBe(1);
    const stored = (await popupHosts(popup))[cdn] ?? 0;
    // Requests after the stop woke the worker, which resumed the page load from storage; what may be lost is what
    // came in the last LOSS_BOUND_MS before the stop (and while it was being stopped).
    const bound = Math.ceil(LOSS_BOUND_MS / EVERY_MS) + (after - before);
    expect(stored).toBeLessThanOrEqual(IMAGES);
    expect(stored).toBeGreaterThanOrEqual(IMAGES - bound);
    await popup.close();
  });
});
