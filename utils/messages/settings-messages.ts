import type { ExportFile } from '../history/export-file';
import type { PrivacySettingId } from '../privacy/setting-types';

/** What an accepted settings file changed. */
export interface SettingsImportResult {
  retentionDays: number | null | undefined;
  /** Switches set as the file says; ids this browser lacks are skipped and listed. */
  privacy: { applied: number; skipped: PrivacySettingId[] };
  /** Policies now stored (the file's list replaced the old one), null when the file had no `policies`. */
  policies: number | null;
  /** The browser's refusal of the rebuilt protection rules, in its words; null when they are in force. */
  rulesError: string | null;
}

/** The settings file (diffuse-settings/1), exported and imported from the dashboard. */
export interface SettingsMessages {
  /** Retention, privacy switches and per-site policies as a `diffuse-settings/1` file. */
  'settings.export': { request: Record<string, never>; response: ExportFile };
  /** Checks the whole file first; an invalid one is refused with the wrong field named and changes nothing. */
  'settings.import': { request: { text: string }; response: SettingsImportResult };
}
export const SETTINGS_MESSAGES: Record<keyof SettingsMessages, true> = { 'settings.export': true, 'settings.import': true };
