import Dexie, { type EntityTable, type Table } from 'dexie';
import type { HostContact, PageLoad } from '@/utils/pageload/model';
import type { SitePolicy } from '@/utils/rules/site-policy';

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

  constructor(name = 'diffuse', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      pageLoads: 'id, tabId, site, startedAt',
      contacts: '[pageLoadId+host], pageLoadId, host',
      tabs: 'tabId',
    });
    // v2: per-site protection policies (the truth the dynamic DNR rules are rebuilt from).
    this.version(2).stores({ policies: 'site' });
  }
}
