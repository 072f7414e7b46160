/**
 * Which operator served each host, as last looked up (CNAME chain and addresses through the resolver pool),
 * remembered so history can rank operators by reach across sites. Bounded: the least recently seen host is
 * forgotten first. Stored as plain JSON; a corrupt stored value starts an empty memory rather than failing.
 */
export const OPERATOR_MEMORY_LIMIT = 20_000;

export class OperatorMemory {
  private readonly hosts = new Map<string, string>();

  constructor(private readonly limit = OPERATOR_MEMORY_LIMIT) {}

  /** Records (or forgets, for null) the operator of a host; returns whether anything changed. */
  remember(host: string, operator: string | null): boolean {
    const before = this.hosts.get(host);
    this.hosts.delete(host);
    if (operator === null) return before !== undefined;
    this.hosts.set(host, operator); // re-inserted: Map order is the recency order
    if (this.hosts.size > this.limit) this.hosts.delete(this.hosts.keys().next().value as string);
    return before !== operator;
  }

  operatorOf(host: string): string | null {
    return this.hosts.get(host) ?? null;
  }

  toJSON(): [string, string][] {
    return [...this.hosts];
  }

  static fromJSON(value: unknown, limit = OPERATOR_MEMORY_LIMIT): OperatorMemory {
    const memory = new OperatorMemory(limit);
    if (!Array.isArray(value)) return memory;
    for (const entry of value) {
      if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string') memory.remember(entry[0], entry[1]);
    }
    return memory;
  }
}
