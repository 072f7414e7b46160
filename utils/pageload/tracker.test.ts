import { describe, expect, it } from 'vitest';
import { zeroCounters, type PageLoad } from './page-load';
import { PageLoadTracker, type PageLoadSink } from './tracker';

function recorder() {
  const events: string[] = [];
  const sink: PageLoadSink = {
    beginPageLoad: (l) => events.push(`begin ${l.id} tab${l.tabId} ${l.site} ${l.url}`),
    count: (id, host, delta) =>
      events.push(delta.blocked ? `blocked ${id} ${host}` : `count ${id} ${host}${delta.clear ? ' clear' : ''}${delta.secured ? ` secured ${JSON.stringify(delta)}` : ''}`),
    forgetTab: (tabId) => events.push(`forget tab${tabId}`),
  };
  return { events, sink };
}

function tracker(sink: PageLoadSink, restored: PageLoad[] = []) {
  let n = 0;
  return new PageLoadTracker({ sink, now: () => 1000, newId: () => `L${++n}`, restore: async () => restored });
}

const main = (tabId: number, url: string) => ({ tabId, frameId: 0, type: 'main_frame', url });
const sub = (tabId: number, url: string, frameId = 0) => ({ tabId, frameId, type: 'image', url });

describe('PageLoadTracker', () => {
  it('starts a page load on a top-level navigation and counts every request of the tab, frames included', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe(main(1, 'https://www.news.example.co.uk/story'));
    t.observe(sub(1, 'https://cdn.example.net/a.png'));
    t.observe(sub(1, 'https://ads.example.org/x', 7));
    expect(events).toEqual([
      'begin L1 tab1 example.co.uk https://www.news.example.co.uk/story',
      'count L1 www.news.example.co.uk',
      'count L1 cdn.example.net',
      'count L1 ads.example.org',
    ]);
  });

  it('a second top-level navigation (reload) starts a new page load instead of adding to the old one', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe(main(1, 'http://a.test/'));
    t.observe(main(1, 'http://a.test/'));
    expect(events.filter((e) => e.startsWith('begin'))).toHaveLength(2);
    expect(t.currentFor(1)?.id).toBe('L2');
  });

  it('a sub-frame navigation (main_frame type is only for frame 0) stays in the tab’s page load', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe(main(1, 'http://a.test/'));
    t.observe({ tabId: 1, frameId: 3, type: 'sub_frame', url: 'http://embed.test/' });
    expect(events.filter((e) => e.startsWith('begin'))).toHaveLength(1);
  });

  it('ignores requests tied to no tab and URLs that reach no network (extension, data, blob, garbage)', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe(sub(-1, 'https://update.example/'));
    for (const url of ['chrome-extension://abc/popup.html', 'data:,', 'blob:https://a.test/1', 'not a url', 'file:///etc/passwd'])
      t.observe(main(2, url));
    expect(events).toEqual([]);
  });

  it('a tab first seen mid-page gets a page load named after the requesting document', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe({ ...sub(4, 'https://cdn.test/x.js'), documentUrl: 'https://shop.example.com/cart' });
    expect(events[0]).toBe('begin L1 tab4 example.com https://shop.example.com/cart');
  });

  it('resumes the page loads restored from storage, and applies events that arrived during the restore in order', async () => {
    const { events, sink } = recorder();
    const restored: PageLoad = { id: 'old', tabId: 9, url: 'http://a.test/', site: 'a.test', startedAt: 1 };
    const t = tracker(sink, [restored]);
    t.observe(sub(9, 'http://img.test/1.png'));
    t.tabClosed(9);
    t.observe(sub(9, 'http://img.test/2.png'));
    expect(events).toEqual([]);
    await t.start();
    expect(events).toEqual(['count old img.test clear', 'forget tab9', 'begin L1 tab9 img.test http://img.test/2.png', 'count L1 img.test clear']);
  });

  it('keeps IPv6 hosts without brackets and lower-cases names', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe(main(1, 'http://[::1]:8080/'));
    t.observe(sub(1, 'https://CDN.Example.COM/a'));
    expect(events).toContain('count L1 ::1 clear');
    expect(events).toContain('count L1 cdn.example.com');
  });

  it('answers a tab’s hosts from memory for loads it saw begin, and defers to storage for restored ones', async () => {
    const { sink } = recorder();
    const restored: PageLoad = { id: 'old', tabId: 9, url: 'http://a.test/', site: 'a.test', startedAt: 1 };
    const t = tracker(sink, [restored]);
    await t.start();
    t.observe(sub(9, 'http://img.test/1.png'));
    expect(t.liveView(9)).toBeUndefined();
    t.observe(main(1, 'http://a.test/'));
    t.observe(sub(1, 'http://b.test/1'));
    t.observe(sub(1, 'http://b.test/2'));
    expect(t.liveView(1)?.hosts.map((h) => [h.host, h.requests, h.blocked])).toEqual([
      ['b.test', 2, 0],
      ['a.test', 1, 0],
    ]);
    t.blocked({ tabId: 1, url: 'http://b.test/2' });
    // The blocked request never left: no longer counted as clear text.
    expect(t.liveView(1)?.hosts[0]).toMatchObject({ host: 'b.test', requests: 2, blocked: 1, clear: 1 });
    t.observe(main(1, 'http://a.test/'));
    expect(t.liveView(1)?.hosts).toEqual([{ ...zeroCounters(), host: 'a.test', requests: 1, clear: 1 }]);
    t.tabClosed(1);
    expect(t.liveView(1)).toBeUndefined();
  });

  it('forgetting a site drops the tabs’ page loads of it from memory; what they load next is a new page load', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe(main(1, 'https://www.a.test/'));
    t.observe(main(2, 'https://b.test/'));
    t.observe(sub(1, 'https://cdn.test/1.png'));
    t.forgetSite('a.test');
    expect(t.currentFor(1)).toBeUndefined();
    expect(t.liveView(1)).toBeUndefined();
    expect(t.liveView(2)?.hosts.map((h) => h.host)).toEqual(['b.test']);
    events.length = 0;
    t.observe({ ...sub(1, 'https://cdn.test/2.png'), documentUrl: 'https://www.a.test/' });
    expect(events).toEqual(['begin L3 tab1 a.test https://www.a.test/', 'count L3 cdn.test']);
    expect(t.liveView(1)?.hosts).toEqual([{ ...zeroCounters(), host: 'cdn.test', requests: 1 }]);
  });

  it('records a page without its query or fragment (tracking ids stay out of history)', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe(main(1, 'https://shop.example/item?id=5&utm_source=mail#top'));
    expect(events[0]).toBe('begin L1 tab1 shop.example https://shop.example/item');
  });

  it('a blocked request counts against the tab’s current page load; unknown tabs and bad URLs are ignored', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.blocked({ tabId: 1, url: 'https://ads.test/x' });
    t.observe(main(1, 'http://a.test/'));
    t.blocked({ tabId: 1, url: 'https://ads.test/x' });
    t.blocked({ tabId: 1, url: 'data:,' });
    expect(events.filter((e) => e.startsWith('blocked'))).toEqual(['blocked L1 ads.test']);
  });

  it('counts clear text by scheme (http:, ws:) and Firefox’s connection details per response', async () => {
    const { sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe(main(1, 'http://shop.test/'));
    t.observe(sub(1, 'ws://live.shop.test/feed'));
    t.observe(sub(1, 'https://cdn.test/a.js'));
    t.observe(sub(1, 'wss://live.cdn.test/feed'));
    t.secured({ tabId: 1, url: 'https://cdn.test/a.js' }, { protocolVersion: 'TLSv1.3', usedEch: true, usedPrivateDns: false, hsts: true });
    t.secured({ tabId: 1, url: 'wss://live.cdn.test/feed' }, { protocolVersion: 'TLSv1.2', usedPrivateDns: true });
    const by = Object.fromEntries(t.liveView(1)!.hosts.map((h) => [h.host, h]));
    expect([by['shop.test']?.clear, by['live.shop.test']?.clear, by['cdn.test']?.clear, by['live.cdn.test']?.clear]).toEqual([1, 1, 0, 0]);
    expect(by['cdn.test']).toMatchObject({ secured: 1, tls13: 1, ech: 1, privateDns: 0, hsts: 1 });
    expect(by['live.cdn.test']).toMatchObject({ secured: 1, tls12: 1, ech: 0, privateDns: 1 });
  });
});

