/**
 * How long history is kept. A page load is deleted once the day it started is more than `retentionDays` days
 * before today, so "30 days" always covers the dashboard's "last 30 days" range; null keeps everything.
 */
import { addDays, dayKey } from './days';
import { FieldError } from '../validate/fields';

export interface HistorySettings {
  /** Whole days, or null for "forever". */
  retentionDays: number | null;
  /**
   * "Keep no history" (docs/history.md, "Keep no history"): nothing about page loads is written; the popup works
   * from memory. Absent in settings stored before it existed: read as false.
   */
  off: boolean;
}

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = { retentionDays: 30, off: false };
/** What the retention select offers; an imported settings file may carry any whole number in MAX_RETENTION_DAYS. */
export const RETENTION_CHOICES: readonly (number | null)[] = [7, 30, 90, 365, null];
export const MAX_RETENTION_DAYS = 3650;

export function isRetention(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RETENTION_DAYS);
}

/** A retention as it arrives from outside (`history.setRetention`, a settings file); throws a FieldError naming the field. */
export function retentionField(value: unknown, path: string): number | null {
  if (!isRetention(value)) throw new FieldError(path, `expected a whole number of days from 1 to ${MAX_RETENTION_DAYS}, or null for forever`);
  return value;
}

/** Stored settings as read back; anything unreadable falls back to the default rather than failing history. */
export function parseHistorySettings(raw: unknown): HistorySettings {
  const stored = raw as { retentionDays?: unknown; off?: unknown } | null | undefined;
  const days = stored?.retentionDays;
  return { retentionDays: isRetention(days) ? days : DEFAULT_HISTORY_SETTINGS.retentionDays, off: stored?.off === true };
}

/**
 * What a change of the settings asks of what is stored: turning history off deletes everything (a user who asks to
 * keep no history expects none kept, and "history is off" over old history would mislead); otherwise the
 * retention prunes.
 */
export function afterSettingsChange(before: HistorySettings, after: HistorySettings): 'delete-all' | 'prune' {
  return after.off && !before.off ? 'delete-all' : 'prune';
}

/** The first day kept, or null when nothing is to be deleted. */
export function firstKeptDay(now: number, retentionDays: number | null): string | null {
  return retentionDays === null ? null : addDays(dayKey(now), -retentionDays);
}
