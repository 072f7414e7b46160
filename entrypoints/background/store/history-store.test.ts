import { afterEach, describe, expect, it } from 'vitest';
import { DiffuseDb } from './db';
import { HistoryStore } from './history-store';
import { PageLoadStore } from './page-load-store';
import { zeroCounters, type Counters, type PageLoad } from '@/utils/pageload/page-load';
import type { PageLoadBatch } from '@/utils/pageload/batch';
import { rangeOf } from '@/utils/history/days';

let n = 0;
const dbs: DiffuseDb[] = [];
function fresh() {
  const db = new DiffuseDb(`history-test-${++n}`);
  dbs.push(db);
  const pageLoads = new PageLoadStore(db);
  return { db, pageLoads, history: new HistoryStore(db, pageLoads) };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const DAY = 86_400_000;
const NOW = new Date(2026, 0, 31, 15).getTime();
const load = (id: string, site: string, daysAgo: number, tabId = 1): PageLoad => ({ id, tabId, url: `https://www.${site}/`, site, startedAt: NOW - daysAgo * DAY });
const counts = (c: Partial<Counters>): Counters => ({ ...zeroCounters(), ...c });
function batch(loads: PageLoad[], deltas: Record<string, Record<string, Partial<Counters>>>, closedTabs: number[] = []): PageLoadBatch {
  const map = new Map(Object.entries(deltas).map(([id, hosts]) => [id, new Map(Object.entries(hosts).map(([h, c]) => [h, counts(c)]))]));
  return { loads, deltas: map, closedTabs };
}

describe('HistoryStore (fake-indexeddb)', () => {
  it('rolls each batch up by day, site and host, adding across batches and page loads', async () => {
    const { history } = fresh();
    await history.record(batch([load('a', 'news.test', 0), load('b', 'news.test', 0, 2)], { a: { 'cdn.test': { requests: 2 } }, b: { 'cdn.test': { requests: 1, blocked: 1 } } }));
    await history.record(batch([], { a: { 'cdn.test': { requests: 3 }, 'ads.test': { requests: 1, blocked: 1 } } }));
    expect((await history.slice(rangeOf('today', NOW))).days).toEqual([
      { day: '2026-01-31', site: 'news.test', pageLoads: 2, hosts: ['cdn.test', 'ads.test'], counters: { requests: [6, 1], blocked: [1, 1] } },
    ]);
  });

  it('a range reads only its days', async () => {
    const { history } = fresh();
    await history.record(batch([load('old', 'a.test', 10), load('new', 'b.test', 2, 2)], { old: { 'x.test': { requests: 1 } }, new: { 'y.test': { requests: 1 } } }));
    expect((await history.slice(rangeOf('7d', NOW))).days.map((d) => d.hosts)).toEqual([['y.test']]);
    expect((await history.slice(rangeOf('30d', NOW))).days.map((d) => d.site)).toEqual(['a.test', 'b.test']);
    expect((await history.slice(rangeOf('all', NOW))).days).toHaveLength(2);
  });

  it('prunes page loads, contacts, roll-up and tab pointers before the first kept day, a page a tab points at too', async () => {
    const { history, pageLoads } = fresh();
    await history.record(batch([load('old', 'a.test', 40, 1), load('open', 'b.test', 90, 2), load('new', 'c.test', 1, 3)], {
      old: { 'x.test': { requests: 1 } }, open: { 'x.test': { requests: 1 } }, new: { 'x.test': { requests: 1 } },
    }));
    await history.record(batch([load('later', 'a.test', 0, 1)], {})); // tab 1 moved on; tab 2 still points at a 90-day-old load
    expect(await history.prune('2026-01-01')).toBe(2);
    expect(await pageLoads.view('old')).toBeNull();
    expect(await pageLoads.view('open')).toBeNull();
    expect((await history.slice(rangeOf('all', NOW))).days.map((d) => d.site)).toEqual(['c.test', 'a.test']);
    expect(await history.stats()).toMatchObject({ pageLoads: 2 });
    // A restarted worker resumes nothing for tab 2: its pointer went with the load.
    expect((await pageLoads.currentPageLoads()).map((l) => l.id).sort()).toEqual(['later', 'new']);
    // Counts the open tab still sends for the pruned load are dropped, not stored as orphans.
    await history.record(batch([], { open: { 'x.test': { requests: 1 } } }));
    expect(await pageLoads.view('open')).toBeNull();
  });

  it('delete all empties history; counts that later arrive for a deleted page load are dropped, not orphaned', async () => {
    const { db, history } = fresh();
    await history.record(batch([load('a', 'a.test', 0)], { a: { 'x.test': { requests: 1 } } }));
    await history.deleteAll();
    await history.record(batch([], { a: { 'x.test': { requests: 1 } } }));
    expect(await db.contacts.count()).toBe(0);
    expect(await db.dailySites.count()).toBe(0);
    expect(await history.stats()).toEqual({ pageLoads: 0, since: null });
  });

  it('forgetting a site deletes its page loads, contacts, tab pointers and roll-up rows on every day; other sites stay', async () => {
    const { db, history, pageLoads } = fresh();
    await history.record(batch([load('a1', 'a.test', 3, 1), load('b1', 'b.test', 3, 2), load('a2', 'a.test', 0, 3)], {
      a1: { 'x.test': { requests: 1 } }, b1: { 'x.test': { requests: 2 } }, a2: { 'y.test': { requests: 1 } },
    }));
    // Tab 3 is still on a.test: its page load goes too, and the tab no longer resumes it.
    expect(await history.forgetSite('a.test')).toBe(2);
    expect((await history.slice(rangeOf('all', NOW))).days).toEqual([
      { day: '2026-01-28', site: 'b.test', pageLoads: 1, hosts: ['x.test'], counters: { requests: [2] } },
    ]);
    expect(await db.contacts.toArray()).toEqual([expect.objectContaining({ pageLoadId: 'b1', host: 'x.test', requests: 2 })]);
    expect((await pageLoads.currentPageLoads()).map((l) => l.id)).toEqual(['b1']);
    // Counts still pending for a forgotten page load do not bring the site back.
    await history.record(batch([], { a2: { 'y.test': { requests: 5 } } }));
    expect((await history.slice(rangeOf('all', NOW))).days.map((d) => d.site)).toEqual(['b.test']);
    expect(await history.stats()).toEqual({ pageLoads: 1, since: NOW - 3 * DAY });
    expect(await history.forgetSite('never.test')).toBe(0);
  });

  it('a failed roll-up write rolls the whole batch back, so a retry does not count twice', async () => {
    const { db, history } = fresh();
    const original = db.dailySites.bulkPut.bind(db.dailySites);
    db.dailySites.bulkPut = (() => Promise.reject(new Error('QuotaExceededError'))) as unknown as typeof db.dailySites.bulkPut;
    await expect(history.record(batch([load('a', 'a.test', 0)], { a: { 'x.test': { requests: 1 } } }))).rejects.toThrow();
    expect(await db.pageLoads.count()).toBe(0);
    db.dailySites.bulkPut = original;
    await history.record(batch([load('a', 'a.test', 0)], { a: { 'x.test': { requests: 1 } } }));
    expect((await history.slice(rangeOf('today', NOW))).days).toEqual([{ day: '2026-01-31', site: 'a.test', pageLoads: 1, hosts: ['x.test'], counters: { requests: [1] } }]);
  });
});