describe('PageLoadTracker.recover (requests made before the listener existed)', () => {
  const gap = (tabId: number, documentStart: number) => ({
    tabId,
    documentUrl: 'https://www.shop.com/p?q=1',
    documentStart,
    missed: [main(tabId, 'https://www.shop.com/p?q=1'), sub(tabId, 'http://cdn.img.com/a.png')],
  });

  it('a tab with no page load begins one for the document, dated when the document began', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.recover(gap(3, 400));
    expect(events).toEqual(['begin L1 tab3 shop.com https://www.shop.com/p', 'count L1 www.shop.com', 'count L1 cdn.img.com clear']);
    expect(t.currentFor(3)?.startedAt).toBe(400);
    expect(t.liveView(3)?.hosts.map((h) => `${h.host} ${h.requests}`)).toEqual(['cdn.img.com 1', 'www.shop.com 1']);
  });

  it('adds to the page load this worker began for the same document from a later request', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    await t.start();
    t.observe(sub(3, 'https://api.shop.com/late'));
    t.recover(gap(3, 400));
    expect(events.filter((e) => e.startsWith('begin'))).toHaveLength(1);
    expect(t.liveView(3)?.hosts.map((h) => h.host).sort()).toEqual(['api.shop.com', 'cdn.img.com', 'www.shop.com']);
  });

  it('a load restored from storage for the same document was counted already; one from an earlier document is replaced', async () => {
    const stored = (startedAt: number): PageLoad => ({ id: 'OLD', tabId: 3, url: 'https://www.shop.com/p', site: 'shop.com', startedAt });
    const same = recorder();
    const t1 = tracker(same.sink, [stored(1000)]);
    await t1.start();
    t1.recover(gap(3, 900));
    expect(same.events).toEqual([]);
    const older = recorder();
    const t2 = tracker(older.sink, [stored(1000)]);
    await t2.start();
    t2.recover(gap(3, 90_000));
    expect(older.events[0]).toBe('begin L1 tab3 shop.com https://www.shop.com/p');
  });

  it('adds to a restored load for the same document what its stored counts lack, host by host (its worker stopped before writing them)', async () => {
    const stored: PageLoad = { id: 'OLD', tabId: 3, url: 'https://www.shop.com/p', site: 'shop.com', startedAt: 1000 };
    const { events, sink } = recorder();
    const t = tracker(sink, [stored]);
    t.hold();
    await t.start();
    t.observe(sub(3, 'https://api.shop.com/late')); // delivered to this worker: held until the document is known
    const missed = [main(3, 'https://www.shop.com/p'), sub(3, 'https://www.shop.com/app.js'), sub(3, 'http://cdn.img.com/a.png'), sub(3, 'http://cdn.img.com/b.png')];
    const gap = { tabId: 3, documentUrl: 'https://www.shop.com/p', documentStart: 900, missed };
    expect(t.restoredFor(gap)?.id).toBe('OLD');
    t.recover(gap, new Map([['www.shop.com', 1], ['cdn.img.com', 2]]));
    expect(events).toEqual(['count OLD www.shop.com', 'count OLD api.shop.com']);
  });
});

