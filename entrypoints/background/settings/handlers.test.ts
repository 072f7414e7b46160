import { describe, expect, it, vi } from 'vitest';
import { useBackgroundTestBed } from '@/tests/support/background-test-bed';
import { sampleTrackerDb } from '@/tests/support/sample-trackerdb';
import type { CompanionStatus } from '@/utils/companion/companion-settings';
import { DEFAULT_DNS_SETTINGS } from '@/utils/dns/settings/dns-settings';
import type { DnsConfigureResult, DnsStatus } from '@/utils/messages/dns-messages';
import type { PrivacySettingsManager } from '@/utils/privacy/manager';
import type { PrivacySettingView } from '@/utils/privacy/setting-types';
import { compileRules } from '@/utils/rules/tracker-compiler';
import { createHistoryCapability } from '../history';
import { PolicyService } from '../protection/policy-service';
import { HistoryStore } from '../store/history-store';
import { loadHistorySettings } from '../store/history-settings-store';
import { PageLoadStore } from '../store/page-load-store';
import { PolicyStore } from '../store/policy-store';
import { createSettingsHandlers } from './handlers';

const { sideTable } = compileRules(sampleTrackerDb());
const topics = (enabled: boolean): PrivacySettingView =>
  ({ id: 'topics', available: true, enabled, protective: enabled, value: null, levelOfControl: 'controllable_by_this_extension' });

const bed = useBackgroundTestBed('settings-handlers-test');

/**
 * settings.import wired as the composition root wires it: history's settings through the history capability's
 * applyUserSettings (which knows what the fleet's policy locks), per-site policies through a real PolicyService.
 */
function setup(fleetPolicy: Record<string, unknown>) {
  const db = bed.db();
  const store = new HistoryStore(db, new PageLoadStore(db));
  const follower = { pruneBefore: vi.fn(async () => {}), deleteAll: vi.fn(async () => {}), forgetSite: vi.fn(async () => {}) };
  const history = createHistoryCapability({
    history: store,
    pageloads: { flush: async () => {}, forgetSite: async () => {} },
    attributor: async () => { throw new Error('not needed'); },
    operators: async () => { throw new Error('not needed'); },
    followers: [follower],
    firstSinceLoad: async () => false,
    managed: { load: async () => fleetPolicy, recent: async () => fleetPolicy },
  });
  const policies = new PolicyService(new PolicyStore(db), async () => sideTable);
  let privacyOn = true;
  const privacy = { list: async () => [topics(privacyOn)], set: vi.fn(async (_id: string, enabled: boolean) => ((privacyOn = enabled), [topics(privacyOn)])) };
  const handlers = createSettingsHandlers({
    privacy: privacy as unknown as PrivacySettingsManager,
    policies,
    dns: { settings: async () => DEFAULT_DNS_SETTINGS, configure: async (): Promise<DnsConfigureResult> => ({ ok: true, status: {} as DnsStatus }), restore: async () => {} },
    companion: { status: async () => ({ enabled: false, onLoss: 'direct' }) as CompanionStatus, set: async () => ({}) as CompanionStatus },
    ruleTable: async () => sideTable,
    applyHistory: history.applyUserSettings,
    now: () => Date.now(),
  });
  const importFile = (file: Record<string, unknown>) => handlers['settings.import']({ text: JSON.stringify({ schema: 'diffuse-settings/3', ...file }) });
  return { importFile, history, policies, privacy: () => privacyOn, follower };
}

describe("settings.import: what a fleet's policy sets (docs/managed.md)", () => {
  it('a file that would change a history setting the policy sets is refused whole, and nothing of it stays', async () => {
    const { importFile, history, privacy, follower } = setup({ historyOff: true });
    await history.applySettings({ off: true }); // as managed/ applies it at start

    await expect(importFile({ history: { retentionDays: 7, off: false }, privacy: { topics: false } })).rejects.toThrow(
      'history settings could not be applied (Set by your organization: "keep no history" cannot be changed here.), so every part of the import was put back.',
    );
    expect(await loadHistorySettings()).toEqual({ retentionDays: 30, off: true });
    expect(privacy()).toBe(true); // switched by the file, then put back
    expect(follower.pruneBefore).not.toHaveBeenCalled();
  });

  it('a file that keeps the managed value as it is, and changes only what the policy leaves to the user, is imported', async () => {
    const { importFile, history } = setup({ historyOff: true });
    await history.applySettings({ off: true });
    expect(await importFile({ history: { retentionDays: 7, off: true } })).toMatchObject({ retentionDays: 7 });
    expect(await loadHistorySettings()).toEqual({ retentionDays: 7, off: true });
  });

  it('a file changing a managed retention is refused, naming it', async () => {
    const { importFile, history } = setup({ historyRetentionDays: 90 });
    await history.applySettings({ retentionDays: 90 });
    await expect(importFile({ history: { retentionDays: 7 } })).rejects.toThrow('Set by your organization: history retention cannot be changed here.');
    expect(await loadHistorySettings()).toMatchObject({ retentionDays: 90 });
  });

  it("a file carrying per-site policies while the policy sets them is refused whole: the fleet's list stays, and the retention is not applied", async () => {
    const { importFile, policies } = setup({});
    const fleet = [{ site: 'intranet.example', mode: 'off' as const, companies: {} }];
    await policies.setManaged(fleet);
    await expect(importFile({ history: { retentionDays: 7 }, policies: [{ site: 'news.example', mode: 'strict', companies: {} }] })).rejects.toThrow(
      'per-site policies could not be applied (Set by your organization: per-site policies cannot be changed here.)',
    );
    expect(await policies.list()).toEqual(fleet);
    expect(await loadHistorySettings()).toMatchObject({ retentionDays: 30 });
  });
});
