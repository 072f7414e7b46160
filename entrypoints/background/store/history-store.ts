import Dexie from 'dexie';
import type { DiffuseDb } from './db';
import type { PageLoadStore } from './page-load-store';
import type { PageLoadBatch } from '@/utils/pageload/batch';
import type { PageLoad } from '@/utils/pageload/page-load';
import { dayKey, startOfDay, type DayRange } from '@/utils/history/days';
import type { HistorySlice } from '@/utils/history/stored-history';
import { addToRow, rollupDeltas } from '@/utils/history/rollup';

/** How much history is stored, for the dashboard's data controls. */
export interface HistoryStats {
  pageLoads: number;
  /** When the oldest stored page load started (ms), null when none is stored. */
  since: number | null;
}

/**
 * History: the write path that keeps the daily roll-up in step with the page loads, the range queries the
 * dashboard and the exports use, pruning and deleting. Page loads themselves stay PageLoadStore's; this store
 * wraps its writes in a wider transaction (Dexie nests them) so a batch and its roll-up commit together.
 */
export class HistoryStore {
  constructor(
    private readonly db: DiffuseDb,
    private readonly pageLoads: PageLoadStore,
    private readonly dayOf: (ms: number) => string = dayKey,
  ) {}

  /** Stores one batch and adds its counts to the roll-up, atomically. */
  async record(batch: PageLoadBatch): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.pageLoads, db.contacts, db.tabs, db.dailySites], async () => {
      const loads = new Map<string, PageLoad>(batch.loads.map((l) => [l.id, l]));
      const others = [...batch.deltas.keys()].filter((id) => !loads.has(id));
      for (const load of await db.pageLoads.bulkGet(others)) if (load) loads.set(load.id, load);
      // Counts for a page load that is no longer stored (the user deleted all data while the tab stayed open)
      // are dropped rather than written as rows that belong to nothing.
      const deltas = new Map([...batch.deltas].filter(([id]) => loads.has(id)));
      await this.pageLoads.persist({ ...batch, deltas });
      const rollup = rollupDeltas(batch.loads, deltas, (id) => loads.get(id), this.dayOf);
      if (rollup.length === 0) return;
      const existing = await db.dailySites.bulkGet(rollup.map((r): [string, string] => [r.day, r.site]));
      await db.dailySites.bulkPut(rollup.map((r, i) => addToRow(existing[i], r)));
    });
  }

  /** The roll-up rows of a range of days. */
  async slice(range: DayRange): Promise<HistorySlice> {
    // [from] sorts before every key of that day, [to, maxKey] after every key of the last.
    const days = await this.db.dailySites.where('[day+site]').between([range.from ?? Dexie.minKey], [range.to, Dexie.maxKey], true, true).toArray();
    return { range, days };
  }

  /**
   * Deletes page loads (with their contacts) started before `firstKept` and the roll-up of those days, whether a
   * tab still points at them or not: a pointer left by a tab that never reported its closing must not keep a
   * load past its time. The pointers go with them; what such a tab still loads is dropped (`record`) until it
   * navigates. Returns how many page loads were deleted.
   */
  async prune(firstKept: string): Promise<number> {
    const { db } = this;
    return db.transaction('rw', [db.pageLoads, db.contacts, db.tabs, db.dailySites], async () => {
      const old = await db.pageLoads.where('startedAt').below(startOfDay(firstKept)).primaryKeys();
      if (old.length) {
        const gone = new Set(old);
        await db.contacts.where('pageLoadId').anyOf(old).delete();
        await db.tabs.filter((t) => gone.has(t.pageLoadId)).delete();
        await db.pageLoads.bulkDelete(old);
      }
      // [firstKept] sorts before every [firstKept, site], so this is every row of an earlier day.
      await db.dailySites.where('[day+site]').below([firstKept]).delete();
      return old.length;
    });
  }

  /**
   * Every page load of `site` (a registrable domain), with its contacts and roll-up rows; a tab still on the
   * site loses its pointer too, so a restarted worker does not resume a page load that is gone. Counts that
   * later arrive for those page loads are dropped by `record`. Returns how many page loads were deleted.
   */
  async forgetSite(site: string): Promise<number> {
    const { db } = this;
    return db.transaction('rw', [db.pageLoads, db.contacts, db.tabs, db.dailySites], async () => {
      const ids = await db.pageLoads.where('site').equals(site).primaryKeys();
      if (ids.length) {
        const gone = new Set(ids);
        await db.contacts.where('pageLoadId').anyOf(ids).delete();
        await db.tabs.filter((t) => gone.has(t.pageLoadId)).delete();
        await db.pageLoads.bulkDelete(ids);
      }
      // The roll-up has no index on site: forgetting is rare, and an index would cost every write. Reading the
      // keys alone (no rows) finds each of the site's days; deriving them from the page loads' start times would
      // miss rows written under another time zone.
      const days = (await db.dailySites.toCollection().primaryKeys()).filter(([, s]) => s === site);
      await db.dailySites.bulkDelete(days);
      return ids.length;
    });
  }

  /** Every recorded page load, contact, tab pointer and roll-up row; policies and settings stay. */
  async deleteAll(): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.pageLoads, db.contacts, db.tabs, db.dailySites], () =>
      Promise.all([db.pageLoads.clear(), db.contacts.clear(), db.tabs.clear(), db.dailySites.clear()]),
    );
  }

  async stats(): Promise<HistoryStats> {
    const [pageLoads, oldest] = await Promise.all([this.db.pageLoads.count(), this.db.pageLoads.orderBy('startedAt').first()]);
    return { pageLoads, since: oldest?.startedAt ?? null };
  }
}
