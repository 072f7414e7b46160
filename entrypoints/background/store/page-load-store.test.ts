import { afterEach, describe, expect, it } from 'vitest';
import { DiffuseDb } from './db';
import { PageLoadStore } from './page-load-store';
import { zeroCounters, type Counters } from '@/utils/pageload/page-load';

let n = 0;
const dbs: DiffuseDb[] = [];
function freshStore() {
  const db = new DiffuseDb(`diffuse-test-${++n}`);
  dbs.push(db);
  return new PageLoadStore(db);
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const load = (id: string, tabId: number) => ({ id, tabId, url: `http://${id}.test/`, site: `${id}.test`, startedAt: 1 });
/** pageLoadId → host → counters, from a few counters per host. */
const deltas = (id: string, entries: Record<string, Partial<Counters>>) =>
  new Map([[id, new Map(Object.entries(entries).map(([host, c]) => [host, { ...zeroCounters(), ...c }]))]]);

describe('PageLoadStore (fake-indexeddb)', () => {
  it('adds counts across batches instead of overwriting them', async () => {
    const store = freshStore();
    await store.persist({ loads: [load('a', 1)], deltas: deltas('a', { 'x.test': { requests: 2, clear: 2 } }), closedTabs: [] });
    await store.persist({ loads: [], deltas: deltas('a', { 'x.test': { requests: 3 }, 'y.test': { requests: 1, blocked: 1, secured: 1, tls13: 1 } }), closedTabs: [] });
    expect(await store.view('a')).toEqual({
      pageLoad: load('a', 1),
      hosts: [
        { ...zeroCounters(), host: 'x.test', requests: 5, clear: 2 },
        { ...zeroCounters(), host: 'y.test', requests: 1, blocked: 1, secured: 1, tls13: 1 },
      ],
    });
  });

  it('reads rows written before a counter existed (no `blocked`, no TLS fields) as zeros', async () => {
    const db = new DiffuseDb(`diffuse-test-${++n}`);
    dbs.push(db);
    await db.pageLoads.put(load('old', 1));
    await db.contacts.put({ pageLoadId: 'old', host: 'x.test', requests: 4 });
    expect((await new PageLoadStore(db).view('old'))?.hosts).toEqual([{ ...zeroCounters(), host: 'x.test', requests: 4 }]);
  });

  it('remembers which page load each tab is on until the tab closes; history stays', async () => {
    const store = freshStore();
    await store.persist({ loads: [load('a', 1), load('b', 2)], deltas: new Map(), closedTabs: [] });
    await store.persist({ loads: [load('c', 1)], deltas: new Map(), closedTabs: [] });
    expect((await store.currentPageLoads()).map((l) => l.id).sort()).toEqual(['b', 'c']);
    await store.persist({ loads: [], deltas: new Map(), closedTabs: [2] });
    expect((await store.currentPageLoads()).map((l) => l.id)).toEqual(['c']);
    expect(await store.view('b')).not.toBeNull();
  });

  it('at start-up, drops the pointers of tabs that are no longer open, and of page loads no longer stored', async () => {
    const store = freshStore();
    await store.persist({ loads: [load('a', 1), load('b', 2), load('c', 3)], deltas: new Map(), closedTabs: [] });
    expect((await store.currentPageLoads(new Set([2, 3, 9]))).map((l) => l.id).sort()).toEqual(['b', 'c']);
    // Tab 1's pointer is gone for good, not only left out once.
    expect((await store.currentPageLoads()).map((l) => l.id).sort()).toEqual(['b', 'c']);
    expect(await store.view('a')).not.toBeNull(); // history stays; retention decides its time
  });

  it('an unknown page load reads as null, not an error', async () => {
    expect(await freshStore().view('missing')).toBeNull();
  });
});
