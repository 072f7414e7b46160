import { describe, expect, it } from 'vitest';
import { buildCloakTargets } from '@/utils/cname/cloak-targets';
import type { LearnedCloak } from '@/utils/cname/cloak-book';
import { CLOAK_SIDE_TABLE } from '@/tests/support/cname-fixtures';
import { ResolutionError } from '@/utils/dns/wire/errors';
import { fakeDoh, rr } from '@/tests/support/fake-doh';
import { ResolverPool } from '@/utils/dns/pool/pool';
import { lookUp } from '@/utils/dns/views/answer-view';
import type { InfraAttributor } from '@/utils/infra/operator-lookup';
import { DEFAULT_BLOCKED_CATEGORIES } from '@/utils/rules/category-decisions';
import { poolAnswer } from '@/utils/cname/name-answer';
import { CnameService } from './cname-service';

/** A page load of the shop, its main document on www. */
const page = (id: string) => ({ id, site: 'diffuse-shop.com', host: 'www.diffuse-shop.com' });

const ZONE: Record<string, string[]> = { 'metrics.diffuse-shop.com': ['diffuse-shop.com.sc.omtrdc.net'], 'slow.diffuse-shop.com': ['s.omtrdc.net'] };
const ADDRESS: Record<string, string> = { 'static.diffuse-shop.com': '151.101.1.1' };
/** Operator by address only: enough to see the attribution reach the insight. */
const infra: InfraAttributor = ({ addresses }) => (addresses.includes('151.101.1.1') ? { operator: 'Fastly', via: 'address', evidence: '151.101.1.1' } : null);

function setup(options: { delayMs?: Record<string, number>; mode?: string } = {}) {
  const fetch = fakeDoh(async (seen) => {
    await new Promise((r) => setTimeout(r, options.delayMs?.[seen.name] ?? 0));
    const chain = ZONE[seen.name] ?? [];
    const names = [seen.name, ...chain];
    const last = names[names.length - 1]!;
    const address = seen.type === 'A' ? rr.a(last, ADDRESS[seen.name] ?? '192.0.2.1', 60) : rr.aaaa(last, '2001:db8::1', 60);
    return { answers: [...chain.map((t, i) => rr.cname(names[i]!, t, 300)), address] };
  });
  const pool = new ResolverPool({ fetch, now: () => Date.now(), random: () => 0.5, secret: new Uint8Array(32).fill(3), resolvers: ['https://r1.resolver-fixture.net/dns-query{?dns}'] });
  const saved: unknown[] = [];
  const synced: LearnedCloak[][] = [];
  let stored: unknown;
  const deps: ConstructorParameters<typeof CnameService>[0] = {
    resolve: async (host, site) => poolAnswer(await lookUp(pool, host, undefined, site)),
    targets: async () => buildCloakTargets(CLOAK_SIDE_TABLE, DEFAULT_BLOCKED_CATEGORIES),
    infra: async () => infra,
    attributor: async () => (host) => (host.endsWith('known-cdn.net') ? { organization: 'Known', product: 'Known', category: 'misc', source: 'trackerdb', domain: 'known-cdn.net' } : null),
    store: { load: async () => stored, save: async (json) => void saved.push((stored = json)) },
    syncRules: async (entries) => void synced.push([...entries]),
    mayBlock: async () => options.mode !== 'off',
    now: () => Date.now(),
  };
  return { service: new CnameService(deps), deps, fetch, saved, synced };
}

