import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SURROGATES, surrogateFiles } from './surrogates';

/**
 * The stand-in scripts (public/surrogates/*.js) run here as a page would run them, in a fresh global with
 * what they touch of a page (document.currentScript, querySelectorAll, location, timers), after the page's own
 * snippet queued its calls. e2e (surrogates.e2e.ts) runs them in the browsers.
 */
interface FakeElement { attrs: Record<string, string>; setAttribute(name: string, value: string): void }

function page(scriptSrc = '', slots: FakeElement[] = []) {
  const window: Record<string, unknown> = {};
  Object.assign(window, {
    window,
    setTimeout,
    URL,
    Date,
    location: { href: 'https://www.diffuse-shop.com/' },
    document: {
      currentScript: { src: scriptSrc },
      querySelectorAll: () => slots.filter((s) => !('data-adsbygoogle-status' in s.attrs)),
    },
  });
  return window;
}

function run(file: string, window: Record<string, unknown>): void {
  runInNewContext(readFileSync(new URL(`../../public/${file}`, import.meta.url), 'utf8'), window);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
type Fn = (...args: unknown[]) => unknown;

describe('the surrogate files', () => {
  it('exist for every surrogate, and only they are listed as web-accessible', () => {
    // Tried: each file named in SURROGATES is readable; the list is deduplicated.
    for (const s of SURROGATES) expect(() => readFileSync(new URL(`../../public/${s.file}`, import.meta.url))).not.toThrow();
    expect(surrogateFiles()).toEqual(['surrogates/adsbygoogle.js', 'surrogates/fbevents.js', 'surrogates/google-analytics.js', 'surrogates/google-tag.js', 'surrogates/gpt.js']);
  });
});

describe('google-analytics.js (analytics.js)', () => {
  it('drains the snippet queue, creates the tracker and calls hitCallback for queued and later sends', async () => {
    // Tried: the standard snippet's queue (create, send with hitCallback) and calls after load.
    const window = page();
    const called: string[] = [];
    const ga = Object.assign((...args: unknown[]) => (ga.q as unknown[]).push(args), { q: [] as unknown[], l: 1 });
    window.GoogleAnalyticsObject = 'ga';
    window.ga = ga;
    ga('create', 'UA-1-1', 'auto');
    ga('send', 'pageview', { hitCallback: () => called.push('queued') });
    run('surrogates/google-analytics.js', window);
    const real = window.ga as Fn & { loaded: boolean; getAll: Fn; getByName: Fn };
    real('send', 'event', 'outbound', 'click', 'https://www.diffuse-news.com/', { hitCallback: () => called.push('later') });
    real('myTracker.send', { hitType: 'event', hitCallback: () => called.push('named') });
    await tick();
    expect(called.sort()).toEqual(['later', 'named', 'queued']);
    expect(real.loaded).toBe(true);
    const trackers = real.getAll() as { get(f: string): unknown; send(...a: unknown[]): void }[];
    expect(trackers).toHaveLength(1);
    expect(trackers[0]!.get('trackingId')).toBe('UA-1-1');
    expect((real.getByName('t0') as unknown)).toBe(trackers[0]);
    trackers[0]!.send('pageview', { hitCallback: () => called.push('tracker') });
    let ready: unknown;
    real((t: unknown) => { ready = t; });
    await tick();
    expect(called).toContain('tracker');
    expect(ready).toBe(trackers[0]);
  });
});

describe('google-tag.js (gtag/js and gtm.js)', () => {
  it('answers gtag events and gets already queued, and GTM pushes made later, on the named data layer', async () => {
    // Tried: gtag() calls before load (arguments objects), a GTM eventCallback after load, a custom layer name.
    const window = page('https://www.googletagmanager.com/gtm.js?id=GTM-XYZ&l=shopLayer');
    const called: unknown[] = [];
    const layer: unknown[] = [];
    window.shopLayer = layer;
    function gtag(..._args: unknown[]) { layer.push(arguments); } // eslint-disable-line prefer-rest-params
    gtag('config', 'G-1');
    gtag('event', 'purchase', { event_callback: () => called.push('gtag event') });
    gtag('get', 'G-1', 'client_id', (id: unknown) => called.push(`get ${String(id)}`));
    run('surrogates/google-tag.js', window);
    (window.shopLayer as unknown[]).push({ event: 'checkout', eventCallback: (id: unknown) => called.push(`gtm ${String(id)}`) });
    await tick();
    expect(called.sort()).toEqual(['get undefined', 'gtag event', 'gtm GTM-XYZ']);
    expect(layer).toHaveLength(4); // pushes still land in the array, as with the real script
    const manager = window.google_tag_manager as Record<string, { dataLayer: { get(k: string): unknown } }>;
    expect(manager['GTM-XYZ']!.dataLayer.get('event')).toBe('checkout');
  });
});

describe('gpt.js (Google Publisher Tag)', () => {
  it('runs the cmd queue and later pushes, and reports empty slots to slotRenderEnded listeners', async () => {
    // Tried: the usual page setup (defineSlot chain, sizeMapping, pubads listeners, enableServices, display).
    const window = page();
    const events: unknown[] = [];
    window.googletag = { cmd: [] as Fn[] };
    const queue = (window.googletag as { cmd: Fn[] }).cmd;
    queue.push(() => {
      const g = window.googletag as Record<string, Fn>;
      const mapping = (g.sizeMapping!() as Record<string, Fn>).addSize!([1024, 0], [[728, 90]]) as Record<string, Fn>;
      const slot = g.defineSlot!('/1/top', [[728, 90]], 'ad-top') as Record<string, Fn>;
      slot.addService!(g.pubads!());
      slot.defineSizeMapping!(mapping.build!());
      (g.pubads!() as Record<string, Fn>).addEventListener!('slotRenderEnded', (e: { isEmpty: boolean }) => events.push(e.isEmpty));
      (g.pubads!() as Record<string, Fn>).enableSingleRequest!();
      g.enableServices!();
    });
    run('surrogates/gpt.js', window);
    const g = window.googletag as Record<string, unknown>;
    let ranLater = false;
    (g.cmd as { push(fn: Fn): void }).push(() => { ranLater = true; (g.display as Fn)('ad-top'); });
    await tick();
    expect(ranLater).toBe(true);
    expect(events).toEqual([true]);
    expect(g.apiReady).toBe(true);
    expect(((g.pubads as Fn)() as { getSlots(): unknown[] }).getSlots()).toHaveLength(1);
  });
});

describe('fbevents.js (Meta Pixel)', () => {
  it('empties the base code queue and answers later calls', () => {
    // Tried: the base code's fbq stub with init + track queued, then a call after load.
    const window = page();
    const fbq = Object.assign((...args: unknown[]) => {
      if (fbq.callMethod) (fbq.callMethod as Fn)(...args);
      else fbq.queue.push(args);
    }, { queue: [] as unknown[], loaded: true, version: '2.0', callMethod: undefined as Fn | undefined });
    window.fbq = fbq;
    fbq('init', '1234');
    fbq('track', 'PageView');
    run('surrogates/fbevents.js', window);
    expect(fbq.queue).toEqual([]);
    expect(() => fbq('track', 'Purchase', { value: 1, currency: 'EUR' })).not.toThrow();
    expect(fbq.queue).toEqual([]);
    expect(((window.fbq as unknown as { getState(): { pixels: unknown[] } }).getState()).pixels).toEqual([{ id: '1234' }]);
  });
});

describe('adsbygoogle.js (AdSense)', () => {
  it('accepts queued and later pushes and marks the ad slots done', () => {
    // Tried: a slot pushed before load and one after.
    const slot = (): FakeElement => ({ attrs: {}, setAttribute(name, value) { this.attrs[name] = value; } });
    const slots = [slot()];
    const window = page('', slots);
    window.adsbygoogle = [{}];
    run('surrogates/adsbygoogle.js', window);
    expect(slots[0]!.attrs['data-adsbygoogle-status']).toBe('done');
    slots.push(slot());
    (window.adsbygoogle as { push(o: object): void }).push({});
    expect(slots[1]!.attrs['data-adsbygoogle-status']).toBe('done');
    expect((window.adsbygoogle as { loaded: boolean }).loaded).toBe(true);
  });
});
