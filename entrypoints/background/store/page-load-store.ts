import Dexie from 'dexie';
import type { DiffuseDb } from './db';
import type { PageLoad, PageLoadView } from '@/utils/pageload/model';
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
      const keys = new Map<string, [string, string]>();
      for (const counts of [batch.counts, batch.blocked])
        for (const [pageLoadId, hosts] of counts) for (const host of hosts.keys()) keys.set(`${pageLoadId} ${host}`, [pageLoadId, host]);
      if (keys.size) {
        const list = [...keys.values()];
        const existing = await db.contacts.bulkGet(list);
        await db.contacts.bulkPut(
          list.map(([pageLoadId, host], i) => ({
            pageLoadId,
            host,
            requests: (existing[i]?.requests ?? 0) + (batch.counts.get(pageLoadId)?.get(host) ?? 0),
            blocked: (existing[i]?.blocked ?? 0) + (batch.blocked.get(pageLoadId)?.get(host) ?? 0),
          })),
        );
      }
      if (batch.closedTabs.length) await db.tabs.bulkDelete(batch.closedTabs);
    });
  }

  /** The page load each tab was last on, for the tracker to resume after a worker restart. */
  async currentPageLoads(): Promise<PageLoad[]> {
    const pointers = await this.db.tabs.toArray();
    const loads = await this.db.pageLoads.bulkGet(pointers.map((p) => p.pageLoadId));
    return loads.filter((l): l is PageLoad => l !== undefined);
  }

  async view(pageLoadId: string): Promise<PageLoadView | null> {
    const pageLoad = await this.db.pageLoads.get(pageLoadId);
    if (!pageLoad) return null;
    // A range over the compound primary key reads the rows directly, without an index-to-row hop.
    const contacts = await this.db.contacts.where('[pageLoadId+host]').between([pageLoadId, Dexie.minKey], [pageLoadId, Dexie.maxKey]).toArray();
    const hosts = contacts
      .map(({ host, requests, blocked }) => ({ host, requests, blocked: blocked ?? 0 }))
      .sort((a, b) => b.requests - a.requests || a.host.localeCompare(b.host));
    return { pageLoad, hosts };
  }
}