describe('CnameService', () => {
  it('decides a cloaked first-party subdomain within the wait, learns it, stores it and installs its rule', async () => {
    const { service, saved, synced } = setup();
    await expect(service.decide(page('load1'), 'metrics.diffuse-shop.com', 500)).resolves.toBe(true);
    await service.settled();
    expect(synced.at(-1)?.map((e) => [e.site, e.host, e.ruleId])).toEqual([['diffuse-shop.com', 'metrics.diffuse-shop.com', 50_000]]);
    expect(saved).toHaveLength(1);
    expect(service.cloaksOf('load1')).toMatchObject([{ host: 'metrics.diffuse-shop.com', organization: 'Adobe' }]);
    // The same page load: decided at once from the finished lookup, no new query.
    expect(await service.decide(page('load1'), 'metrics.diffuse-shop.com', 0)).toBe(true);
  });

  it('looks each host up once per page load, and again (from the cache) on the next load', async () => {
    const { service, fetch } = setup();
    await service.see(page('load1'), 'static.diffuse-shop.com').done;
    await service.see(page('load1'), 'static.diffuse-shop.com').done;
    expect(fetch.calls).toHaveLength(2); // A and AAAA
    const again = await service.see(page('load2'), 'static.diffuse-shop.com').done;
    expect(fetch.calls).toHaveLength(2);
    expect(again).toMatchObject({ via: 'pool', addresses: ['151.101.1.1', '2001:db8::1'] });
  });

  it('asks only the page’s own subdomains: third parties, the page itself, private names and known trackers are kept', async () => {
    const { service, fetch } = setup();
    await service.start();
    const kept = async (host: string) => (await service.see(page('load1'), host).done).kept;
    expect(await kept('cdn.thirdparty-fixture.net')).toBe('third-party');
    expect(await kept('www.diffuse-shop.com')).toBe('page-host');
    expect(await kept('printer.local')).toBe('never-sent');
    expect(await kept('wiki.corp.internal')).toBe('never-sent');
    expect(await kept('intranet')).toBe('never-sent');
    expect(await kept('192.0.2.7')).toBe('never-sent');
    // Which rule kept it travels with it, so the popup can tell an address from a private name.
    expect((await service.see(page('load1'), '192.0.2.7').done).neverSent).toBe('ip-literal');
    expect((await service.see(page('load1'), 'printer.local').done).neverSent).toBe('special-use');
    expect(await kept('diffuse-shop.com.sc.omtrdc.net')).toBe('third-party');
    expect(fetch.calls).toHaveLength(0);
    expect((await service.see(page('load1'), 'metrics.diffuse-shop.com').done).via).toBe('pool');
    expect(fetch.calls.map((c) => c.name)).toEqual(['metrics.diffuse-shop.com', 'metrics.diffuse-shop.com']);
  });

  it('keeps every name of a page whose main document came from a private address', async () => {
    const { service, fetch } = setup();
    service.connected(page('load1'), 'www.diffuse-shop.com', '10.1.2.3', true);
    expect(await service.see(page('load1'), 'metrics.diffuse-shop.com').done).toMatchObject({ via: 'none', kept: 'private-page' });
    service.connected(page('load2'), 'www.diffuse-shop.com', '151.101.1.1', true);
    expect((await service.see(page('load2'), 'metrics.diffuse-shop.com').done).via).toBe('pool');
    expect(fetch.calls).toHaveLength(2);
  });

  it('names each host’s operator from the address the browser reached it at, with no lookup, and remembers it', async () => {
    const remembered: [string, string | null][] = [];
    const { deps, fetch } = setup();
    const service = new CnameService({ ...deps, rememberOperator: (host, operator) => void remembered.push([host, operator]) });
    service.connected(page('load1'), 'cdn.thirdparty-fixture.net', '151.101.1.1', false);
    service.connected(page('load1'), 'cdn.thirdparty-fixture.net', '192.0.2.1', false); // the first address stays
    await new Promise((r) => setTimeout(r, 0));
    expect((await service.operators('load1'))('cdn.thirdparty-fixture.net')).toEqual({ operator: 'Fastly', via: 'address', evidence: '151.101.1.1' });
    expect((await service.operators('load1'))('unseen.thirdparty-fixture.net')).toBeUndefined();
    expect(remembered).toEqual([['cdn.thirdparty-fixture.net', 'Fastly']]);
    expect(fetch.calls).toHaveLength(0);
  });

  it('behind the companion’s proxy (webRequest says 127.0.0.1) the operator comes from the address the companion reached', async () => {
    const { service } = setup();
    service.connected(page('load1'), 'cdn.thirdparty-fixture.net', '127.0.0.1', false);
    expect((await service.operators('load1'))('cdn.thirdparty-fixture.net')).toBeNull();
    service.relayed('cdn.thirdparty-fixture.net', '151.101.1.1');
    expect((await service.operators('load1'))('cdn.thirdparty-fixture.net')).toEqual({ operator: 'Fastly', via: 'address', evidence: '151.101.1.1' });
  });

  it('past the bound the request goes, the lookup still teaches the rule, and later requests of that load do not wait', async () => {
    const { service, synced } = setup({ delayMs: { 'slow.diffuse-shop.com': 80 } });
    const started = performance.now();
    expect(await service.decide(page('load1'), 'slow.diffuse-shop.com', 10)).toBe(false);
    expect(performance.now() - started).toBeLessThan(60);
    expect(service.decide(page('load1'), 'slow.diffuse-shop.com', 10)).toBe(false); // synchronous: already waited out
    await service.see(page('load1'), 'slow.diffuse-shop.com').done;
    await service.settled();
    expect(synced.at(-1)?.map((e) => e.host)).toEqual(['slow.diffuse-shop.com']);
  });

  it('does not hold third-party hosts with a known owner; does not block where the policy says off', async () => {
    const { service } = setup({ delayMs: { 'cdn.known-cdn.net': 50 } });
    await service.start();
    expect(service.decide(page('load1'), 'cdn.known-cdn.net', 1000)).toBe(false);
    const off = setup({ mode: 'off' }).service;
    expect(await off.decide(page('load1'), 'metrics.diffuse-shop.com', 500)).toBe(false);
  });

  it('a failed lookup decides nothing and leaves the host unattributed', async () => {
    const { deps } = setup();
    const broken = new CnameService({ ...deps, resolve: async () => Promise.reject(new Error('no resolver')) });
    expect(await broken.decide(page('load1'), 'metrics.diffuse-shop.com', 100)).toBe(false);
    expect(broken.insights.of('load1').get('metrics.diffuse-shop.com')).toMatchObject({ infra: null, cloak: null, error: 'no resolver', resolvers: [] });
  });

  it('loads its tables at start, so the first page’s first held request is not also waiting for them', async () => {
    const { deps } = setup();
    // Tables that take 100 ms to load (a busy machine parsing the side table and the operator tables), loaded once.
    const slow = <T,>(value: T) => {
      let loading: Promise<T> | undefined;
      return () => (loading ??= new Promise<T>((r) => setTimeout(() => r(value), 100)));
    };
    const make = () => new CnameService({ ...deps, targets: slow(buildCloakTargets(CLOAK_SIDE_TABLE, DEFAULT_BLOCKED_CATEGORIES)), infra: slow(infra) });
    const warm = make();
    void warm.start();
    await new Promise((r) => setTimeout(r, 150)); // the background has been up a while when the first page loads
    expect(await warm.decide(page('load1'), 'metrics.diffuse-shop.com', 40)).toBe(true);
    const cold = make(); // never started: its first lookup must load the tables itself, past the 40 ms bound
    expect(await cold.decide(page('load1'), 'metrics.diffuse-shop.com', 40)).toBe(false);
  });

  it('records which resolver each host was sent to: the one that answered, or every one tried when none did', async () => {
    const { service, deps } = setup();
    expect((await service.see(page('load1'), 'static.diffuse-shop.com').done).resolvers).toEqual(['https://r1.resolver-fixture.net/dns-query{?dns}']);
    expect((await service.see(page('load1'), '192.0.2.7').done).resolvers).toEqual([]); // an address: nothing sent
    const tried = [{ resolver: 'https://r1.resolver-fixture.net/dns-query{?dns}', reason: 'timeout' as const, message: 'r1.test: no answer within 1500 ms' }];
    const failing = new CnameService({
      ...deps,
      resolve: async () => Promise.reject(new ResolutionError('x.diffuse-shop.com', 'A', tried)),
    });
    expect(await failing.see(page('load1'), 'x.diffuse-shop.com').done).toMatchObject({ resolvers: ['https://r1.resolver-fixture.net/dns-query{?dns}'], error: expect.stringContaining('no answer within 1500 ms') });
  });
});
