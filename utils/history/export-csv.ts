/**
 * The CSV export: one row per site × company over the range (the long format researchers pivot on), written
 * and escaped by utils/writers/csv.ts (RFC 4180, CRLF, formula injection neutralised: host and site names come
 * from pages the user visited and may be hostile).
 */
import { toCsv, type CsvCell } from '../writers/csv';
import type { HistoryView } from './history-view';
import { historyFileName, MIME_TYPES, type ExportFile } from './export-file';

export const HISTORY_CSV_COLUMNS = [
  'from', 'to', 'site', 'site_page_loads', 'organization', 'requests', 'share', 'blocked', 'categories', 'hosts',
  'site_third_party_requests', 'site_hhi',
] as const;

export function historyCsv(view: HistoryView): string {
  const { from, to } = view.summary.range;
  const rows: CsvCell[][] = [[...HISTORY_CSV_COLUMNS]];
  for (const p of view.pages) {
    for (const o of p.organizations) {
      rows.push([from, to, p.site, p.pageLoads, o.name, o.requests, o.share, o.blocked, o.categories.join('; '), o.hosts.join(' '),
        p.summary.thirdPartyRequests, p.concentration.hhi]);
    }
  }
  return toCsv(rows);
}

export function historyCsvFile(view: HistoryView, now: number): ExportFile {
  return { fileName: historyFileName(view.summary.range, 'csv', now), mimeType: MIME_TYPES.csv, text: historyCsv(view) };
}
