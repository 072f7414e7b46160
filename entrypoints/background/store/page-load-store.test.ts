import { afterEach, describe, expect, it } from 'vitest';
import { DiffuseDb } from './db';
import { PageLoadStore } from './page-load-store';

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
const counts = (id: string, entries: Record<string, number>) => new Map([[id, new Map(Object.entries(entries))]]);

describe('PageLoadStore (fake-indexeddb)', () => {
  it('adds counts across batches instead of overwriting them', async () => {
    const store = freshStore();
    await store.persist({ loads: [load('a', 1)], counts: counts('a', { 'x.test': 2 }), blocked: new Map(), closedTabs: [] });
    await store.persist({ loads: [], counts: counts('a', { 'x.test': 3, 'y.test': 1 }), blocked: counts('a', { 'y.test': 1 }), closedTabs: [] });
    expect(await store.view('a')).toEqual({
      pageLoad: load('a', 1),
      hosts: [
        { host: 'x.test', requests: 5, blocked: 0 },
        { host: 'y.test', requests: 1, blocked: 1 },
      ],
    });
  });

  it('remembers which page load each tab is on until the tab closes; history stays', async () => {
    const store = freshStore();
    await store.persist({ loads: [load('a', 1), load('b', 2)], counts: new Map(), blocked: new Map(), closedTabs: [] });
    await store.persist({ loads: [load('c', 1)], counts: new Map(), blocked: new Map(), closedTabs: [] });
    expect((await store.currentPageLoads()).map((l) => l.id).sort()).toEqual(['b', 'c']);
    await store.persist({ loads: [], counts: new Map(), blocked: new Map(), closedTabs: [2] });
    expect((await store.currentPageLoads()).map((l) => l.id)).toEqual(['c']);
    expect(await store.view('b')).not.toBeNull();
  });

  it('an unknown page load reads as null, not an error', async () => {
    expect(await freshStore().view('missing')).toBeNull();
  });
});
