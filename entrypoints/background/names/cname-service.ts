import type { Attributor } from '@/utils/attribution/table-types';
import { CloakBook, type Evictions, type LearnedCloak } from '@/utils/cname/cloak-book';
import { CLOAK_BOOK_OPTIONS } from '@/utils/cname/cloak-rules';
import type { CloakTargets } from '@/utils/cname/cloak-targets';
import { isLoopbackAddress, isPrivateAddress } from '@/utils/site/private-names';
import { detectCloak, type CloakFinding } from '@/utils/cname/detect-cloak';
import { PageInsights, type HostInsight } from '@/utils/cname/host-insights';
import { within } from '@/utils/async/within';
import type { NameAnswer } from '@/utils/cname/name-answer';
import { lookupScope } from '@/utils/cname/lookup-scope';
import { ResolutionError } from '@/utils/dns/wire/errors';
import type { InfraAttribution, InfraAttributor } from '@/utils/infra/operator-lookup';
import { registrableDomain } from '@/utils/site/registrable-domain';
import type { CloakStore } from '../store/cname-store';

/** A page load as uncloaking needs it: its id, its site and the host of its main document. */
export interface PageRef {
  id: string;
  site: string;
  host: string;
}

export interface CnameServiceDeps {
  /**
   * Looks a first-party subdomain up on behalf of the page's site: the resolver pool (cache first), or on
   * Firefox by default the browser's own resolver. A ResolutionError names each pool resolver tried.
   */
  resolve(host: string, site: string): Promise<NameAnswer>;
  targets(): Promise<CloakTargets>;
  infra(): Promise<InfraAttributor>;
  /** Keeps host → operator for history (only operators found; an unlisted address or a failed lookup says nothing). */
  rememberOperator?: (host: string, operator: string | null) => void;
  attributor(): Promise<Attributor>;
  store: CloakStore;
  syncRules(entries: readonly LearnedCloak[]): Promise<void>;
  /** Whether the user's policy for the site lets a tracker of `organization` be blocked (not `off`, not allowed). */
  mayBlock(site: string, organization: string): Promise<boolean>;
  now(): number;
}

/** A learned cloak not seen for this long is dropped at start-up: its site is no longer visited. */
const IDLE_MS = 30 * 86_400_000;
/** A refreshed cloak's stored lastSeen may lag this much; saving every sighting would write on every page load. */
const SAVE_SEEN_AFTER_MS = 3_600_000;
/** Hosts whose companion-connected address is kept (a few pages' worth). */
const RELAYED_HOSTS = 2_000;

export interface CloakState {
  evictions: Evictions;
  /** The browser refused the cloak rules (its words); null while they are in force. */
  ruleError: string | null;
}

/**
 * CNAME uncloaking and infrastructure attribution for every host a page contacts: one lookup per host and
 * page load through the resolver pool, an operator for each host, and learned cloaks kept in the book,
 * persisted and mirrored into dynamic rules. `decide` is the bounded wait of Firefox's blocking listener.
 */
export class CnameService {
  readonly insights = new PageInsights();
  private book: Promise<CloakBook> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private ruleError: string | null = null;
  private attribute: Attributor | undefined;
  /** The cloak targets once loaded: a host they list is a known tracker, blocked by name, never looked up. */
  private knownTargets: CloakTargets | undefined;
  private readonly relayedTo = new Map<string, string>();

  constructor(private readonly deps: CnameServiceDeps) {}

  /** Reads the stored book once, drops idle entries and rebuilds the rules: storage is the truth. */
  start(): Promise<CloakBook> {
    if (!this.book) {
      // The tables every lookup needs (cloak targets from the rule side table, the operator tables: ~1.4 MB of JSON)
      // load now rather than in the first page's first lookup, which Firefox holds at most CLOAK_WAIT_MS: on a busy
      // machine parsing them took longer (the CNAME e2e failed so in CI). A failure is reported by the lookups.
      this.deps.targets().then((targets) => void (this.knownTargets = targets), () => undefined);
      this.deps.infra().catch(() => undefined);
      // An unreadable store must not stop uncloaking: start with an empty book (the next save replaces it).
      const stored = this.deps.store.load().catch((error: unknown) => (console.error('Diffuse: could not read learned cloaks', error), undefined));
      // The company table decides which hosts Firefox may hold; loaded alongside, its failure only means "wait for all".
      const companies = this.deps.attributor().then((a) => void (this.attribute = a), () => undefined);
      this.book = Promise.all([stored, companies]).then(([json]) => {
        const book = CloakBook.fromJSON(json, CLOAK_BOOK_OPTIONS);
        const pruned = book.pruneIdle(this.deps.now() - IDLE_MS);
        this.persist(book, pruned, true);
        return book;
      });
    }
    return this.book;
  }

