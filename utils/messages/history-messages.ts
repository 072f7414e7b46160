import type { HistorySummary } from '../history/history-view';
import type { RangeId } from '../history/days';
import type { ExportFile, ExportFormat } from '../history/export-file';

export type { HistorySummary } from '../history/history-view';
export type { ExportFile, ExportFormat } from '../history/export-file';

/** What is stored and for how long: the dashboard's data controls. */
export interface HistoryDataView {
  /** Whole days, null = forever. */
  retentionDays: number | null;
  /** "Keep no history" is on: nothing about page loads is written (docs/history.md). */
  off: boolean;
  /** The settings here a fleet's policy sets, shown locked (docs/managed.md). */
  managed: ('retentionDays' | 'off')[];
  pageLoads: number;
  /** When the oldest stored page load started (ms), null when none is. */
  since: number | null;
  /** Present while history could not be written: the browser's reason, and since when (docs/history.md, "Failed writes"). */
  unsaved?: { reason: string; since: number };
}

/** The dashboard: history over a range, its exports, retention and deletion. */
export interface HistoryMessages {
  'history.get': { request: { range: RangeId }; response: HistorySummary };
  /** The range as a file (JSON, CSV or self-contained HTML); the UI saves it through a download link. */
  'history.export': { request: { range: RangeId; format: ExportFormat }; response: ExportFile };
  'history.data': { request: Record<string, never>; response: HistoryDataView };
  /** Sets how long history is kept and prunes at once. */
  'history.setRetention': { request: { retentionDays: number | null }; response: HistoryDataView };
  /** Turns "keep no history" on (deleting everything stored, as delete-all does) or off. */
  'history.setOff': { request: { off: boolean }; response: HistoryDataView };
  /** Deletes every recorded page load; settings and per-site policies stay. */
  'history.deleteAll': { request: Record<string, never>; response: HistoryDataView };
  /**
   * Deletes one site's history (a host of it names it too; anything else is refused): its page loads, its daily
   * roll-up, its entries in the DNS exposure ledger. Answers what is stored now, as `history.deleteAll` does.
   */
  'history.forgetSite': { request: { site: string }; response: HistoryDataView };
}
export const HISTORY_MESSAGES: Record<keyof HistoryMessages, true> = {
  'history.get': true,
  'history.export': true,
  'history.data': true,
  'history.setRetention': true,
  'history.setOff': true,
  'history.deleteAll': true,
  'history.forgetSite': true,
};
