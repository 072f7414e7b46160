/**
 * One resolver's answer cache. Each resolver gets its own, so a resolver cannot learn from the queries it stops
 * receiving which names the user looked up elsewhere (see the shared DoH note); answers (positive and
 * negative alike, RFC 2308) are kept at most their TTL, the least recently used go first when it is full, and
 * concurrent lookups of one key share one query.
 */
export interface CacheOptions {
  /** Milliseconds clock. */
  now: () => number;
  /** Most entries kept; default 2000 (a day of browsing touches a few thousand names). */
  maxEntries?: number;
}

export interface Cached<T> {
  value: T;
  /** Seconds left, rounded down, so a consumer passing it on never extends the TTL. */
  ttl: number;
  fromCache: boolean;
}

export interface Loaded<T> {
  value: T;
  /** Seconds the value may be kept; 0 or less keeps nothing. */
  ttl: number;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

export class TtlCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly inFlight = new Map<string, Promise<Loaded<T>>>();
  private readonly now: () => number;
  readonly maxEntries: number;

  constructor(options: CacheOptions) {
    this.now = options.now;
    this.maxEntries = Math.max(1, options.maxEntries ?? 2000);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value if still fresh. Expiry is strict: at `expiresAt` the entry is already gone. */
  get(key: string): Cached<T> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const left = entry.expiresAt - this.now();
    if (left <= 0) {
      this.entries.delete(key);
      return undefined;
    }
    // Map keeps insertion order: re-inserting marks the entry as most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { value: entry.value, ttl: Math.floor(left / 1000), fromCache: true };
  }

  set(key: string, value: T, ttlSeconds: number): void {
    this.entries.delete(key);
    if (!(ttlSeconds > 0)) return;
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /**
   * Cached value, else the result of the lookup already under way for `key`, else a new `load()`. `load` is
   * called synchronously (before this returns), so whatever it does first happens in the caller's turn.
   * Failures are not cached: the next lookup tries again (the pool's circuit breaker limits retries).
   */
  lookup(key: string, load: () => Promise<Loaded<T>>): Promise<Cached<T>> {
    const hit = this.get(key);
    if (hit) return Promise.resolve(hit);
    let pending = this.inFlight.get(key);
    if (!pending) {
      let started: Promise<Loaded<T>>;
      try {
        started = load();
      } catch (error) {
        started = Promise.reject(error);
      }
      pending = started.then(
        (loaded) => {
          this.inFlight.delete(key);
          this.set(key, loaded.value, loaded.ttl);
          return loaded;
        },
        (error: unknown) => {
          this.inFlight.delete(key);
          throw error;
        },
      );
      this.inFlight.set(key, pending);
    }
    return pending.then((loaded) => ({ value: loaded.value, ttl: Math.max(0, Math.floor(loaded.ttl)), fromCache: false }));
  }

  /** Whether a lookup for `key` is under way (a caller joining it sends nothing). */
  isLoading(key: string): boolean {
    return this.inFlight.has(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
