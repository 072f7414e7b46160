import { describe, expect, it } from 'vitest';
import { InvalidNameError, ResolutionError } from '../wire/errors';
import { fakeDoh, rr, type Reply, type SeenQuery } from '../../../tests/support/fake-doh';
import { ResolverPool, type PoolOptions } from './pool';
import { Selector } from './selection';

const SECRET = Uint8Array.from({ length: 32 }, (_, i) => (i * 31 + 5) & 0xff);
const FIVE = [1, 2, 3, 4, 5].map((i) => `https://r${i}.test/dns-query{?dns}`);
const host = (template: string) => new URL(template.replace('{?dns}', '')).host;

/** Every resolver answers A for any name with a per-host address, unless `override` says otherwise. */
function setup(override: (seen: SeenQuery) => Reply | undefined = () => undefined, options: Partial<PoolOptions> = {}) {
  const clock = { t: 1_000_000 };
  const fetch = fakeDoh(
    (seen) => override(seen) ?? { answers: [rr.a(seen.name, `192.0.2.${seen.host.slice(1, 2)}`, 60)] },
  );
  const pool = new ResolverPool({ fetch, now: () => clock.t, random: () => 0.5, secret: SECRET, resolvers: FIVE, ...options });
  return { clock, fetch, pool };
}

/** The site's preference order, computed independently of the pool. */
function preference(site: string): string[] {
  const selector = new Selector({ strategy: 'site', secret: SECRET, random: Math.random, now: () => 0 });
  return selector.order(site, site, FIVE).map(host);
}

