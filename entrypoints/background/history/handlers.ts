import type { Handlers } from '@/utils/messages/contract';
import type { HistoryDataView, HistoryMessages } from '@/utils/messages/history-messages';
import type { Attributor } from '@/utils/attribution/table-types';
import type { OperatorMemory } from '@/utils/infra/operator-memory';
import { buildHistory } from '@/utils/history/aggregate';
import type { HistoryView } from '@/utils/history/history-view';
import { RANGE_IDS, rangeOf, type RangeId } from '@/utils/history/days';
import { historyCsvFile } from '@/utils/history/export-csv';
import { EXPORT_FORMATS, type ExportFile, type ExportFormat } from '@/utils/history/export-file';
import { historyHtmlFile } from '@/utils/history/export-html';
import { historyJsonFile } from '@/utils/history/export-json';
import { isRetention, type HistorySettings } from '@/utils/history/retention';
import { lockedHistoryFields, parseManagedConfig } from '@/utils/settings/managed-config';
import { siteToForget } from '@/utils/history/forget-site';
import type { HistoryStore } from '../store/history-store';
import type { ManagedStore } from '../store/managed-store';
import { loadHistorySettings } from '../store/history-settings-store';
import type { HistoryFollower } from '@/utils/history/history-follower';
import { deleteAllHistory, forgetSiteHistory } from './history-pruner';

export interface HistoryHandlerDeps {
  history: HistoryStore;
  /** Writes the pending page-load batch, so what was just browsed is in every answer. */
  flush: () => Promise<void>;
  /** Drops the site's current page loads from the tracker's memory (after its start-up restore). */
  forgetCurrent: (site: string) => Promise<void>;
  attributor: () => Promise<Attributor>;
  /** Host → infrastructure operator as last looked up (CNAME uncloaking's lookups). */
  operators: () => Promise<OperatorMemory>;
  /** Pruned and deleted with history (the DNS exposure ledger, the hosts' operators). */
  follower: HistoryFollower;
  /** Stores a change of history's settings and applies it (history-pruner.ts, applyHistorySettings). */
  applySettings: (change: Partial<HistorySettings>) => Promise<HistorySettings>;
  /**
   * The fleet's policy (store/managed-store.ts): the history settings it sets are locked (docs/managed.md). Changes
   * wait for the browser's answer; views take the recent one, as Chromium can take seconds to answer.
   */
  managed?: Pick<ManagedStore, 'load' | 'recent'>;
  now: () => number;
  /** Why history is not being written, while it is not (store/unsaved-history-store.ts). */
  unsaved?: () => Promise<{ reason: string; since: number } | undefined>;
}

const BUILDERS: Readonly<Record<ExportFormat, (view: HistoryView, now: number) => ExportFile>> = {
  json: historyJsonFile,
  csv: historyCsvFile,
  html: historyHtmlFile,
};

/** The dashboard's history: views of a range, exports, retention, delete all, forget a site. */
export function createHistoryHandlers(deps: HistoryHandlerDeps): Pick<Handlers, keyof HistoryMessages> {
  const locked = async (read: 'load' | 'recent') => lockedHistoryFields(parseManagedConfig(await deps.managed?.[read]()));
  const refuseLocked = async (field: 'retentionDays' | 'off') => {
    if ((await locked('load')).includes(field)) throw new Error('Set by your organization: this cannot be changed here.');
  };
  const view = async (range: RangeId): Promise<HistoryView> => {
    if (!RANGE_IDS.includes(range)) throw new Error(`Unknown range "${String(range)}".`);
    await deps.flush();
    const slice = await deps.history.slice(rangeOf(range, deps.now()));
    const operators = await deps.operators();
    return buildHistory(slice, await deps.attributor(), (host) => operators.operatorOf(host));
  };
  const data = async (): Promise<HistoryDataView> => {
    const [settings, stats, unsaved, managed] = await Promise.all([loadHistorySettings(), deps.history.stats(), deps.unsaved?.(), locked('recent')]);
    return { retentionDays: settings.retentionDays, off: settings.off, managed, ...stats, ...(unsaved ? { unsaved: { reason: unsaved.reason, since: unsaved.since } } : {}) };
  };
  return {
    'history.get': async ({ range }) => (await view(range)).summary,
    'history.export': async ({ range, format }) => {
      if (!EXPORT_FORMATS.includes(format)) throw new Error(`Unknown export format "${String(format)}".`);
      return BUILDERS[format](await view(range), deps.now());
    },
    'history.data': data,
    'history.setRetention': async ({ retentionDays }) => {
      if (!isRetention(retentionDays)) throw new Error('Retention must be a whole number of days or forever.');
      await refuseLocked('retentionDays');
      await deps.applySettings({ retentionDays });
      return data();
    },
    'history.setOff': async ({ off }) => {
      if (typeof off !== 'boolean') throw new Error('"Keep no history" is on or off.');
      await refuseLocked('off');
      await deps.applySettings({ off });
      return data();
    },
    'history.deleteAll': async () => {
      // Pending writes first, or they would land after the deletion and bring part of it back.
      await deps.flush();
      await deleteAllHistory(deps.history, deps.follower);
      return data();
    },
    'history.forgetSite': async ({ site }) => {
      const forgotten = siteToForget(site);
      // The tracker first, so nothing it holds is written after the deletion; then the pending batch, as above.
      await deps.forgetCurrent(forgotten);
      await deps.flush();
      await forgetSiteHistory(deps.history, deps.follower, forgotten);
      return data();
    },
  };
}
