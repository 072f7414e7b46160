import type { ExportFile } from '../history/export-file';
import type { PrivacySettingId } from '../privacy/setting-types';

/** What an accepted settings file changed. */
export interface SettingsImportResult {
  retentionDays: number | null | undefined;
  /** Switches set as the file says; ids this browser lacks are skipped and listed. */
  privacy: { applied: number; skipped: PrivacySettingId[] };
  /** Policies now stored (the file's list replaced the old one), null when the file had no `policies`. */
  policies: number | null;
  /** Whether the file set Diffuse's DNS resolvers and strategy, and the companion's switch. */
  dns: boolean;
  companion: boolean;
}

/** The settings file (diffuse-settings/3; /2 and /1 are still read), exported and imported from the dashboard. */
export interface SettingsMessages {
  /** Everything a user sets (retention, privacy switches, policies, DNS, companion) as a `diffuse-settings/3` file. */
  'settings.export': { request: Record<string, never>; response: ExportFile };
  /**
   * Checks the whole file first; an invalid one is refused with the wrong field named and changes nothing. Then
   * applies all of it or none: a part that fails (the browser refusing the rules) puts every part back.
   */
  'settings.import': { request: { text: string }; response: SettingsImportResult };
}
export const SETTINGS_MESSAGES: Record<keyof SettingsMessages, true> = { 'settings.export': true, 'settings.import': true };
