/**
 * What uncloaking learnt about each host of a page load: its CNAME chain, the operator its names point to, a
 * cloak if one was found, or why the name was kept back; and, from the browser, the address each host was
 * reached at and whether the page itself came from a private address. Held in memory per page load, each host
 * looked up at most once per load (a second request shares the first lookup), bounded to recent page loads.
 */
import type { InfraAttribution } from '../infra/operator-lookup';
import type { CloakFinding } from './detect-cloak';
import type { SkipReason } from './lookup-scope';
import type { NeverSentReason } from '../site/private-names';

/**
 * Longest Firefox holds a request while its host's first lookup runs. Cached answers decide at once; a local
 * or nearby DoH resolver answers well inside it (bench/cname-wait.ts), and a slower answer lets the request
 * go and teaches the rule for the next one.
 */
export const CLOAK_WAIT_MS = 150;

/**
 * How a host's name was looked up: through Diffuse's resolver pool (a resolver may learn the site), through
 * the browser's own resolver (Firefox's dns.resolve: the page had just resolved it, no one new learns it), or
 * not at all (`kept` says why: utils/cname/lookup-scope.ts).
 */
export type LookupVia = 'pool' | 'browser' | 'none';

export interface HostInsight {
  host: string;
  cnameChain: string[];
  addresses: string[];
  /** The operator the CNAME chain names (a CDN's name); the connected address decides otherwise (tab view). */
  infra: InfraAttribution | null;
  cloak: CloakFinding | null;
  via: LookupVia;
  /** Why the name was not looked up (via `none`). */
  kept?: SkipReason;
  /** With `kept: 'never-sent'`: which rule of utils/site/private-names.ts kept it. */
  neverSent?: NeverSentReason;
  /** Pool resolvers this host's name was sent to for the page (the one that answered; or each one tried, on failure). */
  resolvers: string[];
  /** Set when the lookup failed: nothing is learned. */
  error?: string;
}

interface Slot {
  done: Promise<HostInsight>;
  insight?: HostInsight;
  /** A blocking wait already ran out for this host on this page: later requests do not wait again. */
  waitedOut?: boolean;
  /** This slot is the one retry of a failed lookup. */
  retried?: boolean;
}

interface Page {
  hosts: Map<string, Slot>;
  /** Host → the address the browser reached it at (webRequest `ip`), the first one seen. */
  connected: Map<string, string>;
  /** The main document came from a private address: nothing of this page is looked up. */
  private: boolean;
}

export class PageInsights {
  private readonly pages = new Map<string, Page>();

  constructor(private readonly maxPages = 200) {}

  private page(pageLoadId: string): Page {
    let page = this.pages.get(pageLoadId);
    if (!page) {
      page = { hosts: new Map(), connected: new Map(), private: false };
      this.pages.set(pageLoadId, page);
      // Oldest page loads go first; their tabs have long navigated on.
      while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value as string);
    }
    return page;
  }

  /** The host's lookup on this page load, started by `start` the first time the host is seen on it. */
  lookup(pageLoadId: string, host: string, start: () => Promise<HostInsight>): Slot {
    const hosts = this.page(pageLoadId).hosts;
    let slot = hosts.get(host);
    // A lookup that failed (a resolver timing out on a busy machine, say) is tried once more the next time the
    // host is seen on this page load, so one slow answer does not leave the host unexamined for the whole load.
    const retry = slot?.insight?.error !== undefined && !slot.retried;
    if (!slot || retry) {
      const created: Slot = { done: start(), retried: retry || undefined };
      created.done.then((insight) => (created.insight = insight), () => undefined);
      hosts.set(host, (slot = created));
    }
    return slot;
  }

  /** The finished lookups of a page load, by host. */
  of(pageLoadId: string): Map<string, HostInsight> {
    const out = new Map<string, HostInsight>();
    for (const [host, slot] of this.pages.get(pageLoadId)?.hosts ?? []) if (slot.insight) out.set(host, slot.insight);
    return out;
  }

  /** One host's finished lookup on this page load (without building the page's whole map: a per-response path). */
  get(pageLoadId: string, host: string): HostInsight | undefined {
    return this.pages.get(pageLoadId)?.hosts.get(host)?.insight;
  }

  has(pageLoadId: string, host: string): boolean {
    return this.pages.get(pageLoadId)?.hosts.has(host) ?? false;
  }

  /** Records the address the browser reached `host` at; answers false when one was already known. */
  connected(pageLoadId: string, host: string, address: string): boolean {
    const connected = this.page(pageLoadId).connected;
    if (connected.has(host)) return false;
    connected.set(host, address);
    return true;
  }

  /** Host → the address the browser reached it at, on this page load. */
  addressesOf(pageLoadId: string): ReadonlyMap<string, string> {
    return this.pages.get(pageLoadId)?.connected ?? new Map();
  }

  markPrivate(pageLoadId: string): void {
    this.page(pageLoadId).private = true;
  }

  isPrivate(pageLoadId: string): boolean {
    return this.pages.get(pageLoadId)?.private ?? false;
  }
}
