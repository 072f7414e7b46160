import type { Handlers } from '@/utils/messages/contract';
import type { SettingsImportResult, SettingsMessages } from '@/utils/messages/settings-messages';
import { dayKey } from '@/utils/history/days';
import type { PrivacySettingsManager } from '@/utils/privacy/manager';
import type { PrivacySettingId } from '@/utils/privacy/setting-types';
import type { SideTable } from '@/utils/rules/side-table';
import { checkPolicyCompanies, parseSettingsFile, settingsFileText, type SettingsFile } from '@/utils/settings/settings-file';
import { loadHistorySettings, saveHistorySettings } from '../store/history-settings-store';
import type { PolicyService } from '../protection/policy-service';

export interface SettingsHandlerDeps {
  privacy: PrivacySettingsManager;
  /** Policies are imported through the service, so the dynamic rules follow the stored list. */
  policies: PolicyService;
  ruleTable: () => Promise<SideTable>;
  /** Runs after a new retention is stored, so it takes effect at once. */
  prune: () => Promise<void>;
  now: () => number;
}

/** `settings.export` and `settings.import`: the settings file (utils/settings/settings-file.ts) in and out. */
export function createSettingsHandlers(deps: SettingsHandlerDeps): Pick<Handlers, keyof SettingsMessages> {
  return {
    'settings.export': async () => {
      const [history, views, policies] = await Promise.all([loadHistorySettings(), deps.privacy.list(), deps.policies.list()]);
      const privacy = Object.fromEntries(views.filter((v) => v.available).map((v) => [v.id, v.enabled]));
      const sorted = [...policies].sort((a, b) => (a.site < b.site ? -1 : 1));
      const now = deps.now();
      return { fileName: `diffuse-settings-${dayKey(now)}.json`, mimeType: 'application/json', text: settingsFileText({ history, privacy, policies: sorted }, now) };
    },
    'settings.import': async ({ text }) => {
      // Everything is checked before anything is applied: an invalid file changes nothing.
      const file = parseSettingsFile(typeof text === 'string' ? text : '');
      if (file.policies) checkPolicyCompanies(file.policies, await deps.ruleTable());
      return apply(file, deps);
    },
  };
}

async function apply(file: SettingsFile, deps: SettingsHandlerDeps): Promise<SettingsImportResult> {
  if (file.history) {
    await saveHistorySettings(file.history);
    await deps.prune();
  }
  const privacy = { applied: 0, skipped: [] as PrivacySettingId[] };
  if (file.privacy) {
    const views = await deps.privacy.list();
    for (const [id, enabled] of Object.entries(file.privacy) as [PrivacySettingId, boolean][]) {
      const view = views.find((v) => v.id === id);
      // A setting this browser lacks (Topics in Firefox, tracking protection in Chrome) is skipped, not an error.
      if (!view?.available) privacy.skipped.push(id);
      else {
        if (view.enabled !== enabled) await deps.privacy.set(id, enabled);
        privacy.applied++;
      }
    }
  }
  const rulesError = file.policies ? await deps.policies.replaceAll(file.policies) : null;
  return { retentionDays: file.history?.retentionDays, privacy, policies: file.policies ? file.policies.length : null, rulesError };
}