  /** Starts (once per page load) the lookup of `host` for the page, or records why it is not looked up. */
  see(page: PageRef, host: string) {
    return this.insights.lookup(page.id, host, () => this.inspect(page, host));
  }

  /**
   * The browser reached `host` at `address` (webRequest `ip`): the operator serving it comes from there, not
   * from a lookup (docs/infrastructure.md). A main document from a private address makes the page private.
   */
  connected(page: PageRef, host: string, address: string, mainDocument: boolean): void {
    if (mainDocument && isPrivateAddress(address)) this.insights.markPrivate(page.id);
    if (!this.insights.connected(page.id, host, address) || !this.deps.rememberOperator) return;
    const remember = this.deps.rememberOperator;
    // Only an operator found is remembered: an address no table lists says nothing, and must not erase one
    // the host's CNAME chain named (inspect).
    void this.deps.infra().then((infra) => {
      const served = this.operatorOf(infra, page.id, host);
      if (served) remember(host, served.operator);
    }, () => undefined);
  }

  /**
   * The companion connected to `host` at `address`: behind its proxy webRequest reports 127.0.0.1 for every
   * request, so this is the address that says who serves the host. Kept for the most recent hosts.
   */
  relayed(host: string, address: string): void {
    this.relayedTo.delete(host);
    this.relayedTo.set(host, address);
    if (this.relayedTo.size > RELAYED_HOSTS) this.relayedTo.delete(this.relayedTo.keys().next().value as string);
  }

  /** Who serves each host of the page load: its CNAME chain's CDN name if looked up, else the address reached. */
  async operators(pageLoadId: string): Promise<(host: string) => InfraAttribution | null | undefined> {
    const infra = await this.deps.infra();
    return (host) => this.operatorOf(infra, pageLoadId, host);
  }

  private operatorOf(infra: InfraAttributor, pageLoadId: string, host: string): InfraAttribution | null | undefined {
    const insight = this.insights.get(pageLoadId, host);
    const reached = this.insights.addressesOf(pageLoadId).get(host);
    const address = reached === undefined || isLoopbackAddress(reached) ? (this.relayedTo.get(host) ?? reached) : reached;
    if (!insight && address === undefined) return undefined; // not known yet
    return infra({ host, cnameChain: insight?.cnameChain ?? [], addresses: address === undefined ? [] : [address] });
  }

  /**
   * Firefox's blocking listener: whether to cancel this request. A finished lookup decides at once; one still
   * running is waited for at most `waitMs`, and only for hosts that can hide a tracker unseen (the site's own
   * subdomains and hosts with no known owner); past the bound the request goes and the lookup teaches the
   * rule for next time. Synchronous whenever no wait is needed.
   */
  decide(page: PageRef, host: string, waitMs: number): boolean | Promise<boolean> {
    const { site } = page;
    const slot = this.see(page, host);
    if (slot.insight) return slot.insight.cloak ? this.deps.mayBlock(site, slot.insight.cloak.organization) : false;
    if (slot.waitedOut || !this.mayHide(site, host)) return false;
    return within(slot.done, waitMs).then((insight) => {
      if (!insight) {
        slot.waitedOut = true;
        return false;
      }
      return insight.cloak ? this.deps.mayBlock(site, insight.cloak.organization) : false;
    });
  }

  /** The cloaks found on a page load, and the book's evictions and rule state. */
  async state(): Promise<CloakState> {
    return { evictions: (await this.start()).evictions, ruleError: this.ruleError };
  }

