import Dexie from 'dexie';
import type { DiffuseDb } from './db';
import { byRequestsThenHost, COUNTERS, type Counters, type HostContact, type PageLoad, type PageLoadView } from '@/utils/pageload/page-load';
import type { PageLoadBatch } from '@/utils/pageload/batch';

/** Reads and writes page loads; the background's single owner of that part of storage. */
export class PageLoadStore {
  constructor(private readonly db: DiffuseDb) {}

  /** Applies one batch atomically: new page loads, the tabs now on them, request counts, closed tabs. */
  async persist(batch: PageLoadBatch): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.pageLoads, db.contacts, db.tabs, async () => {
      if (batch.loads.length) {
        await db.pageLoads.bulkPut(batch.loads);
        await db.tabs.bulkPut(batch.loads.map((l) => ({ tabId: l.tabId, pageLoadId: l.id })));
      }
      const keys: [string, string][] = [];
      for (const [pageLoadId, hosts] of batch.deltas) for (const host of hosts.keys()) keys.push([pageLoadId, host]);
      if (keys.length) {
        const existing = await db.contacts.bulkGet(keys);
        await db.contacts.bulkPut(keys.map(([pageLoadId, host], i) => addCounters(existing[i], pageLoadId, host, batch.deltas.get(pageLoadId)!.get(host)!)));
      }
      if (batch.closedTabs.length) await db.tabs.bulkDelete(batch.closedTabs);
    });
  }

  /**
   * The page load each tab was last on, for the tracker to resume after a worker restart. Given the tabs open
   * now, it first drops the pointers of every other tab (closed while no worker ran, or left by an earlier
   * browser session: tabs.onRemoved never came) and of page loads no longer stored, so none keeps a page load.
   */
  async currentPageLoads(openTabs?: ReadonlySet<number>): Promise<PageLoad[]> {
    const { db } = this;
    return db.transaction('rw', db.tabs, db.pageLoads, async () => {
      const pointers = await db.tabs.toArray();
      const loads = await db.pageLoads.bulkGet(pointers.map((p) => p.pageLoadId));
      const stale = pointers.filter((p, i) => !loads[i] || (openTabs !== undefined && !openTabs.has(p.tabId))).map((p) => p.tabId);
      if (stale.length) await db.tabs.bulkDelete(stale);
      return loads.filter((l): l is PageLoad => l !== undefined && (openTabs === undefined || openTabs.has(l.tabId)));
    });
  }

  async view(pageLoadId: string): Promise<PageLoadView | null> {
    const pageLoad = await this.db.pageLoads.get(pageLoadId);
    if (!pageLoad) return null;
    // A range over the compound primary key reads the rows directly, without an index-to-row hop.
    const contacts = await this.db.contacts.where('[pageLoadId+host]').between([pageLoadId, Dexie.minKey], [pageLoadId, Dexie.maxKey]).toArray();
    const hosts = contacts
      .map((row) => ({ ...readCounters(row), host: row.host }))
      .sort(byRequestsThenHost);
    return { pageLoad, hosts };
  }
}

/** A stored row's counters; counters added after the row was written read as 0. */
function readCounters(row: Partial<Counters> | undefined): Counters {
  return Object.fromEntries(COUNTERS.map((c) => [c, row?.[c] ?? 0])) as Counters;
}

function addCounters(row: HostContact | undefined, pageLoadId: string, host: string, delta: Counters): HostContact {
  const sum = readCounters(row);
  for (const c of COUNTERS) sum[c] += delta[c];
  return { ...row, ...sum, pageLoadId, host };
}
