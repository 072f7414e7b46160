/** What an export hands the UI: the file's text, its type and a name that carries the date it was made. */
import { dayKey } from './days';
import type { DayRange } from './days';

export type ExportFormat = 'json' | 'csv' | 'html';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'csv', 'html'];

export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
}

export const MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

/** e.g. diffuse-history-7d-2026-01-31.csv: the range, then the local day the file was made. */
export function historyFileName(range: DayRange, format: ExportFormat, now: number): string {
  return `diffuse-history-${range.id}-${dayKey(now)}.${format}`;
}
