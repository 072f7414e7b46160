import { TtlCache } from './cache';
import { resolveOnce, type DohAnswer, type FetchLike } from './doh-client';
import { ResolutionError, ResolverError, type Attempt } from '../wire/errors';
import { HealthTracker, type HealthOptions, type HealthSnapshot } from './health';
import { ExposureLedger } from '../ledger/ledger';
import { validateResolverUrl } from '../settings/resolvers';
import { Selector, siteGroup, type Strategy } from './selection';
import { SpeedPreference, type SpeedTiers } from './speed-tiers';
import { normalizeName } from '../wire/dns-message';
import type { RecordType } from '../wire/record-type';

export interface PoolOptions {
  fetch: FetchLike;
  /** Milliseconds clock (Date.now in production). */
  now: () => number;
  /** Uniform in [0, 1) (Math.random), for the `random` strategy. */
  random: () => number;
  /** Per-install secret from crypto.getRandomValues, at least 16 bytes; keys selection and the ledger. */
  secret: Uint8Array;
  /** Resolver URL templates, in the user's order (it matters only for `single`). */
  resolvers: readonly string[];
  strategy?: Strategy;
  /** Re-keying period of the selection hash in ms; off (0) by default. */
  rekeyPeriodMs?: number;
  /** Cache entries per resolver. */
  cacheSize?: number;
  health?: Omit<HealthOptions, 'now'>;
  /** A ledger restored from storage; a new one otherwise. */
  ledger?: ExposureLedger;
  /** Lean the hashed strategies toward faster resolvers (speed-tiers.ts); off by default. */
  preferFast?: boolean;
  /** Tiers restored from storage, so a restart does not move sites; learnt afresh otherwise. */
  speedTiers?: SpeedTiers;
  /** Told when the tiers change (rarely, by design), to persist them. */
  onSpeedTiers?: (tiers: SpeedTiers) => void;
}

export interface PoolAnswer {
  name: string;
  type: RecordType;
  /** The group the lookup was routed by: the top-level site's registrable domain, else the name's. */
  site: string;
  rcode: 'NOERROR' | 'NXDOMAIN';
  addresses: string[];
  cnameChain: string[];
  /** Seconds the answer stays valid (remaining, for a cached one). */
  ttl: number;
  /** Template of the resolver that answered (or whose cache did). */
  resolver: string;
  fromCache: boolean;
}

/**
 * Every lookup of the extension goes through here. Per lookup: the strategy orders the resolvers, those out
 * of service (open circuit) are skipped as if removed, the first is asked through its own cache, and on
 * failure the next one only: never all of them, never two at once (the shared DoH note, "Failover").
 */
export class ResolverPool {
  readonly health: HealthTracker;
  readonly ledger: ExposureLedger;
  /** The "prefer faster resolvers" choice and the speed tiers it weighs by (learnt whether it is on or off). */
  readonly speed: SpeedPreference;
  private readonly fetch: FetchLike;
  private readonly now: () => number;
  private readonly selector: Selector;
  private readonly cacheSize: number | undefined;
  private readonly caches = new Map<string, TtlCache<DohAnswer>>();
  private list: string[] = [];

  constructor(options: PoolOptions) {
    this.fetch = options.fetch;
    this.now = options.now;
    this.cacheSize = options.cacheSize;
    this.health = new HealthTracker({ ...options.health, now: options.now });
    this.ledger = options.ledger ?? new ExposureLedger({ secret: options.secret, now: options.now });
    this.selector = new Selector({
      strategy: options.strategy ?? 'site',
      secret: options.secret,
      random: options.random,
      now: options.now,
      rekeyPeriodMs: options.rekeyPeriodMs,
    });
    this.speed = new SpeedPreference({
      enabled: options.preferFast ?? false,
      tiers: options.speedTiers ?? {},
      setWeights: (weights) => this.selector.setWeights(weights),
      onChange: options.onSpeedTiers,
    });
    this.setResolvers(options.resolvers);
  }

  get resolvers(): readonly string[] {
    return this.list;
  }

  get strategy(): Strategy {
    return this.selector.strategy;
  }

  set strategy(strategy: Strategy) {
    this.selector.strategy = strategy;
  }

