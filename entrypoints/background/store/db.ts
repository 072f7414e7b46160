import Dexie, { type EntityTable, type Table } from 'dexie';
import type { HostContact, PageLoad } from '@/utils/pageload/page-load';
import type { SitePolicy } from '@/utils/rules/site-policy';
import type { DailySite } from '@/utils/history/stored-history';
import { rollUpContacts } from '@/utils/history/rollup';

/** Which page load each open tab is on, so a restarted worker resumes it (MV3 workers stop at will). */
export interface TabPointer {
  tabId: number;
  pageLoadId: string;
}

/**
 * The only place that knows the database schema. Each schema change adds a version here, never edits one:
 * https://dexie.org/docs/Tutorial/Design#database-versioning
 */
export class DiffuseDb extends Dexie {
  pageLoads!: EntityTable<PageLoad, 'id'>;
  contacts!: Table<HostContact, [string, string]>;
  tabs!: EntityTable<TabPointer, 'tabId'>;
  policies!: EntityTable<SitePolicy, 'site'>;
  dailySites!: Table<DailySite, [string, string]>;

  constructor(name = 'diffuse', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      pageLoads: 'id, tabId, site, startedAt',
      contacts: '[pageLoadId+host], pageLoadId, host',
      tabs: 'tabId',
    });
    // v2: per-site protection policies (the truth the dynamic DNR rules are rebuilt from).
    this.version(2).stores({ policies: 'site' });
    // v3: history. `dailySites` is the daily roll-up that the dashboard and the exports read (one row per day
    // and site; utils/history/stored-history.ts), kept by HistoryStore in the same transaction as each write. The upgrade
    // builds it from what v2 stored. Companies are not stored: they are looked up when read (docs/history.md).
    this.version(3)
      .stores({ dailySites: '[day+site]' })
      .upgrade(async (tx) => {
        const loads = await tx.table<PageLoad>('pageLoads').toArray();
        const contacts = await tx.table<HostContact>('contacts').toArray();
        await tx.table<DailySite>('dailySites').bulkPut(rollUpContacts(loads, contacts));
      });
  }
}
