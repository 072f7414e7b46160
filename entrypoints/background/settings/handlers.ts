import type { Handlers } from '@/utils/messages/contract';
import type { SettingsImportResult, SettingsMessages } from '@/utils/messages/settings-messages';
import type { CompanionSetRequest, CompanionStatus } from '@/utils/companion/companion-settings';
import type { DnsConfigureResult } from '@/utils/messages/dns-messages';
import type { DnsSettings } from '@/utils/dns/settings/dns-settings';
import { dayKey } from '@/utils/history/days';
import type { HistorySettings } from '@/utils/history/retention';
import type { PrivacySettingsManager } from '@/utils/privacy/manager';
import type { PrivacySettingId } from '@/utils/privacy/setting-types';
import type { SideTable } from '@/utils/rules/side-table';
import type { SitePolicy } from '@/utils/rules/site-policy';
import { applyAtomically, type ImportStep } from '@/utils/settings/atomic-apply';
import { checkPolicyCompanies, parseSettingsFile, settingsFileText, type SettingsFile } from '@/utils/settings/settings-file';
import { loadHistorySettings, saveHistorySettings } from '../store/history-settings-store';
import type { PolicyService } from '../protection/policy-service';

export interface SettingsHandlerDeps {
  privacy: PrivacySettingsManager;
  /** Policies are imported through the service, so the dynamic rules follow the stored list. */
  policies: Pick<PolicyService, 'list' | 'replaceAll'>;
  /** Diffuse's resolver pool: its settings, a checked change (new resolvers probed), and putting old ones back. */
  dns: { settings(): Promise<DnsSettings>; configure(request: unknown): Promise<DnsConfigureResult>; restore(settings: DnsSettings): Promise<void> };
  companion: { status(): Promise<CompanionStatus>; set(request: CompanionSetRequest): Promise<CompanionStatus> };
  ruleTable: () => Promise<SideTable>;
  /** history/'s applySettings: stores retention and "keep no history" and applies them at once (prune, or delete all). */
  applyHistory: (change: Partial<HistorySettings>) => Promise<HistorySettings>;
  now: () => number;
}

/** `settings.export` and `settings.import`: the settings file (utils/settings/settings-file.ts) in and out. */
export function createSettingsHandlers(deps: SettingsHandlerDeps): Pick<Handlers, keyof SettingsMessages> {
  return {
    'settings.export': async () => {
      const [history, views, policies, dns, companion] = await Promise.all([
        loadHistorySettings(), deps.privacy.list(), deps.policies.list(), deps.dns.settings(), deps.companion.status(),
      ]);
      const privacy = Object.fromEntries(views.filter((v) => v.available).map((v) => [v.id, v.enabled]));
      const sorted = [...policies].sort((a, b) => (a.site < b.site ? -1 : 1));
      const now = deps.now();
      const text = settingsFileText({ history, privacy, policies: sorted, dns, companion: { enabled: companion.enabled, onLoss: companion.onLoss } }, now);
      return { fileName: `diffuse-settings-${dayKey(now)}.json`, mimeType: 'application/json', text };
    },
    'settings.import': async ({ text }) => {
      // Everything is checked before anything is applied: an invalid file changes nothing.
      const file = parseSettingsFile(typeof text === 'string' ? text : '');
      if (file.policies) checkPolicyCompanies(file.policies, await deps.ruleTable());
      return importAtomically(file, deps);
    },
  };
}

/**
 * Reads every part the file changes, then applies the parts in order; any failure (a resolver failing its probe,
 * the browser refusing the policy rules, a privacy setting it will not change) puts every part back as read.
 */
async function importAtomically(file: SettingsFile, deps: SettingsHandlerDeps): Promise<SettingsImportResult> {
  const steps: ImportStep[] = [];
  const privacy = { applied: 0, skipped: [] as PrivacySettingId[] };
  let retention: ImportStep | undefined;
  if (file.history) {
    const history = file.history;
    const before = await loadHistorySettings();
    retention = {
      name: 'history settings',
      apply: async () => void (await deps.applyHistory(history)),
      // What pruning (or turning history off) deleted stays deleted: so this is the last step, once every other part is in.
      restore: () => saveHistorySettings(before),
    };
  }
  if (file.privacy) {
    const views = await deps.privacy.list();
    const changed: [PrivacySettingId, boolean][] = [];
    for (const [id, enabled] of Object.entries(file.privacy) as [PrivacySettingId, boolean][]) {
      const view = views.find((v) => v.id === id);
      // A setting this browser lacks (Topics in Firefox, tracking protection in Chrome) is skipped, not an error.
      if (!view?.available) privacy.skipped.push(id);
      else {
        privacy.applied++;
        if (view.enabled !== enabled) changed.push([id, enabled]);
      }
    }
    const done: [PrivacySettingId, boolean][] = [];
    steps.push({
      name: 'browser privacy settings',
      apply: async () => {
        for (const [id, enabled] of changed) {
          done.push([id, enabled]);
          await deps.privacy.set(id, enabled);
        }
      },
      restore: async () => {
        for (const [id, enabled] of done.reverse()) await deps.privacy.set(id, !enabled);
      },
    });
  }
  if (file.dns) {
    const request = file.dns;
    const before = await deps.dns.settings();
    steps.push({
      name: 'DNS resolvers',
      apply: async () => {
        const result = await deps.dns.configure(request);
        if (!result.ok) throw new Error(Object.values(result.errors).join(' '));
      },
      restore: () => deps.dns.restore(before),
    });
  }
  if (file.companion) {
    const request = file.companion;
    const { enabled, onLoss } = await deps.companion.status();
    steps.push({
      name: 'the companion',
      apply: async () => void (await deps.companion.set(request)),
      restore: async () => void (await deps.companion.set({ enabled, onLoss })),
    });
  }
  if (file.policies) {
    const policies = file.policies;
    const before = await deps.policies.list();
    // The browser's refusal of the rules is a failure here: the import is put back rather than left half in force.
    const install = async (list: readonly SitePolicy[]) => {
      const refused = await deps.policies.replaceAll(list);
      if (refused) throw new Error(refused);
    };
    steps.push({ name: 'per-site policies', apply: () => install(policies), restore: () => install(before) });
  }
  if (retention) steps.push(retention);
  await applyAtomically(steps);
  return { retentionDays: file.history?.retentionDays, privacy, policies: file.policies ? file.policies.length : null, dns: file.dns !== undefined, companion: file.companion !== undefined };
}
