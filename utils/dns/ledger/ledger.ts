import { KeyedHasher } from '../pool/keyed-hash';

/**
 * The exposure ledger: for each resolver, which distinct sites and names it has been sent, so the user can see
 * how much of their browsing each operator has learnt. Sites and names are kept only as keyed hashes (HMAC
 * under the per-install secret): the persisted ledger counts distinct values without holding the browsing
 * history in clear, and without the secret nobody can test it for a given site.
 */
export interface LedgerOptions {
  secret: Uint8Array;
  /** Milliseconds clock, for last-seen times (pruning with history). */
  now: () => number;
  /** Bound per resolver and kind; the least recently seen go first. Default 100 000. */
  maxEntries?: number;
}

/** Persisted form: plain JSON, version-tagged. Entries are [hash, count, lastSeen ms]. */
export interface LedgerJSON {
  version: 1;
  resolvers: { resolver: string; queries: number; sites: LedgerEntryJSON[]; names: LedgerEntryJSON[] }[];
}
export type LedgerEntryJSON = [hash: string, count: number, lastSeen: number];

export interface ExposureSummary {
  resolver: string;
  queries: number;
  sites: number;
  names: number;
  /** This resolver's distinct sites over the distinct sites sent to any resolver (0..1). */
  siteShare: number;
  nameShare: number;
}

/** What `fromJSON` throws for input that is not a ledger; the message says where and what is wrong. */
export class LedgerFormatError extends Error {
  override readonly name = 'LedgerFormatError';
}

interface Seen {
  count: number;
  lastSeen: number;
}
interface Exposure {
  queries: number;
  sites: Map<string, Seen>;
  names: Map<string, Seen>;
}

const HASH = /^[0-9a-f]{32}$/;

export class ExposureLedger {
  private readonly byResolver = new Map<string, Exposure>();
  private readonly hasher: KeyedHasher;
  private readonly now: () => number;
  private readonly maxEntries: number;

  /** Throws for a secret that is too short, as the Selector does: a ledger that could record nothing is no ledger. */
  constructor(options: LedgerOptions) {
    this.hasher = KeyedHasher.create(options.secret);
    this.now = options.now;
    this.maxEntries = options.maxEntries ?? 100_000;
  }

  /** Notes that `resolver` was sent a query for `name` on behalf of `site` (both hashed before storing). */
  record(resolver: string, site: string, name: string): void {
    const exposure = this.exposureOf(resolver);
    exposure.queries++;
    this.bump(exposure.sites, this.hash('site', site));
    this.bump(exposure.names, this.hash('name', name));
  }

  summary(): ExposureSummary[] {
    const allSites = new Set<string>();
    const allNames = new Set<string>();
    for (const e of this.byResolver.values()) {
      for (const h of e.sites.keys()) allSites.add(h);
      for (const h of e.names.keys()) allNames.add(h);
    }
    return [...this.byResolver].map(([resolver, e]) => ({
      resolver,
      queries: e.queries,
      sites: e.sites.size,
      names: e.names.size,
      siteShare: allSites.size ? e.sites.size / allSites.size : 0,
      nameShare: allNames.size ? e.names.size / allNames.size : 0,
    }));
  }

  /**
   * Drops entries last seen before `time` (ms), following the history's retention; returns how many went.
   * `queries` is a total with no dates: it goes only with a resolver left without entries.
   */
  pruneBefore(time: number): number {
    let dropped = 0;
    for (const [resolver, e] of this.byResolver) {
      for (const map of [e.sites, e.names]) for (const [h, seen] of map) if (seen.lastSeen < time && map.delete(h)) dropped++;
      if (e.sites.size === 0 && e.names.size === 0) this.byResolver.delete(resolver);
    }
    return dropped;
  }

  /** Drops one site from every resolver (the user deleted it from history). Its names stay: they are not linked. */
  forgetSite(site: string): void {
    const siteHash = this.hash('site', site);
    for (const e of this.byResolver.values()) e.sites.delete(siteHash);
  }

  forgetResolver(resolver: string): void {
    this.byResolver.delete(resolver);
  }

  clear(): void {
    this.byResolver.clear();
  }

