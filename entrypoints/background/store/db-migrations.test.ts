import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DiffuseDb } from './db';

/**
 * Each schema version opened over a database written by the version before it. The old schemas are copied
 * here as they shipped (they are frozen: db.ts adds versions and never edits one).
 */
const V1 = { pageLoads: 'id, tabId, site, startedAt', contacts: '[pageLoadId+host], pageLoadId, host', tabs: 'tabId' };
const V2 = { policies: 'site' };

let n = 0;
const names: string[] = [];
function oldDb(version: 1 | 2): Dexie {
  const name = `migration-test-${++n}`;
  names.push(name);
  const db = new Dexie(name);
  db.version(1).stores(V1);
  if (version >= 2) db.version(2).stores(V2);
  return db;
}
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const startedAt = new Date(2026, 0, 30, 10).getTime();

describe('schema migrations', () => {
  it('v1 → v2 keeps page loads, contacts and tab pointers and adds an empty policies table', async () => {
    const old = oldDb(1);
    await old.table('pageLoads').add({ id: 'a', tabId: 1, url: 'https://www.a.test/', site: 'a.test', startedAt });
    await old.table('contacts').add({ pageLoadId: 'a', host: 'x.test', requests: 2 });
    await old.table('tabs').add({ tabId: 1, pageLoadId: 'a' });
    old.close();

    const db = new DiffuseDb(old.name);
    expect(await db.pageLoads.get('a')).toMatchObject({ site: 'a.test' });
    // A v1 row has no `blocked`: it stays absent and reads as 0 (page-load-store).
    expect(await db.contacts.get(['a', 'x.test'])).toEqual({ pageLoadId: 'a', host: 'x.test', requests: 2 });
    expect(await db.tabs.get(1)).toEqual({ tabId: 1, pageLoadId: 'a' });
    expect(await db.policies.count()).toBe(0);
    await db.policies.put({ site: 'a.test', mode: 'off', companies: {} });
    expect(await db.policies.get('a.test')).toMatchObject({ mode: 'off' });
    db.close();
  });

  it('v2 → v3 builds the daily roll-up from the page loads stored so far and keeps policies', async () => {
    const old = oldDb(2);
    await old.table('pageLoads').bulkAdd([
      { id: 'a', tabId: 1, url: 'https://www.a.test/', site: 'a.test', startedAt },
      { id: 'b', tabId: 2, url: 'https://www.a.test/x', site: 'a.test', startedAt: startedAt + 60_000 },
      { id: 'c', tabId: 3, url: 'https://b.test/', site: 'b.test', startedAt: startedAt - 86_400_000 },
    ]);
    await old.table('contacts').bulkAdd([
      { pageLoadId: 'a', host: 'cdn.test', requests: 2, blocked: 1 },
      { pageLoadId: 'b', host: 'cdn.test', requests: 3 },
      { pageLoadId: 'c', host: 'cdn.test', requests: 1 },
      { pageLoadId: 'gone', host: 'cdn.test', requests: 9 }, // an orphan row: no page load, no roll-up
    ]);
    await old.table('policies').add({ site: 'a.test', mode: 'strict', companies: { google: 'allow' } });
    old.close();

    const db = new DiffuseDb(old.name);
    expect(await db.dailySites.orderBy('[day+site]').toArray()).toEqual([
      { day: '2026-01-29', site: 'b.test', pageLoads: 1, hosts: ['cdn.test'], counters: { requests: [1] } },
      { day: '2026-01-30', site: 'a.test', pageLoads: 2, hosts: ['cdn.test'], counters: { requests: [5], blocked: [1] } },
    ]);
    expect(await db.policies.get('a.test')).toEqual({ site: 'a.test', mode: 'strict', companies: { google: 'allow' } });
    expect(await db.contacts.count()).toBe(4);
    expect(db.verno).toBe(3);
    db.close();
  });

  it('v3 on an empty database (a new install) opens with an empty roll-up', async () => {
    const db = new DiffuseDb(`migration-test-${++n}`);
    names.push(db.name);
    expect(await db.dailySites.count()).toBe(0);
    db.close();
  });
});
