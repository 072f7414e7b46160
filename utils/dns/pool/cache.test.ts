import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache';

function clockAt(start = 1_000_000) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

describe('TtlCache', () => {
  it('keeps an entry until just before its TTL ends and drops it at the TTL (injected clock)', () => {
    const clock = clockAt();
    const cache = new TtlCache<string>({ now: clock.now });
    cache.set('A x.test', 'v', 10);
    clock.t += 9_999;
    expect(cache.get('A x.test')).toEqual({ value: 'v', ttl: 0, fromCache: true });
    clock.t += 1;
    expect(cache.get('A x.test')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('reports the remaining TTL rounded down, never more than was stored', () => {
    const clock = clockAt();
    const cache = new TtlCache<string>({ now: clock.now });
    cache.set('k', 'v', 300);
    expect(cache.get('k')?.ttl).toBe(300);
    clock.t += 1;
    expect(cache.get('k')?.ttl).toBe(299);
    clock.t += 100_000;
    expect(cache.get('k')?.ttl).toBe(199);
  });

  it('does not store a TTL of 0 or less (RFC 2308 answers without SOA)', () => {
    const cache = new TtlCache<string>({ now: clockAt().now });
    cache.set('k', 'v', 0);
    cache.set('j', 'v', -5);
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry when full, counting reads as use', () => {
    const cache = new TtlCache<string>({ now: clockAt().now, maxEntries: 2 });
    cache.set('a', '1', 60);
    cache.set('b', '2', 60);
    cache.get('a');
    cache.set('c', '3', 60);
    expect([cache.get('a')?.value, cache.get('b')?.value, cache.get('c')?.value]).toEqual(['1', undefined, '3']);
  });

  it('merges five concurrent lookups of one key into one load, and serves the next from cache', async () => {
    const cache = new TtlCache<string>({ now: clockAt().now });
    let loads = 0;
    let release: (v: { value: string; ttl: number }) => void = () => undefined;
    const load = () => {
      loads++;
      return new Promise<{ value: string; ttl: number }>((r) => (release = r));
    };
    const all = Promise.all(Array.from({ length: 5 }, () => cache.lookup('k', load)));
    expect(cache.isLoading('k')).toBe(true);
    release({ value: 'v', ttl: 30 });
    expect((await all).map((r) => [r.value, r.fromCache])).toEqual(Array(5).fill(['v', false]));
    expect(loads).toBe(1);
    expect(await cache.lookup('k', load)).toMatchObject({ value: 'v', fromCache: true });
    expect(loads).toBe(1);
  });

  it('does not cache a failed load: every waiter gets the error and the next lookup loads again', async () => {
    const cache = new TtlCache<string>({ now: clockAt().now });
    let loads = 0;
    const failing = () => {
      loads++;
      return Promise.reject(new Error('down'));
    };
    const results = await Promise.allSettled([cache.lookup('k', failing), cache.lookup('k', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(loads).toBe(1);
    await cache.lookup('k', failing).catch(() => undefined);
    expect(loads).toBe(2);
  });

  it('turns a load that throws synchronously into a rejection', async () => {
    const cache = new TtlCache<string>({ now: clockAt().now });
    await expect(
      cache.lookup('k', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
  });
});
