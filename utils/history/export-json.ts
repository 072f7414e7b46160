/**
 * The JSON export, schema `diffuse-history/1` (docs/report-schema.md): the dashboard's totals, companies'
 * reach and daily trend, and one `diffuse-report/2` page per site visited (contacts summed over the range),
 * built by the same report code as the HAR CLI, so one reader handles both.
 */
import type { OperatorReach } from './history-view';
import type { EncryptionHistory } from './encryption-history';
import { DATA_CREDITS } from '../attribution/data-credits';
import { REPORT_SCHEMA } from '../report/page-report';
import type { CompanyReach, HistoryTotals, HistoryView, SitePageReport, TrendDay } from './history-view';
import { historyFileName, MIME_TYPES, type ExportFile } from './export-file';

export const HISTORY_SCHEMA = 'diffuse-history/1';
export const PAGE_SCHEMA = REPORT_SCHEMA;

export interface HistoryExport {
  schema: typeof HISTORY_SCHEMA;
  /** The schema each element of `pages` follows. */
  pageSchema: typeof PAGE_SCHEMA;
  /** When the file was made (ISO 8601, UTC). */
  generatedAt: string;
  range: { id: string; from: string | null; to: string };
  credits: string;
  totals: HistoryTotals;
  companies: CompanyReach[];
  trend: TrendDay[];
  encryption: EncryptionHistory;
  operators: OperatorReach[];
  pages: SitePageReport[];
}

export function historyExport(view: HistoryView, now: number): HistoryExport {
  const { summary } = view;
  return {
    schema: HISTORY_SCHEMA,
    pageSchema: PAGE_SCHEMA,
    generatedAt: new Date(now).toISOString(),
    range: { id: summary.range.id, from: summary.range.from, to: summary.range.to },
    credits: DATA_CREDITS,
    totals: summary.totals,
    companies: summary.companies,
    trend: summary.trend,
    encryption: summary.encryption,
    operators: summary.operators,
    pages: view.pages,
  };
}

export function historyJsonFile(view: HistoryView, now: number): ExportFile {
  return {
    fileName: historyFileName(view.summary.range, 'json', now),
    mimeType: MIME_TYPES.json,
    text: `${JSON.stringify(historyExport(view, now), null, 2)}\n`,
  };
}
