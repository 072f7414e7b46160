import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeDoh, rr } from '@/tests/support/fake-doh';
import { DnsService } from '../dns/dns-service';
import { DiffuseDb } from '../store/db';
import { createDnsStore } from '../store/dns-store';
import { HistoryStore } from '../store/history-store';
import { PageLoadStore } from '../store/page-load-store';
import { rangeOf } from '@/utils/history/days';
import { saveHistorySettings } from '../store/history-settings-store';
import { deleteAllHistory, forgetSiteHistory, pruneHistory, startHistoryPruning } from './history-pruner';
import type { HistoryFollower } from '@/utils/history/history-follower';

const A = 'https://a.test/dns-query';
const B = 'https://b.test/dns-query';
/** With 30 days kept, the first kept day is 1 January: what started before its local midnight goes. */
const NOW = new Date(2026, 0, 31, 12).getTime();
const OLD = new Date(2025, 11, 31, 23, 30).getTime();
const KEPT = new Date(2026, 0, 1, 0, 30).getTime();

let db: DiffuseDb;
let n = 0;
const clock = { now: NOW };

/** The DNS service over fake storage and a fake resolver, the ledger following history as the composition root wires it. */
function dnsWithFollower() {
  const dns = new DnsService({
    store: createDnsStore(),
    fetch: fakeDoh((seen) => ({ answers: seen.type === 'A' ? [rr.a(seen.name, '192.0.2.1', 60)] : [] })),
    now: () => clock.now,
    random: () => 0.5,
    randomBytes: (length) => new Uint8Array(length).fill(7),
  });
  const follower: HistoryFollower = {
    pruneBefore: (time) => dns.pruneLedgerBefore(time),
    deleteAll: () => dns.clearLedger().then(() => undefined),
    forgetSite: (site) => dns.forgetSite(site),
  };
  return { dns, follower };
}

async function setup() {
  db = new DiffuseDb(`pruner-test-${++n}`);
  const { dns, follower } = dnsWithFollower();
  await dns.configure({ resolvers: [A] });
  return { history: new HistoryStore(db, new PageLoadStore(db)), dns, follower };
}

/** One page load of `site` at `time`, its tab closed, and the lookup made for it then. */
async function visit({ history, dns }: Awaited<ReturnType<typeof setup>>, site: string, time: number) {
  await history.record({ loads: [{ id: site, tabId: time, url: `https://www.${site}/`, site, startedAt: time }], deltas: new Map(), closedTabs: [time] });
  clock.now = time;
  await dns.resolve({ name: `www.${site}`, site });
  clock.now = NOW;
  await dns.flush();
}

const ledgerSites = async (dns: DnsService) => (await dns.status()).resolvers.reduce((sum, r) => sum + r.exposure.sites, 0);
const exposure = async (dns: DnsService) => new Map((await dns.status()).resolvers.map((r) => [r.url, { sites: r.exposure.sites, names: r.exposure.names }]));
const storedLedger = async () => (await fakeBrowser.storage.local.get('dnsLedger')).dnsLedger as { resolvers: { sites: unknown[] }[] };

beforeEach(() => {
  fakeBrowser.reset();
  clock.now = NOW;
});
afterEach(() => db.delete());