  cloaksOf(pageLoadId: string): CloakFinding[] {
    return [...this.insights.of(pageLoadId).values()].flatMap((i) => (i.cloak ? [i.cloak] : []));
  }

  private mayHide(site: string, host: string): boolean {
    if (registrableDomain(host) === site) return true;
    // Until the company table is loaded every host counts as unknown: wait rather than miss.
    return this.attribute ? this.attribute(host) === null : true;
  }

  private async inspect(page: PageRef, host: string): Promise<HostInsight> {
    const { site } = page;
    const none = { host, cnameChain: [], addresses: [], infra: null, cloak: null, resolvers: [] };
    // Only what uncloaking must ask (lookup-scope.ts): the page's own subdomains, nothing private.
    const scope = lookupScope({
      host,
      pageHost: page.host,
      site,
      pagePrivate: this.insights.isPrivate(page.id),
      knownTracker: this.knownTargets?.match(host) != null,
    });
    if (!scope.ask) return { ...none, via: 'none', kept: scope.reason, ...(scope.reason === 'never-sent' ? { neverSent: scope.why } : {}) };
    // The query goes out first, so the tables below (loaded once) never delay it; its failure is handled where
    // it is awaited.
    const asked = this.deps.resolve(host, site);
    asked.catch(() => undefined);
    let answer;
    try {
      answer = await asked;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Each resolver tried was still sent the name: the page's view of who could have learnt it says so.
      const tried = error instanceof ResolutionError ? error.attempts.map((a) => a.resolver) : [];
      return { ...none, via: tried.length ? 'pool' : 'browser', resolvers: tried, error: message };
    }
    const { cnameChain, addresses, ttl, via, resolvers } = answer;
    const cloak = detectCloak({ site, host, cnameChain }, await this.deps.targets());
    await this.remember(site, host, cloak, ttl);
    // The CNAME chain's CDN names only; addresses come from the connection the browser made (operators()).
    const infra = (await this.deps.infra())({ host, cnameChain, addresses: [] });
    if (infra) this.deps.rememberOperator?.(host, infra.operator);
    return { host, cnameChain, addresses, infra, cloak, via, resolvers };
  }

  /** A fresh answer refreshes, adds or removes the host's learned cloak. */
  private async remember(site: string, host: string, cloak: CloakFinding | null, ttl: number): Promise<void> {
    const book = await this.start();
    const now = this.deps.now();
    if (!cloak) {
      if (book.forget(site, host)) this.persist(book, true, true);
      return;
    }
    const previous = book.find(site, host);
    const { rulesChanged, evicted } = book.learn(cloak, ttl, now);
    if (evicted.length) console.warn(`Diffuse: ${evicted.length} learned cloak rule(s) evicted (limit ${CLOAK_BOOK_OPTIONS.capacity})`);
    this.persist(book, rulesChanged || !previous || now - previous.lastSeen > SAVE_SEEN_AFTER_MS, rulesChanged);
  }

  /**
   * What history's deletions ask of the learned cloaks (they name the sites visited): `change` edits the book,
   * and when it dropped anything the book is stored and the rules re-synced before this resolves.
   */
  async forgetCloaks(change: (book: CloakBook) => boolean): Promise<void> {
    const book = await this.start();
    if (change(book)) this.persist(book, true, true);
    await this.settled();
  }

  /** Saves and re-syncs one change after another, so two quick changes cannot interleave their rule updates. */
  private persist(book: CloakBook, save: boolean, sync: boolean): void {
    if (!save && !sync) return;
    const task = async () => {
      if (save) await this.deps.store.save(book.toJSON());
      if (!sync) return;
      try {
        await this.deps.syncRules(book.entries());
        this.ruleError = null;
      } catch (error) {
        this.ruleError = error instanceof Error ? error.message : String(error);
        console.error('Diffuse: the browser refused the cloak rules:', this.ruleError);
      }
    };
    this.queue = this.queue.then(task, task).catch((error: unknown) => console.error('Diffuse: could not store learned cloaks', error));
  }

  /** Resolves when every pending save and rule update is done (tests, and before answering the popup). */
  async settled(): Promise<void> {
    await this.queue;
  }
}
