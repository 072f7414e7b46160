import { byRequestsThenHost, zeroCounters, type BlockedRequest, type ConnectionSecurity, type Counters, type HostCount, type ObservedRequest, type PageLoad, type PageLoadView } from './page-load';
import { securityCounters } from './security-counters';
import { networkHost, pageUrlForRecord } from './request-filter';
import { registrableDomain } from '../site/registrable-domain';
import type { StartGap } from './start-gap';

/** A page load begun this long before a document's navigation is an earlier document's (a page load's start is taken when its main_frame request is seen). */
const SAME_DOCUMENT_MS = 1_000;

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
  /** While the tabs' documents are being learnt (hold): per tab with no page load yet, its events in order. */
  private held: Map<number, (() => void)[]> | null = null;

  constructor(private readonly deps: TrackerDeps) {}

  /** Loads the persisted per-tab state, then applies the events that came in meanwhile. */
  async start(): Promise<void> {
    for (const load of await this.deps.restore()) this.current.set(load.tabId, load);
    const queued = this.pending ?? [];
    this.pending = null;
    for (const apply of queued) apply();
  }

  observe(request: ObservedRequest): void {
    this.run(() => this.forTab(request.tabId, () => this.apply(request), request.type === 'main_frame' && request.frameId === 0));
  }

  /** A request of the tab's current page load was blocked: it was counted as a request already. */
  blocked(request: BlockedRequest): void {
    // A blocked request never crossed the network, so it no longer counts as sent in clear text.
    this.run(() => this.forTab(request.tabId, () => this.add(request.tabId, request.url, isClearText(request.url) ? { blocked: 1, clear: -1 } : { blocked: 1 })));
  }

  /** The browser described the connection of a response of the tab's current page load (Firefox). */
  secured(request: BlockedRequest, security: ConnectionSecurity): void {
    this.run(() => this.forTab(request.tabId, () => this.add(request.tabId, request.url, securityCounters(security))));
  }

  /**
   * From now until `release`, the events of a tab that this worker has not seen begin a page load wait, unless
   * they begin one: the tab's document is being learnt (recover). A page load begun from a later request would
   * be named after that request's frame, not the page, and one restored from storage may be an earlier
   * document's (a browser restart reuses tab ids in Firefox). Called before the first event can arrive.
   */
  hold(): void {
    this.held ??= new Map();
  }

  /** Applies every held event, tab by tab in order, and stops holding. */
  release(): void {
    this.run(() => {
      const held = this.held;
      this.held = null;
      for (const actions of held?.values() ?? []) for (const action of actions) action();
    });
  }

  /**
   * The tab's page load restored from storage for the document `gap` names, if that is what the tab has: the
   * worker that began it counted what it was delivered, and the adapter reads those stored counts for recover.
   */
  restoredFor(gap: StartGap): PageLoad | undefined {
    const load = this.current.get(gap.tabId);
    return load && this.isSameDocument(load, gap) && !this.live.has(load.id) ? load : undefined;
  }

  /**
   * Requests the tab's document made before the listener was registered (utils/pageload/start-gap.ts). They go
   * into the tab's page load when this worker began it for that document (from a later request); a tab with no
   * page load, or one left from an earlier document, begins one for the document. A load restored from storage
   * for the same document was begun by an earlier worker, which may have stopped before writing all it counted
   * (Firefox restarts an updated add-on with no event to write on; measured in tests/e2e/start-up.e2e.ts): per
   * host, what the timeline holds beyond `stored` (that load's stored request counts) goes in.
   */
  recover(gap: StartGap, stored?: ReadonlyMap<string, number>): void {
    this.run(() => {
      let load = this.current.get(gap.tabId);
      const restored = load !== undefined && this.isSameDocument(load, gap) && !this.live.has(load.id);
      if (!load || !this.isSameDocument(load, gap)) load = this.begin(gap.tabId, gap.documentUrl, gap.documentStart);
      const alreadyCounted = new Map(restored ? (stored ?? []) : []);
      for (const request of gap.missed) {
        const host = networkHost(request.url);
        if (!host) continue;
        const left = alreadyCounted.get(host) ?? 0;
        if (left > 0) alreadyCounted.set(host, left - 1);
        else if (!restored || stored) this.record(load, host, requestCounters(request.url));
      }
      // The tab's page load is known now: what it did since goes into it.
      const waiting = this.held?.get(gap.tabId);
      this.held?.delete(gap.tabId);
      for (const action of waiting ?? []) action();
    });
  }

  private isSameDocument(load: PageLoad, gap: StartGap): boolean {
    return load.startedAt >= gap.documentStart - SAME_DOCUMENT_MS;
  }

  tabClosed(tabId: number): void {
    this.run(() => this.forTab(tabId, () => {
      const load = this.current.get(tabId);
      if (load) this.live.delete(load.id);
      this.current.delete(tabId);
      this.deps.sink.forgetTab(tabId);
    }));
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

  /** Applies an event of a tab now, or holds it behind the tab's held ones (see hold). */
  private forTab(tabId: number, action: () => void, beginsLoad = false): void {
    const queue = this.held?.get(tabId);
    if (queue) queue.push(action);
    else if (this.held && tabId >= 0 && !beginsLoad && !this.live.has(this.current.get(tabId)?.id ?? '')) this.held.set(tabId, [action]);
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
    this.record(load, host, requestCounters(request.url));
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

  private begin(tabId: number, url: string, startedAt = this.deps.now()): PageLoad {
    const host = networkHost(url) ?? '';
    const load: PageLoad = { id: this.deps.newId(), tabId, url: pageUrlForRecord(url), site: registrableDomain(host), startedAt };
    const previous = this.current.get(tabId);
    if (previous) this.live.delete(previous.id);
    this.current.set(tabId, load);
    this.live.set(load.id, new Map());
    this.deps.sink.beginPageLoad(load);
    return load;
  }
}

/** One request; clear text is known from the scheme alone, in both browsers. */
function requestCounters(url: string): Partial<Counters> {
  return isClearText(url) ? { requests: 1, clear: 1 } : { requests: 1 };
}

function isClearText(url: string): boolean {
  return url.startsWith('http:') || url.startsWith('ws:');
}
