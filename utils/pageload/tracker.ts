import { byRequestsThenHost, zeroCounters, type BlockedRequest, type ConnectionSecurity, type Counters, type HostCount, type ObservedRequest, type PageLoad, type PageLoadView } from './page-load';
import { securityCounters } from './security-counters';
import { networkHost, pageUrlForRecord } from './request-filter';
import { registrableDomain } from '../site/registrable-domain';

/** Where the tracker sends what it decides; the background backs this with the batched store. */
export interface PageLoadSink {
  beginPageLoad(load: PageLoad): void;
  /** Adds `delta` to the host's counters in that page load. */
  count(pageLoadId: string, host: string, delta: Partial<Counters>): void;
  forgetTab(tabId: number): void;
}

export interface TrackerDeps {
  sink: PageLoadSink;
  now: () => number;
  newId: () => string;
  /** The tabs' current page loads as last persisted, so a restarted worker goes on where it stopped. */
  restore: () => Promise<PageLoad[]>;
}

/**
 * Groups requests into page loads: a top-level navigation (main_frame) starts a new page load for its tab;
 * every other request of that tab, from any frame, belongs to the tab's current page load.
 * Events that arrive while the persisted state is being restored wait, in order, so none is lost or reordered.
 */
export class PageLoadTracker {
  private readonly current = new Map<number, PageLoad>();
  /**
   * Host counts of the current page loads that began in this worker's lifetime: complete, so the popup can
   * be answered without a storage read. Loads restored after a restart are not here; their counts are in storage.
   */
  private readonly live = new Map<string, Map<string, HostCount>>();
  private pending: (() => void)[] | null = [];

  constructor(private readonly deps: TrackerDeps) {}

  /** Loads the persisted per-tab state, then applies the events that came in meanwhile. */
  async start(): Promise<void> {
    for (const load of await this.deps.restore()) this.current.set(load.tabId, load);
    const queued = this.pending ?? [];
    this.pending = null;
    for (const apply of queued) apply();
  }

  observe(request: ObservedRequest): void {
    this.run(() => this.apply(request));
  }

  /** A request of the tab's current page load was blocked: it was counted as a request already. */
  blocked(request: BlockedRequest): void {
    // A blocked request never crossed the network, so it no longer counts as sent in clear text.
    this.run(() => this.add(request.tabId, request.url, isClearText(request.url) ? { blocked: 1, clear: -1 } : { blocked: 1 }));
  }

  /** The browser described the connection of a response of the tab's current page load (Firefox). */
  secured(request: BlockedRequest, security: ConnectionSecurity): void {
    this.run(() => this.add(request.tabId, request.url, securityCounters(security)));
  }

  tabClosed(tabId: number): void {
    this.run(() => {
      const load = this.current.get(tabId);
      if (load) this.live.delete(load.id);
      this.current.delete(tabId);
      this.deps.sink.forgetTab(tabId);
    });
  }

  /**
   * The user deleted `site` from history: the tabs on it drop their page load, counts included, so neither the
   * popup nor a later write brings it back. What such a tab requests next begins a new page load, as for a tab
   * first seen mid-page: the history and the popup then show only what happened after the deletion.
   */
  forgetSite(site: string): void {
    this.run(() => {
      for (const [tabId, load] of this.current) {
        if (load.site !== site) continue;
        this.current.delete(tabId);
        this.live.delete(load.id);
      }
    });
  }

  currentFor(tabId: number): PageLoad | undefined {
    return this.current.get(tabId);
  }

  /** The tab's current page load with its hosts, from memory; undefined when only storage has them. */
  liveView(tabId: number): PageLoadView | undefined {
    const pageLoad = this.current.get(tabId);
    const counts = pageLoad && this.live.get(pageLoad.id);
    if (!pageLoad || !counts) return undefined;
    const hosts = [...counts.values()].map((c) => ({ ...c }));
    return { pageLoad, hosts: hosts.sort(byRequestsThenHost) };
  }

  private run(action: () => void): void {
    if (this.pending) this.pending.push(action);
    else action();
  }

  private apply(request: ObservedRequest): void {
    // tabId -1: requests of the browser or of extensions themselves, tied to no page.
    if (request.tabId < 0) return;
    const host = networkHost(request.url);
    if (!host) return;
    let load = this.current.get(request.tabId);
    if ((request.type === 'main_frame' && request.frameId === 0) || !load) {
      // A tab seen first mid-page (installed or restarted after it loaded) gets a page load named after
      // the document that made the request.
      const pageUrl = request.type === 'main_frame' ? request.url : (request.documentUrl ?? request.url);
      load = this.begin(request.tabId, pageUrl);
    }
    // Clear text is known from the scheme alone, in both browsers.
    this.record(load, host, isClearText(request.url) ? { requests: 1, clear: 1 } : { requests: 1 });
  }

  /** Adds to a host of the tab's current page load, when there is one and the URL reaches a host. */
  private add(tabId: number, url: string, delta: Partial<Counters>): void {
    const load = this.current.get(tabId);
    const host = networkHost(url);
    if (load && host) this.record(load, host, delta);
  }

  private record(load: PageLoad, host: string, delta: Partial<Counters>): void {
    const counts = this.live.get(load.id);
    if (counts) {
      let count = counts.get(host);
      if (!count) counts.set(host, (count = { host, ...zeroCounters() }));
      for (const [key, n] of Object.entries(delta) as [keyof Counters, number][]) count[key] += n;
    }
    this.deps.sink.count(load.id, host, delta);
  }

  private begin(tabId: number, url: string): PageLoad {
    const host = networkHost(url) ?? '';
    const load: PageLoad = { id: this.deps.newId(), tabId, url: pageUrlForRecord(url), site: registrableDomain(host), startedAt: this.deps.now() };
    const previous = this.current.get(tabId);
    if (previous) this.live.delete(previous.id);
    this.current.set(tabId, load);
    this.live.set(load.id, new Map());
    this.deps.sink.beginPageLoad(load);
    return load;
  }
}

function isClearText(url: string): boolean {
  return url.startsWith('http:') || url.startsWith('ws:');
}
