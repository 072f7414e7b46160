/**
 * Which operator served each host, as last looked up (CNAME chain and addresses through the resolver pool),
 * remembered so history can rank operators by reach across sites. Host names say where the user went, so this
 * follows history: pruned with its retention (each host keeps when it was last seen), emptied with "Delete all
 * data", and a forgotten site's own hosts forgotten with it. Bounded: the least recently seen host goes first.
 * Stored as plain JSON; a corrupt stored value starts an empty memory rather than failing.
 */
export const OPERATOR_MEMORY_LIMIT = 20_000;
/**
 * A newer last-seen time counts as a change (worth storing) only this much later: retention counts in days, and
 * storing the whole memory at every lookup would cost a large write per page.
 */
export const SEEN_RESOLUTION_MS = 3_600_000;

interface Entry {
  operator: string;
  /** ms clock of the last lookup. */
  seen: number;
}

/** Stored form: [host, operator, last seen ms]; versions before last-seen times stored [host, operator]. */
export type OperatorMemoryJSON = [string, string, number][];

export class OperatorMemory {
  private readonly hosts = new Map<string, Entry>();

  constructor(private readonly limit = OPERATOR_MEMORY_LIMIT) {}

  /** Records (or forgets, for null) the operator of a host seen at `now`; returns whether it is worth storing. */
  remember(host: string, operator: string | null, now: number): boolean {
    const before = this.hosts.get(host);
    this.hosts.delete(host);
    if (operator === null) return before !== undefined;
    this.hosts.set(host, { operator, seen: now }); // re-inserted: Map order is the recency order
    if (this.hosts.size > this.limit) this.hosts.delete(this.hosts.keys().next().value as string);
    return before?.operator !== operator || now - before.seen >= SEEN_RESOLUTION_MS;
  }

  operatorOf(host: string): string | null {
    return this.hosts.get(host)?.operator ?? null;
  }

  /** Forgets hosts last seen before `time` (ms); returns how many went. */
  pruneBefore(time: number): number {
    return this.forgetWhere((_, entry) => entry.seen < time);
  }

  /** Forgets the hosts `belongsTo` says are the site's own; returns how many went. */
  forgetHosts(belongsTo: (host: string) => boolean): number {
    return this.forgetWhere((host) => belongsTo(host));
  }

  clear(): number {
    const count = this.hosts.size;
    this.hosts.clear();
    return count;
  }

  toJSON(): OperatorMemoryJSON {
    return [...this.hosts].map(([host, { operator, seen }]) => [host, operator, seen]);
  }

  /** `loadedAt` stands in for the last-seen time of entries stored before times were kept. */
  static fromJSON(value: unknown, loadedAt: number, limit = OPERATOR_MEMORY_LIMIT): OperatorMemory {
    const memory = new OperatorMemory(limit);
    if (!Array.isArray(value)) return memory;
    for (const entry of value) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') continue;
      const seen = typeof entry[2] === 'number' && Number.isFinite(entry[2]) ? entry[2] : loadedAt;
      memory.remember(entry[0], entry[1], seen);
    }
    return memory;
  }

  private forgetWhere(test: (host: string, entry: Entry) => boolean): number {
    let count = 0;
    for (const [host, entry] of this.hosts) {
      if (test(host, entry)) {
        this.hosts.delete(host);
        count++;
      }
    }
    return count;
  }
}
