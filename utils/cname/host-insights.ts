/**
 * What the resolver pool told about each host of a page load: its CNAME chain and addresses, the operator
 * that serves it, and a cloak if one was found. Held in memory per page load, each host looked up once per
 * load (a second request to the host shares the first lookup), bounded to the most recent page loads.
 */
import type { InfraAttribution } from '../infra/operator-lookup';
import type { CloakFinding } from './detect-cloak';

/**
 * Longest Firefox holds a request while its host's first lookup runs. Cached answers decide at once; a local
 * or nearby DoH resolver answers well inside it (bench/cname-wait.ts), and a slower answer lets the request
 * go and teaches the rule for the next one.
 */
export const CLOAK_WAIT_MS = 150;

export interface HostInsight {
  host: string;
  cnameChain: string[];
  addresses: string[];
  /** Who serves the host; null when no listed operator matched (or the lookup failed). */
  infra: InfraAttribution | null;
  cloak: CloakFinding | null;
  /** Resolvers this host's name was sent to for the page (the one that answered; or each one tried, on failure). */
  resolvers: string[];
  /** Set when the pool could not answer: the host stays unattributed, nothing is learned. */
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

export class PageInsights {
  private readonly pages = new Map<string, Map<string, Slot>>();

  constructor(private readonly maxPages = 200) {}

  /** The host's lookup on this page load, started by `start` the first time the host is seen on it. */
  lookup(pageLoadId: string, host: string, start: () => Promise<HostInsight>): Slot {
    let hosts = this.pages.get(pageLoadId);
    if (!hosts) {
      hosts = new Map();
      this.pages.set(pageLoadId, hosts);
      // Oldest page loads go first; their tabs have long navigated on.
      while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value as string);
    }
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
    for (const [host, slot] of this.pages.get(pageLoadId) ?? []) if (slot.insight) out.set(host, slot.insight);
    return out;
  }

  has(pageLoadId: string, host: string): boolean {
    return this.pages.get(pageLoadId)?.has(host) ?? false;
  }
}

/**
 * Waits for `promise` at most `ms`: its value, or undefined when the bound came first (the promise goes on
 * and its result is used next time). A rejected promise also answers undefined: a failed lookup decides nothing.
 */
export function within<T>(promise: Promise<T>, ms: number, timer: (run: () => void, ms: number) => unknown = setTimeout): Promise<T | undefined> {
  return new Promise((resolve) => {
    timer(() => resolve(undefined), ms);
    promise.then(resolve, () => resolve(undefined));
  });
}
