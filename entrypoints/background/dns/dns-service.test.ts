import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeDoh, rr, type Reply, type SeenQuery } from '@/tests/support/fake-doh';
import { createClient, dispatch, type Handlers, type Message } from '@/utils/messages/contract';
import { REQUEST_CHECKS } from '@/utils/messages/request-checks';
import { DnsService } from './dns-service';
import { createDnsHandlers } from './handlers';
import { MIN_DWELL_MS } from '@/utils/dns/pool/speed-tiers';
import { createDnsStore } from '../store/dns-store';

const A = 'https://a.test/dns-query{?dns}';
const B = 'https://b.test/dns-query{?dns}';
const C = 'http://127.0.0.1:8053/dns-query';
let randomCalls = 0;
/** Added to Date.now() by every service made here: tests move time forward with it. */
let clockOffset = 0;

/** Every resolver answers A with 192.0.2.N (N from its host) unless `override` says otherwise. */
function service(override: (seen: SeenQuery) => Reply | undefined = () => undefined) {
  const fetch = fakeDoh((seen) => override(seen) ?? { answers: seen.type === 'A' ? [rr.a(seen.name, `192.0.2.${seen.host.charCodeAt(0) - 96}`, 60)] : [] });
  const dns = new DnsService({
    store: createDnsStore(),
    fetch,
    now: () => Date.now() + clockOffset,
    random: () => 0.5,
    randomBytes: (n) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + ++randomCalls) & 0xff),
  });
  return { dns, fetch };
}
const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('DnsService (fakeBrowser storage, fake DoH resolvers)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('first start: the three default operators by site, no re-keying, and a 32-byte secret saved for good', async () => {
    const { dns } = service();
    const status = await dns.status();
    expect(status.resolvers.map((r) => r.info?.country)).toEqual(['CH', 'SE', 'EU']);
    expect(status).toMatchObject({ strategy: 'site', rekeyDays: 0, problems: [], formerResolvers: [] });
    const secret = await stored('dnsSecret');
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await service().dns.status();
    expect(await stored('dnsSecret')).toBe(secret);
  });

  it('configure: probes each new resolver once, saves, and sends each site’s lookups to one of them', async () => {
    const { dns, fetch } = service();
    const result = await dns.configure({ resolvers: [A, B, C], strategy: 'site' });
    expect(result.ok).toBe(true);
    expect(fetch.calls.map((c) => `${c.host} ${c.name}`).sort()).toEqual(['127.0.0.1:8053 example.com', 'a.test example.com', 'b.test example.com']);
    expect(await stored('dnsSettings')).toEqual({ resolvers: [A, B, C], strategy: 'site', rekeyDays: 0, preferFast: false, lookupsVia: 'browser' });
    fetch.calls.length = 0;
    const answers = await Promise.all(['www.shop.test', 'img.shop.test', 'cdn.other.test'].map((name) => dns.resolve({ name, site: 'https://www.shop.test/' })));
    expect(new Set(answers.map((a) => a.resolver)).size).toBe(1);
    expect(new Set(fetch.calls.map((c) => c.host)).size).toBe(1);
    expect(answers[0]).toMatchObject({ name: 'www.shop.test', site: 'shop.test', rcode: 'NOERROR', cnameChain: [], fromCache: false });
  });

  it('refuses an empty list, a non-loopback http URL, or a resolver that fails its probe, and changes nothing', async () => {
    const { dns, fetch } = service((seen) => (seen.host === 'b.test' ? { status: 503 } : undefined));
    expect((await dns.configure({ resolvers: [A] })).ok).toBe(true);
    const before = await dns.status();
    expect(await dns.configure({ resolvers: [], strategy: 'name' })).toEqual({ ok: false, errors: { resolvers: expect.stringContaining('at least one') } });
    expect(await dns.configure({ resolvers: ['http://dns.example/dns-query'] })).toMatchObject({ ok: false, errors: { resolvers: expect.stringContaining('https://') } });
    const probed = await dns.configure({ resolvers: [A, B], rekeyDays: 7 });
    expect(probed).toEqual({ ok: false, errors: { resolvers: 'Not added: b.test: answered HTTP 503. A resolver must answer a test query before it is saved.' } });
    expect(await dns.status()).toEqual({ ...before, takenAt: expect.any(Number) });
    expect(await stored('dnsSettings')).toEqual({ resolvers: [A], strategy: 'site', rekeyDays: 0, preferFast: false, lookupsVia: 'browser' });
    expect(fetch.calls.filter((c) => c.host === 'b.test')).toHaveLength(1);
  });

  it('hands the companion its configuration, again after a change, and records its lookups in the ledger', async () => {
    const { dns } = service();
    const config = await dns.companionConfig();
    expect(config).toMatchObject({ strategy: 'site', rekeyDays: 0 });
    expect(config.secret).toHaveLength(32);
    const seen: string[][] = [];
    dns.onSettingsChanged((next) => seen.push(next.resolvers));
    expect((await dns.configure({ resolvers: [A] })).ok).toBe(true);
    expect(seen).toEqual([[A]]);
    await dns.recordCompanionLookup(B, 'shop.test', 'www.shop.test');
    await dns.recordCompanionLookup(B, 'shop.test', 'img.shop.test');
    await dns.flush();
    expect((await dns.status()).resolvers.length).toBeGreaterThan(0);
    const ledger = (await stored('dnsLedger')) as { resolvers: { resolver: string; queries: number; sites: unknown[]; names: unknown[] }[] };
    expect(ledger.resolvers.find((r) => r.resolver === B)).toMatchObject({ queries: 2, sites: [expect.anything()], names: [expect.anything(), expect.anything()] });
  });

  it('persists the ledger, so a restarted background still shows what each resolver was sent', async () => {
    const { dns } = service();
    await dns.configure({ resolvers: [A, B] });
    const sites = ['one.test', 'two.test', 'three.test', 'four.test'];
    for (const site of sites) await dns.resolve({ name: `www.${site}`, recordType: 'A', site });
    await dns.flush();
    const restarted = service().dns;
    const exposure = (await restarted.status()).resolvers.map((r) => r.exposure);
    expect(exposure.reduce((sum, e) => sum + e.sites, 0)).toBe(4);
    expect(exposure.reduce((sum, e) => sum + e.siteShare, 0)).toBeCloseTo(1);
    expect(JSON.stringify(await stored('dnsLedger'))).not.toContain('one.test'); // hashed, never in clear
  });

  it('a corrupt stored ledger: a clear message in dns.status and a fresh ledger, not a crash', async () => {
    await service().dns.status(); // the secret exists, as after any earlier run
    await fakeBrowser.storage.local.set({ dnsLedger: { version: 1, resolvers: [{ resolver: A, queries: 'many' }] } });
    const { dns } = service();
    const status = await dns.status();
    expect(status.problems).toEqual([
      'The stored record of what each resolver was sent could not be read (ledger.resolvers[0].queries must be a non-negative integer.); a new, empty record was started.',
    ]);
    await dns.configure({ resolvers: [A] });
    await expect(dns.resolve({ name: 'www.site.test', site: 'site.test' })).resolves.toMatchObject({ addresses: ['192.0.2.1'] });
    await dns.flush();
    expect(await stored('dnsLedger')).toMatchObject({ version: 1, resolvers: [{ resolver: A, queries: 2 }] });
    expect((await dns.clearLedger()).problems).toEqual([]);
    expect(await stored('dnsLedger')).toEqual({ version: 1, resolvers: [] });
  });

  it('prefer faster resolvers: weighs by the stored speed tiers only while on, and keeps re-learnt tiers for the next start', async () => {
    await service().dns.status(); // the secret exists, as after any earlier run
    await fakeBrowser.storage.local.set({ dnsSpeedTiers: { [A]: 0, [B]: 6 } }); // B measured 8× slower before
    const { dns, fetch } = service();
    const on = await dns.configure({ resolvers: [A, B], preferFast: true });
    expect(on.ok && on.status.preferFast).toBe(true);
    expect(on.ok && on.status.resolvers.map((r) => r.weight)).toEqual([1, 1 / 64]);
    const askedB = async (from: number) => {
      fetch.calls.length = 0;
      for (let i = from; i < from + 40; i++) await dns.resolve({ name: `www.s${i}.test`, site: `s${i}.test` });
      return fetch.calls.filter((c) => c.host === 'b.test').length;
    };
    expect(await askedB(0)).toBeLessThan(6); // 1/65 of the sites: most likely none of 40
    await dns.configure({ preferFast: false });
    expect(await askedB(100)).toBeGreaterThan(10); // even spread: about 20 of 40
    expect(await stored('dnsSpeedTiers')).toEqual({ [A]: 0, [B]: 6 }); // restored tiers wait out their dwell time
    clockOffset += MIN_DWELL_MS;
    await askedB(200);
    // These fake resolvers answer at once, so B is now about as fast as A: its tier was re-learnt and saved. On a
    // busy machine one of them may measure a tier slower (scheduling, not the resolver), never the old 8×.
    const relearnt = (await stored('dnsSpeedTiers')) as Record<string, number>;
    expect(relearnt[B]).toBeLessThanOrEqual(1);
    expect(relearnt[A]).toBeLessThanOrEqual(1);
    expect((await service().dns.status()).resolvers.map((r) => r.weight).every((w) => w >= 1 / 2)).toBe(true);
  });

  it('unreadable stored speed tiers: said in dns.status, and measured again', async () => {
    await service().dns.status();
    await fakeBrowser.storage.local.set({ dnsSpeedTiers: 'fast' });
    expect((await service().dns.status()).problems).toEqual(['The stored resolver speed tiers were not an object; they will be measured again.']);
  });

  it('pruning to a time drops older ledger entries from memory and storage at once; later ones stay', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { dns } = service();
    await dns.configure({ resolvers: [A] });
    vi.setSystemTime(new Date(2026, 0, 1, 12));
    await dns.resolve({ name: 'www.old.test', site: 'old.test' });
    vi.setSystemTime(new Date(2026, 0, 20, 12));
    await dns.resolve({ name: 'www.new.test', site: 'new.test' });
    await dns.flush();
    await dns.pruneLedgerBefore(new Date(2026, 0, 10).getTime());
    // No flush: a pruning is stored before the call returns.
    expect(await stored('dnsLedger')).toMatchObject({ resolvers: [{ resolver: A, sites: [expect.anything()], names: [expect.anything()] }] });
    const [exposure] = (await service().dns.status()).resolvers.map((r) => r.exposure);
    expect(exposure).toMatchObject({ sites: 1, names: 1, siteShare: 1 });
  });

  it('a corrupt stored ledger does not break pruning: its message stays, and nothing else stored changes', async () => {
    await service().dns.configure({ resolvers: [A] });
    const corrupt = { version: 1, resolvers: [{ resolver: A, queries: 'many' }] };
    await fakeBrowser.storage.local.set({ dnsLedger: corrupt });
    const { dns } = service();
    await expect(dns.pruneLedgerBefore(Date.now())).resolves.toBeUndefined();
    expect((await dns.status()).problems).toEqual([expect.stringContaining('could not be read (ledger.resolvers[0].queries must be')]);
    expect(await stored('dnsSettings')).toEqual({ resolvers: [A], strategy: 'site', rekeyDays: 0, preferFast: false, lookupsVia: 'browser' });
    expect(await stored('dnsLedger')).toEqual(corrupt); // the fresh ledger had nothing to prune, so nothing was written
  });

  it('a restarted background still knows a resolver is out of service (storage.session), so its sites skip it', async () => {
    const down = (seen: SeenQuery) => (seen.host === 'b.test' && seen.name !== 'example.com' ? { status: 503 } : undefined); // it passed its probe, then died
    const { dns } = service(down);
    expect((await dns.configure({ resolvers: [A, B] })).ok).toBe(true);
    for (let i = 0; i < 12; i++) await dns.resolve({ name: `www.s${i}.test`, site: `s${i}.test` }).catch(() => undefined);
    await dns.flush();
    const before = (await dns.status()).resolvers.find((r) => r.url === B)?.health;
    expect(before?.state).toBe('open');
    const restarted = service(down);
    const after = (await restarted.dns.status()).resolvers.find((r) => r.url === B)?.health;
    expect(after).toEqual(before);
    // About half of 12 new sites hash to b.test first: without the stored health each would ask it and fail over.
    for (let i = 0; i < 12; i++) await restarted.dns.resolve({ name: `www.n${i}.test`, site: `n${i}.test` });
    expect(new Set(restarted.fetch.calls.map((c) => c.host))).toEqual(new Set(['a.test']));
    expect(await fakeBrowser.storage.local.get('dnsHealth')).toEqual({}); // memory-only area, not on disk
  });

  it('a stored ledger whose install secret is gone is not reused: its hashes could never match again', async () => {
    await fakeBrowser.storage.local.set({ dnsLedger: { version: 1, resolvers: [] } });
    const status = await service().dns.status();
    expect(status.problems).toEqual(['The stored record of what each resolver was sent belonged to a lost install secret; a new record was started.']);
  });

  it('a secret too short to key the pool (broken randomness) fails the start with its message and replaces nothing stored', async () => {
    await fakeBrowser.storage.local.set({ dnsLedger: { version: 1, resolvers: [] } });
    const dns = new DnsService({ store: createDnsStore(), fetch: fakeDoh(() => ({})), now: Date.now, random: Math.random, randomBytes: () => new Uint8Array(8) });
    await expect(dns.status()).rejects.toThrow('The per-install secret must be at least 16 random bytes.');
    expect(await stored('dnsLedger')).toEqual({ version: 1, resolvers: [] });
  });

  it('a configure arriving while the fleet\'s policy is still being read waits for it, and is refused where the policy sets the field', async () => {
    const { dns } = service();
    let answer: (policy: { strategy: 'name' }) => void = () => {};
    const applied = dns.setManaged(new Promise((resolve) => (answer = resolve))); // a worker's first turn (managed/)
    const change = dns.configure({ strategy: 'site' }); // the options page that woke the worker
    await new Promise((r) => setTimeout(r, 0));
    answer({ strategy: 'name' });
    await applied;
    expect(await change).toMatchObject({ ok: false, errors: { strategy: expect.stringContaining('Set by your organization') } });
    expect(await dns.status()).toMatchObject({ strategy: 'name' });
    expect(await stored('dnsSettings')).toMatchObject({ strategy: 'name' });
  });

  it('answers through the typed contract; a lookup no resolver answers reaches the page as its message', async () => {
    const { dns } = service((seen) => (seen.name === 'www.down.test' ? { status: 500 } : undefined));
    const handlers = createDnsHandlers(dns) as unknown as Handlers;
    const call = createClient((message) => dispatch(handlers, REQUEST_CHECKS, message as Message));
    expect((await call('dns.configure', { resolvers: [A] })).ok).toBe(true);
    await expect(call('dns.resolve', { name: 'www.up.test' })).resolves.toMatchObject({ site: 'up.test', resolver: A });
    await expect(call('dns.resolve', { name: 'www.down.test' })).rejects.toThrow('Could not resolve www.down.test (A): a.test: answered HTTP 500.');
    expect((await call('dns.status', {})).resolvers[0]?.health).toMatchObject({ failures: 2, successes: 2 }); // A and AAAA each way
  });
});
