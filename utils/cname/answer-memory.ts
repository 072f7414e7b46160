import type { NameAnswer } from './name-answer';

/** Enough for the first-party subdomains of the sites of a session; the oldest go first. */
const DEFAULT_LIMIT = 500;

interface Entry {
  answer: NameAnswer;
  /** ms since the epoch after which the answer is stale (its TTL from when it came). */
  expires: number;
}

/**
 * Uncloaking's answers kept for their TTL across page loads and across a stopped Chrome worker (stored in
 * storage.session: gone with the browser, never on disk), so a restarted worker does not ask the same names
 * again. The pool's own cache lives in memory and restarts with the worker.
 */
export class AnswerMemory {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  get(host: string, now: number): NameAnswer | undefined {
    const entry = this.entries.get(host);
    if (!entry) return undefined;
    if (entry.expires > now) return entry.answer;
    this.entries.delete(host);
    return undefined;
  }

  put(host: string, answer: NameAnswer, now: number): void {
    this.entries.delete(host);
    this.entries.set(host, { answer, expires: now + answer.ttl * 1000 });
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Forgets the answers for which `drop(host)` holds ("forget this site"); answers how many went. */
  forgetHosts(drop: (host: string) => boolean): number {
    let count = 0;
    for (const host of [...this.entries.keys()]) if (drop(host) && this.entries.delete(host)) count++;
    return count;
  }

  toJSON(): [string, Entry][] {
    return [...this.entries];
  }

  /** What was stored, checked entry by entry: a malformed or expired entry is dropped, never trusted. */
  static fromJSON(json: unknown, now: number, limit = DEFAULT_LIMIT): AnswerMemory {
    const memory = new AnswerMemory(limit);
    if (!Array.isArray(json)) return memory;
    for (const item of json) {
      if (!Array.isArray(item) || typeof item[0] !== 'string') continue;
      const entry = item[1] as Partial<Entry> | undefined;
      const answer = entry?.answer;
      if (typeof entry?.expires !== 'number' || entry.expires <= now || !isAnswer(answer)) continue;
      memory.entries.set(item[0], { answer, expires: entry.expires });
    }
    while (memory.entries.size > limit) memory.entries.delete(memory.entries.keys().next().value as string);
    return memory;
  }
}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function isAnswer(value: unknown): value is NameAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return strings(a.cnameChain) && strings(a.addresses) && strings(a.resolvers) && typeof a.ttl === 'number' && (a.via === 'pool' || a.via === 'browser');
}
