import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DiffuseDb } from './db';
import { PolicyStore } from './policy-store';

let n = 0;
const opened: DiffuseDb[] = [];
function open(): DiffuseDb {
  const db = new DiffuseDb(`policy-store-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('PolicyStore (IndexedDB through fake-indexeddb)', () => {
  it('answers from its copy after the first read, and every write reaches both the database and the copy', async () => {
    const db = open();
    await db.policies.put({ site: 'a.test', mode: 'off', companies: {} });
    const store = new PolicyStore(db);
    expect(await store.get('a.test')).toMatchObject({ mode: 'off' });
    // Read once: a row written behind the store's back (nothing does that in the extension) is not seen.
    await db.policies.put({ site: 'b.test', mode: 'strict', companies: {} });
    expect(await store.get('b.test')).toEqual({ site: 'b.test', mode: 'default', companies: {} });

    await store.put({ site: 'c.test', mode: 'strict', companies: { google: 'allow' } });
    await store.put({ site: 'a.test', mode: 'default', companies: {} }); // back to default: deleted
    expect(await store.get('c.test')).toMatchObject({ mode: 'strict' });
    expect(await store.get('a.test')).toMatchObject({ mode: 'default' });
    expect((await db.policies.toArray()).map((p) => p.site).sort()).toEqual(['b.test', 'c.test']);

    await store.put({ site: 'aa.test', mode: 'off', companies: {} });
    // In site order, as IndexedDB lists them by key, whatever order they were written in.
    expect((await store.all()).map((p) => p.site)).toEqual(['aa.test', 'c.test']);
    expect((await db.policies.toArray()).map((p) => p.site)).toEqual(['aa.test', 'b.test', 'c.test']);

    await store.replaceAll([{ site: 'd.test', mode: 'off', companies: {} }, { site: 'e.test', mode: 'default', companies: {} }]);
    expect((await store.all()).map((p) => p.site)).toEqual(['d.test']);
    expect((await db.policies.toArray()).map((p) => p.site)).toEqual(['d.test']);
    // A new worker reads what was stored.
    expect((await new PolicyStore(db).all()).map((p) => p.site)).toEqual(['d.test']);
  });

  it('keeps no copy of a failed write, and reads again after a failed read', async () => {
    const db = open();
    const store = new PolicyStore(db);
    await store.put({ site: 'a.test', mode: 'off', companies: {} });
    db.close();
    // Tried: a write to a closed database fails, and the copy keeps the stored state.
    await expect(store.put({ site: 'b.test', mode: 'off', companies: {} })).rejects.toThrow();
    expect((await store.all()).map((p) => p.site)).toEqual(['a.test']);
    // Tried: a first read that fails is not remembered; once the database opens again, it is read.
    const fresh = new PolicyStore(db);
    await expect(fresh.get('a.test')).rejects.toThrow();
    await db.open();
    expect(await fresh.get('a.test')).toMatchObject({ mode: 'off' });
  });
});
