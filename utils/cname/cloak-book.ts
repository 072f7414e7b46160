/**
 * The learned cloaks: which host, on which site, turned out to be a tracker behind a CNAME. Each one becomes
 * a dynamic block rule (cloak-rules.ts), so the book is bounded well inside the browsers' dynamic-rule budget
 * (Chrome guarantees 30,000 dynamic rules shared by every feature; policies need theirs too): at most
 * `capacity` entries, the least recently seen evicted first, and every eviction counted so the user is told.
 * Pure data: the background persists `toJSON()` and rebuilds the rules from it at start-up.
 */
import type { CloakFinding } from './detect-cloak';

export interface LearnedCloak extends CloakFinding {
  /** Dynamic rule id, from RULE_TABLE.cnameCloak; kept for the entry's life so its rule is never renumbered. */
  ruleId: number;
  learnedAt: number;
  /** When a lookup last confirmed the CNAME chain. */
  checkedAt: number;
  /** checkedAt + the answer's TTL: after it the entry is stale, and the next sighting re-checks it. */
  expiresAt: number;
  /** Last time the host was contacted on the site (least recently seen goes first). */
  lastSeen: number;
}

export interface Evictions {
  total: number;
  lastAt: number | null;
  /** The most recent evicted hosts, newest first (a few, to name them to the user). */
  recent: { site: string; host: string }[];
}

export interface CloakBookJson {
  version: 1;
  entries: LearnedCloak[];
  evictions: Evictions;
}

export interface CloakBookOptions {
  capacity: number;
  firstId: number;
  lastId: number;
}

export interface LearnResult {
  entry: LearnedCloak;
  /** The set of rules changed: a new entry, or entries evicted to make room. */
  rulesChanged: boolean;
  evicted: LearnedCloak[];
}

const RECENT_EVICTIONS = 5;
const keyOf = (site: string, host: string): string => `${site}\n${host}`;

export class CloakBook {
  /** Insertion order is recency order: a sighting moves the entry to the end, eviction takes the front. */
  private readonly byKey = new Map<string, LearnedCloak>();
  private evictionLog: Evictions = { total: 0, lastAt: null, recent: [] };

  constructor(private readonly options: CloakBookOptions) {
    if (options.capacity > options.lastId - options.firstId + 1) throw new RangeError('cloak book: capacity exceeds the id range');
  }

  /** A stored book; entries that no longer fit (a smaller capacity, ids outside the range, repeats) are dropped. */
  static fromJSON(json: unknown, options: CloakBookOptions): CloakBook {
    const book = new CloakBook(options);
    const data = json as Partial<CloakBookJson> | undefined;
    if (!data || data.version !== 1 || !Array.isArray(data.entries)) return book;
    const ids = new Set<number>();
    const sorted = [...data.entries].filter(isEntry).sort((a, b) => a.lastSeen - b.lastSeen);
    for (const entry of sorted.slice(-options.capacity)) {
      if (entry.ruleId < options.firstId || entry.ruleId > options.lastId || ids.has(entry.ruleId)) continue;
      ids.add(entry.ruleId);
      book.byKey.set(keyOf(entry.site, entry.host), entry);
    }
    if (data.evictions && typeof data.evictions.total === 'number') book.evictionLog = data.evictions;
    return book;
  }

  get size(): number {
    return this.byKey.size;
  }

  get evictions(): Evictions {
    return this.evictionLog;
  }

  find(site: string, host: string): LearnedCloak | undefined {
    return this.byKey.get(keyOf(site, host));
  }

  entries(): LearnedCloak[] {
    return [...this.byKey.values()];
  }

  /** A lookup found the cloak (again): refresh it, or add it, evicting the least recently seen if full. */
  learn(finding: CloakFinding, ttlSeconds: number, now: number): LearnResult {
    const key = keyOf(finding.site, finding.host);
    const previous = this.byKey.get(key);
    const expiresAt = now + Math.max(0, ttlSeconds) * 1000;
    if (previous) {
      const entry = { ...previous, ...finding, checkedAt: now, expiresAt, lastSeen: now };
      this.byKey.delete(key);
      this.byKey.set(key, entry);
      return { entry, rulesChanged: false, evicted: [] };
    }
    const evicted: LearnedCloak[] = [];
    while (this.byKey.size >= this.options.capacity) {
      const [oldestKey, oldest] = this.byKey.entries().next().value as [string, LearnedCloak];
      this.byKey.delete(oldestKey);
      evicted.push(oldest);
    }
    if (evicted.length) this.noteEvictions(evicted, now);
    const entry: LearnedCloak = { ...finding, ruleId: this.freeId(), learnedAt: now, checkedAt: now, expiresAt, lastSeen: now };
    this.byKey.set(key, entry);
    return { entry, rulesChanged: true, evicted };
  }

  /** A fresh answer shows no tracker behind the host any more: forget it (its rule goes). True if it was known. */
  forget(site: string, host: string): boolean {
    return this.byKey.delete(keyOf(site, host));
  }

  /**
   * Drops every cloak learned on `site` (a registrable domain), and its name from the eviction log: "forget this
   * site" leaves no trace of the visit. Answers whether anything went.
   */
  forgetSite(site: string): boolean {
    let dropped = false;
    for (const [key, entry] of this.byKey) {
      if (entry.site === site) dropped = this.byKey.delete(key) || dropped;
    }
    const recent = this.evictionLog.recent.filter((e) => e.site !== site);
    if (recent.length !== this.evictionLog.recent.length) {
      this.evictionLog = { ...this.evictionLog, recent };
      dropped = true;
    }
    return dropped;
  }

  /** Drops every entry and the eviction log ("delete all data"); answers whether anything went. */
  clear(): boolean {
    const had = this.byKey.size > 0 || this.evictionLog.total > 0;
    this.byKey.clear();
    this.evictionLog = { total: 0, lastAt: null, recent: [] };
    return had;
  }

  /** Drops entries not seen since `before` (a site not visited for long); answers whether any went. */
  pruneIdle(before: number): boolean {
    let dropped = false;
    for (const [key, entry] of this.byKey) {
      if (entry.lastSeen < before) {
        this.byKey.delete(key);
        dropped = true;
      }
    }
    return dropped;
  }

  toJSON(): CloakBookJson {
    return { version: 1, entries: this.entries(), evictions: this.evictionLog };
  }

  private noteEvictions(evicted: readonly LearnedCloak[], now: number): void {
    const named = evicted.map(({ site, host }) => ({ site, host })).reverse();
    this.evictionLog = {
      total: this.evictionLog.total + evicted.length,
      lastAt: now,
      recent: [...named, ...this.evictionLog.recent].slice(0, RECENT_EVICTIONS),
    };
  }

  /** The lowest id no entry holds: ids are reused only after their entry (and rule) is gone. */
  private freeId(): number {
    const used = new Set([...this.byKey.values()].map((e) => e.ruleId));
    for (let id = this.options.firstId; id <= this.options.lastId; id++) if (!used.has(id)) return id;
    throw new RangeError('cloak book: no free rule id');
  }
}

function isEntry(value: unknown): value is LearnedCloak {
  const e = value as Partial<LearnedCloak> | null;
  return (
    typeof e === 'object' && e !== null && typeof e.site === 'string' && typeof e.host === 'string' && typeof e.ruleId === 'number' &&
    typeof e.lastSeen === 'number' && typeof e.organization === 'string' && Array.isArray(e.cnameChain)
  );
}
