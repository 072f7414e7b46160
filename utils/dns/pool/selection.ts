import { registrableDomain } from '../../site/registrable-domain';
import { compareBytes, KeyedHasher } from './keyed-hash';

/**
 * How a lookup picks its resolver (draft-arkko-abcd-distributed-resolver-selection §4):
 * - `site` (default): keyed hash of the top-level site's registrable domain, so one page load stays on one
 *   resolver and each resolver learns only its share of the sites visited;
 * - `name`: keyed hash of the looked-up name's registrable domain (the draft's reduced-name hashing);
 * - `round-robin`, `random`: per query, for comparison only: every resolver ends up seeing almost every name;
 * - `single`: the first resolver in the user's list, the others only as fallback.
 */
export type Strategy = 'site' | 'name' | 'round-robin' | 'random' | 'single';
export const STRATEGIES: readonly Strategy[] = ['site', 'name', 'round-robin', 'random', 'single'];

export function isStrategy(value: unknown): value is Strategy {
  return typeof value === 'string' && (STRATEGIES as readonly string[]).includes(value);
}


/** The group a lookup belongs to: its top-level site, or for a lookup tied to no page, the name's own site. */
export function siteGroup(name: string, site?: string): string {
  return registrableDomain(site && site.trim() !== '' ? site : name);
}

/**
 * Rendezvous (highest random weight) hashing (Thaler and Ravishankar, 1998): each resolver gets the weight
 * HMAC(key, group, resolver) and the group's preference list is the resolvers by falling weight. Removing a
 * resolver moves only the groups that had it first; adding one takes from each about 1/(k+1).
 *
 * With `weightOf` (the "prefer faster resolvers" choice), weighted rendezvous (Schindelhauer and Schomaker,
 * 2005; "logarithmic method"): score = w / -ln(u), u the digest's first 52 bits as a number in (0, 1). A
 * resolver is then first for w/Σw of the groups, and a change of one weight moves only the groups that must
 * move. -1/ln(u) rises with u, so equal weights give the unweighted order: switching the choice on moves no
 * site until the resolvers' speeds actually differ.
 */
export function rendezvousOrder(hasher: KeyedHasher, group: string, resolvers: readonly string[], weightOf?: (id: string) => number): string[] {
  const entries = resolvers.map((id) => ({ id, digest: hasher.digest('rendezvous', `${group}\u0000${id}`) }));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (!weightOf) return entries.sort((a, b) => compareBytes(b.digest, a.digest) || byId(a, b)).map((e) => e.id);
  return entries
    .map((e) => ({ ...e, score: weightOf(e.id) / -Math.log(unitInterval(e.digest)) }))
    .sort((a, b) => b.score - a.score || compareBytes(b.digest, a.digest) || byId(a, b))
    .map((e) => e.id);
}

/** The first 52 bits of a digest as a number strictly between 0 and 1 (the +0.5 keeps ln finite). */
function unitInterval(digest: Uint8Array): number {
  let value = 0;
  for (let i = 0; i < 6; i++) value = value * 256 + (digest[i] ?? 0);
  value = value * 16 + ((digest[6] ?? 0) >> 4);
  return (value + 0.5) / 2 ** 52;
}

export interface SelectorOptions {
  strategy: Strategy;
  secret: Uint8Array;
  /** Uniform in [0, 1), for `random`. */
  random: () => number;
  /** Milliseconds clock, for the re-keying period. */
  now: () => number;
  /**
   * Re-keying period in ms; 0 or absent (the default) keeps the key for good. A new key moves about (k-1)/k
   * of the sites to another resolver each period: an observer can no longer link a site's queries across
   * periods, but over time every resolver learns every site the user keeps visiting.
   */
  rekeyPeriodMs?: number;
}

/** Bound on memoised preference lists (one per site); recomputing costs k HMACs. */
const RANKING_MEMO = 4096;

export class Selector {
  strategy: Strategy;
  private readonly options: SelectorOptions;
  private readonly base: KeyedHasher;
  private epochKey: { epoch: number; hasher: KeyedHasher } | undefined;
  private readonly rankings = new Map<string, readonly string[]>();
  private rankingsFor = '';
  private turn = 0;
  private weights: Readonly<Record<string, number>> | null = null;
  private weightsKey = '';

  constructor(options: SelectorOptions) {
    this.options = options;
    this.strategy = options.strategy;
    this.base = KeyedHasher.create(options.secret); // throws for a bad secret: no selector without its key
  }

  /**
   * Weights for the hashed strategies (the "prefer faster resolvers" choice); null (the default) ranks all
   * resolvers alike. A resolver missing from the record weighs 1.
   */
  setWeights(weights: Readonly<Record<string, number>> | null): void {
    this.weights = weights;
    this.weightsKey = weights ? JSON.stringify(weights) : '';
  }

  /** The epoch mixed into the key: always 0 unless a re-keying period is set. */
  epoch(): number {
    const period = this.options.rekeyPeriodMs ?? 0;
    return period > 0 ? Math.floor(this.options.now() / period) : 0;
  }

  /**
   * The resolvers in order of preference for this lookup: the pool uses the first that is in service and, if
   * it fails, only the next one. For the hashed strategies the order is fixed per group (and epoch), and the
   * list is the memoised one: read-only.
   */
  order(name: string, site: string | undefined, resolvers: readonly string[]): readonly string[] {
    if (resolvers.length <= 1) return [...resolvers];
    switch (this.strategy) {
      case 'single':
        return [...resolvers];
      case 'round-robin':
        return rotate(resolvers, this.turn++ % resolvers.length);
      case 'random':
        return rotate(resolvers, Math.min(resolvers.length - 1, Math.floor(this.options.random() * resolvers.length)));
      case 'name':
        return this.ranked(registrableDomain(name), resolvers);
      case 'site':
        return this.ranked(siteGroup(name, site), resolvers);
    }
  }

  private ranked(group: string, resolvers: readonly string[]): readonly string[] {
    const hasher = this.hasherForEpoch();
    const weights = this.weights;
    const signature = `${this.epochKey?.epoch ?? 0}\n${resolvers.join('\n')}\n${this.weightsKey}`;
    if (signature !== this.rankingsFor) {
      this.rankings.clear();
      this.rankingsFor = signature;
    }
    let ranking = this.rankings.get(group);
    if (!ranking) {
      const weightOf = weights ? (id: string) => weights[id] ?? 1 : undefined;
      ranking = rendezvousOrder(hasher, group, resolvers, weightOf);
      if (this.rankings.size >= RANKING_MEMO) {
        const oldest = this.rankings.keys().next();
        if (!oldest.done) this.rankings.delete(oldest.value);
      }
      this.rankings.set(group, ranking);
    }
    return ranking;
  }

  /** The derived key of the current epoch, kept until the epoch changes (deriving costs an HMAC). */
  private hasherForEpoch(): KeyedHasher {
    const epoch = this.epoch();
    if (!this.epochKey || this.epochKey.epoch !== epoch) {
      this.epochKey = { epoch, hasher: this.base.derive(`selection epoch ${epoch}`) };
    }
    return this.epochKey.hasher;
  }
}

function rotate<T>(list: readonly T[], start: number): T[] {
  return [...list.slice(start), ...list.slice(0, start)];
}