  toJSON(): LedgerJSON {
    const entries = (map: Map<string, Seen>): LedgerEntryJSON[] => [...map].map(([h, s]) => [h, s.count, s.lastSeen]);
    return {
      version: 1,
      resolvers: [...this.byResolver].map(([resolver, e]) => ({ resolver, queries: e.queries, sites: entries(e.sites), names: entries(e.names) })),
    };
  }

  /** Restores a ledger saved by toJSON (object or JSON text); anything else throws LedgerFormatError. */
  static fromJSON(input: unknown, options: LedgerOptions): ExposureLedger {
    const ledger = new ExposureLedger(options);
    let data = input;
    if (typeof input === 'string') {
      try {
        data = JSON.parse(input);
      } catch {
        throw new LedgerFormatError('The exposure ledger is not valid JSON.');
      }
    }
    if (!isObject(data)) throw new LedgerFormatError('The exposure ledger must be an object.');
    if (data.version !== 1) throw new LedgerFormatError(`Unsupported exposure ledger version ${JSON.stringify(data.version) ?? 'undefined'} (expected 1).`);
    if (!Array.isArray(data.resolvers)) throw new LedgerFormatError('ledger.resolvers must be an array.');
    data.resolvers.forEach((item: unknown, i) => {
      const at = `ledger.resolvers[${i}]`;
      if (!isObject(item)) throw new LedgerFormatError(`${at} must be an object.`);
      if (typeof item.resolver !== 'string' || item.resolver === '') throw new LedgerFormatError(`${at}.resolver must be a non-empty string.`);
      if (ledger.byResolver.has(item.resolver)) throw new LedgerFormatError(`${at}.resolver repeats ${item.resolver}.`);
      if (!isCount(item.queries, 0)) throw new LedgerFormatError(`${at}.queries must be a non-negative integer.`);
      const exposure: Exposure = { queries: item.queries, sites: readEntries(item.sites, `${at}.sites`), names: readEntries(item.names, `${at}.names`) };
      ledger.byResolver.set(item.resolver, exposure);
    });
    return ledger;
  }

  /** The stored form of a site or name; the purpose strings are those of every ledger saved so far. */
  private hash(kind: 'site' | 'name', value: string): string {
    return this.hasher.hex(`ledger ${kind}`, value.toLowerCase());
  }

  private exposureOf(resolver: string): Exposure {
    let e = this.byResolver.get(resolver);
    if (!e) this.byResolver.set(resolver, (e = { queries: 0, sites: new Map(), names: new Map() }));
    return e;
  }

  private bump(map: Map<string, Seen>, hash: string): void {
    const seen = map.get(hash) ?? { count: 0, lastSeen: 0 };
    seen.count++;
    seen.lastSeen = this.now();
    map.delete(hash); // re-insert: Map order is then least to most recently seen
    map.set(hash, seen);
    while (map.size > this.maxEntries) {
      const oldest = map.keys().next();
      if (oldest.done) break;
      map.delete(oldest.value);
    }
  }
}

function readEntries(value: unknown, at: string): Map<string, Seen> {
  if (!Array.isArray(value)) throw new LedgerFormatError(`${at} must be an array.`);
  const map = new Map<string, Seen>();
  value.forEach((entry: unknown, i) => {
    if (!Array.isArray(entry) || entry.length !== 3) throw new LedgerFormatError(`${at}[${i}] must be [hash, count, lastSeen].`);
    const [hash, count, lastSeen] = entry as unknown[];
    if (typeof hash !== 'string' || !HASH.test(hash)) throw new LedgerFormatError(`${at}[${i}] hash must be 32 lowercase hex digits.`);
    if (map.has(hash)) throw new LedgerFormatError(`${at}[${i}] repeats hash ${hash}.`);
    if (!isCount(count, 1)) throw new LedgerFormatError(`${at}[${i}] count must be a positive integer.`);
    if (typeof lastSeen !== 'number' || !Number.isFinite(lastSeen) || lastSeen < 0) throw new LedgerFormatError(`${at}[${i}] lastSeen must be a time in ms.`);
    map.set(hash, { count, lastSeen });
  });
  // Least recently seen first, as bump() keeps it, so the size bound evicts the right ones after a restore.
  return new Map([...map].sort((a, b) => a[1].lastSeen - b[1].lastSeen));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown, min: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}