describe('ResolverPool', () => {
  it('returns the chain and addresses from the site’s first-choice resolver, then the same answer from its cache', async () => {
    const { fetch, pool } = setup((seen) =>
      seen.name === 'www.news.example' ? { answers: [rr.cname('www.news.example', 'edge.cdn.test', 120), rr.a('edge.cdn.test', '198.51.100.4', 30)] } : undefined,
    );
    const [first] = preference('news.example');
    const answer = await pool.resolve('WWW.news.example.', 'A', { site: 'https://www.news.example/page' });
    expect(answer).toEqual({
      name: 'www.news.example', type: 'A', site: 'news.example', rcode: 'NOERROR',
      addresses: ['198.51.100.4'], cnameChain: ['edge.cdn.test'], ttl: 30, resolver: `https://${first}/dns-query{?dns}`, fromCache: false,
    });
    const again = await pool.resolve('www.news.example', 'A', { site: 'news.example' });
    expect(again).toMatchObject({ fromCache: true, addresses: ['198.51.100.4'], resolver: answer.resolver });
    expect(fetch.calls).toHaveLength(1);
  });

  it('sends all the names of one site’s page load to one resolver', async () => {
    const { fetch, pool } = setup();
    const names = ['www.news.example', 'img.news.example', 'cdn.jsdelivr.net', 'www.google-analytics.com', 'fonts.gstatic.com', 'pixel.tracker.test'];
    await Promise.all(names.map((n) => pool.resolve(n, 'A', { site: 'news.example' })));
    expect(new Set(fetch.calls.map((c) => c.host))).toEqual(new Set([preference('news.example')[0]]));
  });

  it('on HTTP 503 from the first choice asks exactly one other resolver, the site’s second choice, once', async () => {
    const [first, second] = preference('shop.example');
    const { fetch, pool } = setup((seen) => (seen.host === first ? { status: 503 } : undefined));
    const answer = await pool.resolve('www.shop.example', 'A', { site: 'shop.example' });
    expect(fetch.calls.map((c) => c.host)).toEqual([first, second]);
    expect(host(answer.resolver)).toBe(second);
  });

  it('when the first two choices both fail, throws ResolutionError naming both and why, having asked no third', async () => {
    const [first, second] = preference('shop.example');
    const { fetch, pool } = setup((seen) => (seen.host === first ? { status: 502 } : seen.host === second ? { contentType: 'text/html' } : undefined));
    const error = await pool.resolve('www.shop.example', 'A', { site: 'shop.example' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResolutionError);
    const { attempts, message } = error as ResolutionError;
    expect(attempts.map((a) => [host(a.resolver), a.reason])).toEqual([[first, 'http-status'], [second, 'content-type']]);
    expect(message).toBe(`Could not resolve www.shop.example (A): ${first}: answered HTTP 502; ${second}: answered with text/html, not application/dns-message.`);
    expect(fetch.calls).toHaveLength(2);
  });

  it('fails over on a hang after the adaptive timeout, without waiting for the hung request', async () => {
    const [first, second] = preference('slow.example');
    const { fetch, pool } = setup((seen) => (seen.host === first ? { hang: true } : undefined), { health: { maxTimeoutMs: 50, minTimeoutMs: 20 } });
    const started = Date.now();
    const answer = await pool.resolve('www.slow.example', 'A', { site: 'slow.example' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(host(answer.resolver)).toBe(second);
    expect(pool.health.snapshot(`https://${first}/dns-query{?dns}`)).toMatchObject({ lastReason: 'timeout', latencyMs: 50 });
    expect(fetch.calls).toHaveLength(2);
  });

  /** A pool whose resolvers answer any A query, after `delayMs(seen)` of real time (real: the timeouts are real timers). */
  function slowPool(delayMs: (seen: SeenQuery) => number, options: Partial<PoolOptions>) {
    const fetch = fakeDoh(async (seen) => {
      await new Promise((r) => setTimeout(r, delayMs(seen)));
      return { answers: [rr.a(seen.name, '192.0.2.60', 60)] };
    });
    return { fetch, pool: new ResolverPool({ fetch, now: Date.now, random: () => 0.5, secret: SECRET, resolvers: FIVE, health: { minTimeoutMs: 20, maxTimeoutMs: 1000 }, ...options }) };
  }

  it('waits the longest timeout for the last resolver it can ask: a slow answer with no fallback left is still an answer', async () => {
    // A resolver that answered at once has its adaptive timeout near the floor (20 ms here); then, on a loaded machine,
    // it takes 150 ms. Alone in the list, cutting it off at its adaptive timeout would only turn that answer into a failure.
    const { fetch, pool } = slowPool((seen) => (seen.name === 'fast.example' ? 0 : 150), { resolvers: [FIVE[0]!] });
    await pool.resolve('fast.example', 'A');
    expect(pool.health.timeoutFor(FIVE[0]!)).toBeLessThan(150);
    expect(await pool.resolve('slow.example', 'A')).toMatchObject({ addresses: ['192.0.2.60'] });
    expect(fetch.calls).toHaveLength(2);
  });

  it('with a fallback left, gives the first choice only its adaptive timeout; the fallback, the last chance, the longest', async () => {
    const [first, second] = preference('busy.example');
    // Both resolvers answered at once before (the second for a site whose first choice it is): both timeouts at the floor.
    let other = 0;
    while (preference(`site${other}.example`)[0] !== second) other++;
    const { fetch, pool } = slowPool((seen) => (seen.name.startsWith('warm.') ? 0 : 150), {});
    await pool.resolve('warm.busy.example', 'A', { site: 'busy.example' });
    await pool.resolve(`warm.site${other}.example`, 'A', { site: `site${other}.example` });
    expect(pool.health.timeoutFor(`https://${second}/dns-query{?dns}`)).toBeLessThan(150);
    const answer = await pool.resolve('www.busy.example', 'A', { site: 'busy.example' });
    expect(fetch.calls.slice(2).map((c) => c.host)).toEqual([first, second]);
    expect(host(answer.resolver)).toBe(second);
    expect(pool.health.snapshot(`https://${first}/dns-query{?dns}`)).toMatchObject({ lastReason: 'timeout' });
  });

  it('treats NXDOMAIN as the answer (no failover) and caches it for the SOA negative TTL', async () => {
    const { clock, fetch, pool } = setup(() => ({ rcode: 'NXDOMAIN', authorities: [rr.soa('example', 3600, 120)] }));
    expect(await pool.resolve('nope.example', 'A')).toMatchObject({ rcode: 'NXDOMAIN', addresses: [], ttl: 120, fromCache: false });
    clock.t += 119_000;
    expect(await pool.resolve('nope.example', 'A')).toMatchObject({ rcode: 'NXDOMAIN', ttl: 1, fromCache: true });
    expect(fetch.calls).toHaveLength(1);
    clock.t += 1_000;
    expect(await pool.resolve('nope.example', 'A')).toMatchObject({ fromCache: false });
    expect(fetch.calls).toHaveLength(2);
  });

  it('fails over on SERVFAIL but does not take the resolver out of service for it', async () => {
    const [first, second] = preference('broken.example');
    const { fetch, pool } = setup((seen) => (seen.host === first ? { rcode: 'SERVFAIL' } : undefined));
    for (const n of ['a', 'b', 'c', 'd']) expect(host((await pool.resolve(`${n}.broken.example`, 'A')).resolver)).toBe(second);
    expect(pool.health.state(`https://${first}/dns-query{?dns}`)).toBe('closed');
    expect(fetch.calls.filter((c) => c.host === first)).toHaveLength(4);
  });

  it('merges 5 concurrent identical lookups into one fetch', async () => {
    const { fetch, pool } = setup();
    const answers = await Promise.all(Array.from({ length: 5 }, () => pool.resolve('www.news.example', 'A', { site: 'news.example' })));
    expect(fetch.calls).toHaveLength(1);
    expect(new Set(answers.map((a) => a.addresses.join()))).toHaveProperty('size', 1);
  });

  it('serves from cache until the TTL minus HTTP Age has passed on the injected clock, then asks again', async () => {
    const { clock, fetch, pool } = setup((seen) => ({ answers: [rr.a(seen.name, '192.0.2.80', 100)], headers: { age: '40' } }));
    expect((await pool.resolve('www.news.example', 'A')).ttl).toBe(60);
    clock.t += 59_999;
    expect(await pool.resolve('www.news.example', 'A')).toMatchObject({ fromCache: true, ttl: 0 });
    clock.t += 1;
    expect(await pool.resolve('www.news.example', 'A')).toMatchObject({ fromCache: false });
    expect(fetch.calls).toHaveLength(2);
  });

  it('caches A and AAAA separately and hands out copies the caller cannot corrupt', async () => {
    const { fetch, pool } = setup((seen) => (seen.type === 'AAAA' ? { answers: [rr.aaaa(seen.name, '2001:db8::5')] } : undefined));
    const a = await pool.resolve('x.example', 'A');
    a.addresses.push('6.6.6.6');
    expect((await pool.resolve('x.example', 'A')).addresses).toHaveLength(1);
    expect((await pool.resolve('x.example', 'AAAA')).addresses).toEqual(['2001:db8::5']);
    expect(fetch.calls.map((c) => c.type)).toEqual(['A', 'AAAA']);
  });

  it('opens the circuit after 3 failures (site goes straight to its second choice), then probes the first back after the back-off', async () => {
    const [first, second] = preference('news.example');
    let firstDown = true;
    const { clock, fetch, pool } = setup((seen) => (seen.host === first && firstDown ? { status: 500 } : undefined), { health: { baseBackoffMs: 30_000 } });
    for (const n of ['a', 'b', 'c']) await pool.resolve(`${n}.news.example`, 'A');
    expect(pool.health.state(`https://${first}/dns-query{?dns}`)).toBe('open');
    fetch.calls.length = 0;
    await pool.resolve('d.news.example', 'A');
    expect(fetch.calls.map((c) => c.host)).toEqual([second]); // first is skipped, not retried
    firstDown = false;
    clock.t += 30_000;
    const probed = await pool.resolve('e.news.example', 'A');
    expect(host(probed.resolver)).toBe(first);
    expect(pool.health.state(`https://${first}/dns-query{?dns}`)).toBe('closed');
  });

  it('a first choice out of service counts as removed: the site then uses its second choice with its third as the one fallback, never a fourth', async () => {
    const [first, second, third] = preference('news.example');
    const { fetch, pool } = setup((seen) => (seen.host === first || (seen.host === second && seen.name === 'x.news.example') ? { status: 500 } : undefined));
    for (const n of ['a', 'b', 'c']) await pool.resolve(`${n}.news.example`, 'A');
    expect(pool.health.state(`https://${first}/dns-query{?dns}`)).toBe('open');
    fetch.calls.length = 0;
    const answer = await pool.resolve('x.news.example', 'A');
    // As if `first` had been removed (rendezvous: its sites move to their second choice), and one fallback from there.
    expect(fetch.calls.map((c) => c.host)).toEqual([second, third]);
    expect(host(answer.resolver)).toBe(third);
  });

  it('records in the ledger each resolver that was sent a site’s name, failover included', async () => {
    const [first, second] = preference('shop.example');
    const { pool } = setup((seen) => (seen.host === first && seen.name === 'pay.shop.example' ? { status: 503 } : undefined));
    await pool.resolve('www.shop.example', 'A', { site: 'shop.example' });
    await pool.resolve('www.shop.example', 'A', { site: 'shop.example' }); // cache hit: nothing new sent
    await pool.resolve('pay.shop.example', 'A', { site: 'shop.example' });
    const summary = new Map(pool.ledger.summary().map((s) => [host(s.resolver), s]));
    expect(summary.get(first ?? '')).toMatchObject({ queries: 2, sites: 1, names: 2 });
    expect(summary.get(second ?? '')).toMatchObject({ queries: 1, sites: 1, names: 1, siteShare: 1 });
  });

  it('rejects an invalid name with InvalidNameError before sending anything', async () => {
    const { fetch, pool } = setup();
    await expect(pool.resolve('bad..name', 'A')).rejects.toBeInstanceOf(InvalidNameError);
    expect(fetch.calls).toHaveLength(0);
  });

  it('with no resolvers configured, throws ResolutionError saying so', async () => {
    const { pool } = setup(undefined, { resolvers: [] });
    await expect(pool.resolve('a.example', 'A')).rejects.toThrow('no resolver is configured');
  });

  it('refuses a plain-http resolver URL in the list, and de-duplicates the list', () => {
    expect(() => setup(undefined, { resolvers: ['http://dns.example/dns-query'] })).toThrow(/must use https/);
    expect(setup(undefined, { resolvers: [FIVE[0] ?? '', FIVE[0] ?? ''] }).pool.resolvers).toHaveLength(1);
  });

  it('refuses a secret shorter than 16 bytes when built, not at its first lookup', () => {
    expect(() => setup(undefined, { secret: new Uint8Array(8) })).toThrow('The per-install secret must be at least 16 random bytes.');
  });

  it('chooses, records and sends the first query within the resolve() call: no other lookup can run in between', async () => {
    const { fetch, pool } = setup();
    const pending = pool.resolve('www.news.example', 'A', { site: 'news.example' });
    expect(fetch.calls.map((c) => c.host)).toEqual([preference('news.example')[0]]);
    expect(pool.ledger.summary()).toMatchObject([{ queries: 1, sites: 1 }]);
    await pending;
  });

  it('removing a resolver re-routes only the sites that were on it', async () => {
    const { fetch, pool } = setup();
    const sites = Array.from({ length: 60 }, (_, i) => `s${i}.example`);
    const before = new Map<string, string>();
    for (const s of sites) before.set(s, (await pool.resolve(`www.${s}`, 'A', { site: s })).resolver);
    const removed = FIVE[0] ?? '';
    pool.setResolvers(FIVE.slice(1));
    fetch.calls.length = 0;
    for (const s of sites) {
      const answer = await pool.resolve(`www.${s}`, 'A', { site: s });
      if (before.get(s) !== removed) expect(answer).toMatchObject({ resolver: before.get(s), fromCache: true });
      else expect(answer.resolver).not.toBe(removed);
    }
    const moved = [...before.values()].filter((r) => r === removed).length;
    expect(moved).toBeGreaterThan(0);
    expect(fetch.calls).toHaveLength(moved);
  });

  it('round-robin strategy, switched at run time, spreads one site’s names over all resolvers (comparison only)', async () => {
    const { fetch, pool } = setup();
    pool.strategy = 'round-robin';
    for (let i = 0; i < 5; i++) await pool.resolve(`n${i}.news.example`, 'A', { site: 'news.example' });
    expect(new Set(fetch.calls.map((c) => c.host)).size).toBe(5);
  });
});

describe('ResolverPool, prefer faster resolvers', () => {
  /** Resolvers r1..r3 that take 10, 40 and 160 ms (on the fake clock) to answer. */
  function timed(options: Partial<PoolOptions>) {
    const clock = { t: 1_000_000 };
    const latency: Record<string, number> = { 'r1.test': 10, 'r2.test': 40, 'r3.test': 160 };
    const answer = fakeDoh((seen) => ({ answers: [rr.a(seen.name, '192.0.2.1', 60)] }));
    const fetch: typeof answer = Object.assign(async (url: string, init: RequestInit) => {
      clock.t += latency[new URL(url).host] ?? 0;
      return answer(url, init);
    }, { calls: answer.calls });
    const saved: unknown[] = [];
    const pool = new ResolverPool({ fetch, now: () => clock.t, random: Math.random, secret: SECRET, resolvers: FIVE.slice(0, 3), onSpeedTiers: (t) => saved.push(t), ...options });
    const browse = async (from: number, count: number) => {
      const picks: string[] = [];
      for (let i = from; i < from + count; i++) picks.push(host((await pool.resolve(`www.s${i}.example`, 'A', { site: `s${i}.example` })).resolver));
      return picks;
    };
    return { pool, browse, saved };
  }
  const share = (picks: string[], h: string) => picks.filter((p) => p === h).length / picks.length;

  it('learns tiers from answers and, once they differ, sends most new sites to the fast resolver', async () => {
    const { pool, browse, saved } = timed({ preferFast: true });
    await browse(0, 120); // warm-up: every resolver answers MIN_SAMPLES times, so each gets a tier
    expect(pool.speed.tiers).toEqual({ 'https://r1.test/dns-query{?dns}': 0, 'https://r2.test/dns-query{?dns}': 4, 'https://r3.test/dns-query{?dns}': 6 });
    expect(saved.at(-1)).toEqual(pool.speed.tiers);
    const picks = await browse(1000, 300);
    // Weights 1, ¹⁄₁₆, ¹⁄₆₄: the fast resolver is first for 1/1.078 = 93 % of sites.
    expect(share(picks, 'r1.test')).toBeGreaterThan(0.85);
    expect(share(picks, 'r3.test')).toBeLessThan(0.05);
  });

  it('learns tiers while off but keeps the even spread; restored tiers apply from the first lookup', async () => {
    const off = timed({ preferFast: false });
    await off.browse(0, 120);
    expect(Object.keys(off.pool.speed.tiers)).toHaveLength(3);
    expect(share(await off.browse(1000, 300), 'r1.test')).toBeLessThan(0.45);
    const restored = timed({ preferFast: true, speedTiers: off.pool.speed.tiers });
    expect(share(await restored.browse(1000, 300), 'r1.test')).toBeGreaterThan(0.85);
  });
});