describe('history pruning carries the DNS exposure ledger with it', () => {
  it('drops page loads and ledger entries from before the first kept day, in memory and in storage; keeps the rest', async () => {
    const ctx = await setup();
    await visit(ctx, 'old.test', OLD);
    await visit(ctx, 'kept.test', KEPT);
    expect(await ledgerSites(ctx.dns)).toBe(2);
    await pruneHistory(ctx.history, ctx.follower, NOW);
    expect(await ctx.history.stats()).toEqual({ pageLoads: 1, since: KEPT });
    expect(await ledgerSites(ctx.dns)).toBe(1);
    expect((await storedLedger()).resolvers.map((r) => r.sites.length)).toEqual([1]);
  });

  it('"forever" prunes nothing, in history or in the ledger', async () => {
    const ctx = await setup();
    await saveHistorySettings({ retentionDays: null, off: false });
    await visit(ctx, 'old.test', OLD);
    await visit(ctx, 'kept.test', KEPT);
    await pruneHistory(ctx.history, ctx.follower, NOW + 3650 * 86_400_000);
    expect((await ctx.history.stats()).pageLoads).toBe(2);
    expect(await ledgerSites(ctx.dns)).toBe(2);
  });

  it('a corrupt stored ledger: history is still pruned, dns.status says why, the DNS settings stay', async () => {
    const ctx = await setup();
    await visit(ctx, 'old.test', OLD);
    const corrupt = { version: 1, resolvers: 'lost' };
    await fakeBrowser.storage.local.set({ dnsLedger: corrupt });
    const { dns, follower } = dnsWithFollower(); // a restarted background reads the corrupt ledger
    await pruneHistory(ctx.history, follower, NOW);
    expect((await ctx.history.stats()).pageLoads).toBe(0);
    expect((await dns.status()).problems).toEqual([expect.stringContaining('could not be read (ledger.resolvers must be an array.)')]);
    expect((await fakeBrowser.storage.local.get('dnsSettings')).dnsSettings).toMatchObject({ resolvers: [A] });
  });

  it('a follower that fails does not keep history from being pruned or deleted; the failure is reported', async () => {
    const ctx = await setup();
    await visit(ctx, 'old.test', OLD);
    const down = () => Promise.reject(new Error('ledger down'));
    const broken: HistoryFollower = { pruneBefore: down, deleteAll: down, forgetSite: down };
    await expect(pruneHistory(ctx.history, broken, NOW)).rejects.toThrow('ledger down');
    expect((await ctx.history.stats()).pageLoads).toBe(0);
    await visit(ctx, 'kept.test', KEPT);
    await visit(ctx, 'other.test', KEPT);
    await expect(forgetSiteHistory(ctx.history, broken, 'kept.test')).rejects.toThrow('ledger down');
    expect((await ctx.history.slice(rangeOf('all', NOW))).days.map((d) => d.site)).toEqual(['other.test']);
    await expect(deleteAllHistory(ctx.history, broken)).rejects.toThrow('ledger down');
    expect((await ctx.history.stats()).pageLoads).toBe(0);
  });

  it('deleting all history clears the ledger too', async () => {
    const ctx = await setup();
    await visit(ctx, 'kept.test', KEPT);
    await deleteAllHistory(ctx.history, ctx.follower);
    expect(await ledgerSites(ctx.dns)).toBe(0);
    expect(await storedLedger()).toEqual({ version: 1, resolvers: [] });
  });

  it('forgetting a site takes it from the resolver that was sent it, in storage at once; names stay (not linked to sites)', async () => {
    const ctx = await setup();
    await ctx.dns.configure({ resolvers: [A, B] });
    const sites = ['one.test', 'two.test', 'three.test', 'four.test', 'five.test'];
    for (const site of sites) await visit(ctx, site, KEPT);
    // Asked again, the cached answer names the resolver the site's lookups went to (and records nothing).
    const had = (await ctx.dns.resolve({ name: 'www.one.test', site: 'one.test' })).resolver;
    const before = await exposure(ctx.dns);
    await forgetSiteHistory(ctx.history, ctx.follower, 'one.test');
    const after = await exposure(ctx.dns);
    for (const [resolver, e] of before) expect(after.get(resolver)).toEqual({ sites: e.sites - (resolver === had ? 1 : 0), names: e.names });
    expect((await ctx.history.slice(rangeOf('all', NOW))).days.map((d) => d.site).sort()).toEqual(sites.slice(1).sort());
    // No flush: the forgetting is stored before the call returns.
    expect((await storedLedger()).resolvers.reduce((sum, r) => sum + r.sites.length, 0)).toBe(sites.length - 1);
  });

  it('only the first start of an extension load prunes at start, after a delay; a later worker leaves it to the alarm', async () => {
    const follower = { pruneBefore: vi.fn(async () => {}), deleteAll: vi.fn(async () => {}), forgetSite: vi.fn(async () => {}) };
    db = new DiffuseDb(`pruner-test-${++n}`);
    const history = new HistoryStore(db, new PageLoadStore(db));
    startHistoryPruning(history, follower, async () => false, 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(follower.pruneBefore).not.toHaveBeenCalled();
    startHistoryPruning(history, follower, async () => true, 30);
    await new Promise((r) => setTimeout(r, 5));
    expect(follower.pruneBefore).not.toHaveBeenCalled(); // not yet: the waking event comes first
    await vi.waitFor(() => expect(follower.pruneBefore).toHaveBeenCalledTimes(1));
  });

  it('the start-up run and the daily alarm prune the follower to the same cut-off as history', async () => {
    const follower = { pruneBefore: vi.fn(async () => {}), deleteAll: vi.fn(async () => {}), forgetSite: vi.fn(async () => {}) };
    db = new DiffuseDb(`pruner-test-${++n}`);
    const history = new HistoryStore(db, new PageLoadStore(db));
    const prune = vi.spyOn(history, 'prune');
    startHistoryPruning(history, follower, async () => true, 0);
    await vi.waitFor(() => expect(follower.pruneBefore).toHaveBeenCalledTimes(1));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'diffuse-prune-history', scheduledTime: Date.now() });
    await vi.waitFor(() => expect(follower.pruneBefore).toHaveBeenCalledTimes(2));
    await Promise.all(prune.mock.results.map((r) => r.value)); // before afterEach deletes the database
    expect(prune.mock.calls).toHaveLength(2);
    const today = new Date();
    expect(follower.pruneBefore).toHaveBeenLastCalledWith(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30).getTime());
  });
});