  /** Replaces the list; resolvers kept keep their cache and health. Throws on a URL that is not acceptable. */
  setResolvers(templates: readonly string[]): void {
    const list: string[] = [];
    for (const template of templates) {
      const check = validateResolverUrl(template);
      if (!check.ok) throw new Error(`${template}: ${check.error}`);
      if (!list.includes(check.url)) list.push(check.url);
    }
    for (const id of this.list) {
      if (!list.includes(id)) {
        this.caches.delete(id);
        this.health.forget(id);
      }
    }
    this.list = list;
  }

  healthSnapshot(): HealthSnapshot[] {
    return this.list.map((id) => this.health.snapshot(id));
  }

  clearCaches(): void {
    for (const cache of this.caches.values()) cache.clear();
  }

  /**
   * Looks `name` up on behalf of the top-level `site` (omit it for a lookup tied to no page). NXDOMAIN is an
   * answer; only when no resolver answers does it throw a ResolutionError (InvalidNameError for a bad name).
   */
  async resolve(name: string, type: RecordType, context: { site?: string } = {}): Promise<PoolAnswer> {
    const qname = normalizeName(name);
    const group = siteGroup(qname, context.site);
    const resolvers = this.list;
    if (resolvers.length === 0) throw new ResolutionError(qname, type, []);
    // From the call to the first send nothing awaits (choosing and recording are synchronous), so no other lookup
    // runs in between: the health check and a half-open probe claim are atomic.
    const order = this.selector.order(qname, context.site, resolvers);
    const key = `${type} ${qname}`;
    const first = order[0];
    const firstHit = first === undefined ? undefined : this.cacheOf(first).get(key);
    if (first !== undefined && firstHit) return this.answer(qname, type, group, first, firstHit.value, firstHit.ttl, true);
    const available = order.filter((id) => this.health.isAvailable(id));
    // All out of service: still ask the site's own first two rather than refuse; they already know the site.
    const chosen = (available.length > 0 ? available : order).slice(0, 2);
    const attempts: Attempt[] = [];
    for (const [index, id] of chosen.entries()) {
      const lastChance = index === chosen.length - 1;
      try {
        const result = await this.cacheOf(id).lookup(key, () => this.send(id, qname, type, group, lastChance));
        return this.answer(qname, type, group, id, result.value, result.ttl, result.fromCache);
      } catch (error) {
        if (!(error instanceof ResolverError)) throw error;
        attempts.push({ resolver: id, reason: error.reason, message: error.message });
      }
    }
    throw new ResolutionError(qname, type, attempts);
  }

  /** One query to one resolver. All before its first await runs in the caller's turn (see TtlCache.lookup). */
  private async send(id: string, name: string, type: RecordType, group: string, lastChance: boolean): Promise<{ value: DohAnswer; ttl: number }> {
    this.health.beginAttempt(id);
    const timeoutMs = this.health.timeoutFor(id, lastChance);
    const started = this.now();
    // Recorded before sending: a query that times out may still have reached the resolver.
    this.ledger.record(id, group, name);
    try {
      const answer = await resolveOnce({ fetch: this.fetch, template: id, name, type, timeoutMs, now: this.now });
      this.health.recordSuccess(id, answer.elapsedMs);
      this.speed.observe(id, answer.elapsedMs, this.list, this.now());
      return { value: answer, ttl: answer.ttl };
    } catch (error) {
      if (error instanceof ResolverError) {
        const latency = error.reason === 'timeout' ? timeoutMs : error.reason === 'server-failure' ? this.now() - started : undefined;
        this.health.recordFailure(id, error.reason, error.message, latency);
      }
      throw error;
    }
  }

  private cacheOf(id: string): TtlCache<DohAnswer> {
    let cache = this.caches.get(id);
    if (!cache) this.caches.set(id, (cache = new TtlCache<DohAnswer>({ now: this.now, maxEntries: this.cacheSize })));
    return cache;
  }

  private answer(name: string, type: RecordType, site: string, resolver: string, value: DohAnswer, ttl: number, fromCache: boolean): PoolAnswer {
    // Copies, so a caller editing its answer cannot change what the cache hands the next one.
    return { name, type, site, rcode: value.rcode, addresses: [...value.addresses], cnameChain: [...value.cnameChain], ttl, resolver, fromCache };
  }
}