describe('PageLoadTracker.hold (a tab’s document not known yet)', () => {
  it('holds a tab’s mid-page events until its document is recovered, then applies them to that page load', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    t.hold();
    await t.start();
    t.observe(sub(3, 'https://frame.ads.net/px', 4)); // a frame's request: its initiator is not the page
    t.blocked({ tabId: 3, url: 'https://frame.ads.net/px' });
    t.observe(main(5, 'https://www.new.com/')); // a navigation begins its own page load at once
    expect(events).toEqual(['begin L1 tab5 new.com https://www.new.com/', 'count L1 www.new.com']);
    t.recover({ tabId: 3, documentUrl: 'https://www.shop.com/p', documentStart: 400, missed: [main(3, 'https://www.shop.com/p')] });
    expect(events.slice(2)).toEqual(['begin L2 tab3 shop.com https://www.shop.com/p', 'count L2 www.shop.com', 'count L2 frame.ads.net', 'blocked L2 frame.ads.net']);
  });

  it('release applies what is still held (a tab no script could read) as before: a page load named after the request', async () => {
    const { events, sink } = recorder();
    const t = tracker(sink);
    t.hold();
    await t.start();
    t.observe({ ...sub(3, 'https://cdn.img.com/a.png'), documentUrl: 'https://www.shop.com/' });
    expect(events).toEqual([]);
    t.release();
    expect(events).toEqual(['begin L1 tab3 shop.com https://www.shop.com/', 'count L1 cdn.img.com']);
    t.observe(sub(3, 'https://cdn.img.com/b.png'));
    expect(events.at(-1)).toBe('count L1 cdn.img.com');
  });
});
