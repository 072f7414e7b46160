import { resolverLabel } from '../dns/wire/errors';
import { knownResolvers } from '../dns/settings/resolvers';
import type { LookupMessage } from './native-messages';

/**
 * The browser's own lookups that went through the companion, kept in memory for the popup: which resolver was
 * sent which of this page's names. Bounded (oldest first out) and never stored: the exposure ledger (hashed,
 * stored) is the lasting record; this only answers "where did this page's names go".
 */

export type CompanionState = 'off' | 'starting' | 'connected' | 'lost';

/** One resolver the companion sent names of the page to. */
export interface CompanionResolverView {
  url: string;
  label: string;
  operator: string | null;
  /** Distinct names of the page sent to it. */
  names: number;
}

/** The popup's line about the browser's own lookups of the page (TabView.companion). */
export interface CompanionPageView {
  state: CompanionState;
  /** Why it was lost (state 'lost'), as the companion or the browser said. */
  error: string | null;
  /** What the browser does meanwhile when lost: looks names up itself, or blocks relayed requests. */
  onLoss: 'direct' | 'block';
  /** Distinct names of the page the companion reached for the browser. */
  names: number;
  /** Of those, names that went to no resolver (an address, or the companion's cache). */
  unsent: number;
  resolvers: CompanionResolverView[];
}

interface Kept {
  site: string;
  name: string;
  resolver: string | null;
  at: number;
}

export class CompanionLookupMemory {
  private readonly kept: Kept[] = [];

  constructor(private readonly max = 5000) {}

  add(lookup: Pick<LookupMessage, 'site' | 'name' | 'resolver' | 'at'>): void {
    this.kept.push({ site: lookup.site, name: lookup.name, resolver: lookup.resolver, at: lookup.at });
    if (this.kept.length > this.max) this.kept.splice(0, this.kept.length - this.max);
  }

  get size(): number {
    return this.kept.length;
  }

  clear(): void {
    this.kept.length = 0;
  }

  /**
   * The lookups of one page load: made since it started and either for its site (Firefox names the top-level site
   * in every request) or of one of its hosts (Chrome names only the host; a host other tabs share at the same time
   * is counted here too).
   */
  forPage(page: { site: string; startedAt: number; hosts: Iterable<string> }): { names: number; unsent: number; byResolver: Map<string, number> } {
    const hosts = new Set([...page.hosts].map((h) => h.toLowerCase()));
    const resolversOf = new Map<string, Set<string>>();
    for (const k of this.kept) {
      if (k.at < page.startedAt || (k.site !== page.site && !hosts.has(k.name))) continue;
      let set = resolversOf.get(k.name);
      if (!set) resolversOf.set(k.name, (set = new Set()));
      if (k.resolver !== null) set.add(k.resolver);
    }
    const byResolver = new Map<string, number>();
    let unsent = 0;
    for (const set of resolversOf.values()) {
      if (set.size === 0) unsent++;
      for (const r of set) byResolver.set(r, (byResolver.get(r) ?? 0) + 1);
    }
    return { names: resolversOf.size, unsent, byResolver };
  }
}

/** The popup's view from the state and the page's lookups, resolvers most names first. */
export function companionPageView(
  status: { state: CompanionState; error: string | null; onLoss: 'direct' | 'block' },
  page: ReturnType<CompanionLookupMemory['forPage']>,
): CompanionPageView {
  const { state, error, onLoss } = status;
  const known = knownResolvers();
  const resolvers = [...page.byResolver]
    .map(([url, names]): CompanionResolverView => ({ url, label: resolverLabel(url), operator: known.get(url)?.operator ?? null, names }))
    .sort((a, b) => b.names - a.names || a.label.localeCompare(b.label));
  return { state, error: state === 'lost' ? error : null, onLoss, names: page.names, unsent: page.unsent, resolvers };
}
