import { describe, expect, it } from 'vitest';
import { ResolverPool } from '../utils/dns/pool/pool';
import { DAY_MS } from '../utils/dns/settings/dns-settings';
import { fakeDoh, rr } from '../tests/support/fake-doh';
import { configurePool } from './pool-config';
import { secretBytes, type ConfigureMessage } from './protocol';

const RESOLVERS = ['https://one.resolver.example/dns-query', 'https://two.resolver.example/dns-query', 'https://three.resolver.example/dns-query'];
const SECRET = '5a'.repeat(16) + 'c3'.repeat(16);
const config: ConfigureMessage = { type: 'configure', resolvers: RESOLVERS, strategy: 'site', secret: SECRET, rekeyDays: 7, auth: 'password' };
const SITES = Array.from({ length: 60 }, (_, i) => `site-${i}.com`);

const fetch = fakeDoh((seen) => ({ answers: seen.type === 'A' ? [rr.a(seen.name, '192.0.2.1')] : [] }));
const deps = { fetch, now: Date.now, random: Math.random };

describe('configurePool', () => {
  it('sends each site’s names to the resolver the extension’s own pool picks for that site', async () => {
    const companion = configurePool(config, deps).pool;
    // The extension's pool, as dns-service.ts builds it from the same settings and secret.
    const extension = new ResolverPool({ ...deps, secret: secretBytes(SECRET), resolvers: RESOLVERS, strategy: 'site', rekeyPeriodMs: 7 * DAY_MS });
    for (const site of SITES) {
      const ours = await companion.resolve(`cdn.tracker-${site}`, 'A', { site });
      const theirs = await extension.resolve(`www.${site}`, 'A', { site });
      expect(ours.resolver, site).toBe(theirs.resolver);
    }
  });

  it('spreads different sites over every resolver', async () => {
    const { pool } = configurePool(config, deps);
    const used = new Map<string, number>();
    for (const site of SITES) {
      const answer = await pool.resolve(`www.${site}`, 'A', { site });
      used.set(answer.resolver, (used.get(answer.resolver) ?? 0) + 1);
    }
    expect([...used.keys()].sort()).toEqual([...RESOLVERS].sort());
    for (const count of used.values()) expect(count).toBeGreaterThan(SITES.length / 10);
  });

  it('keeps the running pool for a new list or strategy, and builds a new one for a new secret', () => {
    const first = configurePool(config, deps);
    const second = configurePool({ ...config, resolvers: RESOLVERS.slice(0, 2), strategy: 'name' }, deps, first);
    expect(second.pool).toBe(first.pool);
    expect(second.pool.resolvers).toEqual(RESOLVERS.slice(0, 2));
    expect(second.pool.strategy).toBe('name');
    const third = configurePool({ ...config, secret: 'ff'.repeat(32) }, deps, second);
    expect(third.pool).not.toBe(second.pool);
  });
});
