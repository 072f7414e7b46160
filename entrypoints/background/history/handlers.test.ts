import { OperatorMemory } from '@/utils/infra/operator-memory';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAttributor } from '@/utils/attribution/company-lookup';
import { realTable } from '@/tests/support/attribution-fixtures';
import { zeroCounters } from '@/utils/pageload/page-load';
import type { PrivacySettingsManager } from '@/utils/privacy/manager';
import type { PrivacySettingView } from '@/utils/privacy/setting-types';
import type { SitePolicy } from '@/utils/rules/site-policy';
import { checkDnsConfig, DEFAULT_DNS_SETTINGS, type DnsSettings } from '@/utils/dns/settings/dns-settings';
import type { DnsConfigureResult, DnsStatus } from '@/utils/messages/dns-messages';
import type { CompanionStatus } from '@/utils/companion/companion-settings';
import type { SideTable } from '@/utils/rules/side-table';
import type { HistorySettings } from '@/utils/history/retention';
import { DiffuseDb } from '../store/db';
import { HistoryStore } from '../store/history-store';
import { PageLoadStore } from '../store/page-load-store';
import { createHistoryHandlers } from './handlers';
import { applyHistorySettings } from './history-pruner';
import { createSettingsHandlers } from '../settings/handlers';
import type { PolicyService } from '../protection/policy-service';

const attribute = createAttributor(realTable());
const NOW = new Date(2026, 0, 31, 12).getTime();
const TABLE: SideTable = { version: 1, rules: {}, companies: { google: { name: 'Google', ownDomains: ['google.com'] } } };
const view = (id: PrivacySettingView['id'], available: boolean, enabled: boolean): PrivacySettingView =>
  ({ id, available, enabled, protective: enabled, value: null, levelOfControl: 'controllable_by_this_extension' });

let db: DiffuseDb;
let n = 0;
function setup() {
  db = new DiffuseDb(`handlers-test-${++n}`);
  const history = new HistoryStore(db, new PageLoadStore(db));
  let stored: SitePolicy[] = [{ site: 'old.com', mode: 'strict', companies: {} }];
  const policies = { list: async () => stored, replaceAll: vi.fn(async (list: SitePolicy[]): Promise<string | null> => ((stored = list), null)) };
  const privacy = { list: async () => [view('topics', true, true), view('trackingProtection', false, false)], set: vi.fn(async () => []) };
  let dnsSettings: DnsSettings = { ...DEFAULT_DNS_SETTINGS };
  const dns = {
    settings: async () => dnsSettings,
    configure: vi.fn(async (request: unknown): Promise<DnsConfigureResult> => {
      const check = checkDnsConfig(request, dnsSettings);
      if (!check.ok) return check;
      // A resolver new to the list must answer a probe: here, one under diffuse-down.net never does.
      if (check.added.some((url) => url.includes('diffuse-down.net'))) return { ok: false, errors: { resolvers: 'Not added: no answer.' } };
      dnsSettings = check.settings;
      return { ok: true, status: {} as DnsStatus };
    }),
    restore: vi.fn(async (settings: DnsSettings) => void (dnsSettings = settings)),
  };
  let companionSettings = { enabled: false, onLoss: 'direct' as 'direct' | 'block' };
  const companion = {
    status: async () => ({ ...companionSettings }) as CompanionStatus,
    set: vi.fn(async (request: Partial<typeof companionSettings>) => ((companionSettings = { ...companionSettings, ...request }), { ...companionSettings } as CompanionStatus)),
  };
  const flush = vi.fn(async () => {});
  const forgetCurrent = vi.fn(async () => {});
  const follower = { pruneBefore: vi.fn(async () => {}), deleteAll: vi.fn(async () => {}), forgetSite: vi.fn(async () => {}) };
  // Wired as the composition root wires them: settings/ and the dashboard change history's settings through history.
  const applySettings = (change: Partial<HistorySettings>) => applyHistorySettings(history, follower, flush, change, NOW);
  let managed: unknown = {};
  const handlers = {
    ...createHistoryHandlers({ history, flush, forgetCurrent, follower, applySettings, managed: { load: async () => managed, recent: async () => managed }, operators: async () => new OperatorMemory(), attributor: async () => attribute, now: () => NOW }),
    ...createSettingsHandlers({
      applyHistory: applySettings, now: () => NOW, ruleTable: async () => TABLE,
      policies: policies as unknown as PolicyService, privacy: privacy as unknown as PrivacySettingsManager, dns, companion,
    }),
  };
  return { handlers, history, setManaged: (policy: unknown) => void (managed = policy), policies, privacy, flush, forgetCurrent, follower, dns: () => dnsSettings, companion: () => companionSettings, stored: () => stored };
}
beforeEach(() => fakeBrowser.reset());
afterEach(() => db.delete());

describe('history and settings-file handlers', () => {
  it('history.get flushes pending writes first, then answers the range', async () => {
    const { handlers, history, flush } = setup();
    const deltas = new Map([['a', new Map([['www.google-analytics.com', { ...zeroCounters(), requests: 2 }]])]]);
    await history.record({ loads: [{ id: 'a', tabId: 1, url: 'https://news.test/', site: 'news.test', startedAt: NOW }], deltas, closedTabs: [] });
    const summary = await handlers['history.get']({ range: '7d' });
    expect(flush).toHaveBeenCalled();
    expect(summary.companies).toMatchObject([{ name: 'Google', sites: 1, reach: 1 }]);
    await expect(handlers['history.get']({ range: 'year' as never })).rejects.toThrow('Unknown range');
    const csv = await handlers['history.export']({ range: '7d', format: 'csv' });
    expect(csv.fileName).toBe('diffuse-history-7d-2026-01-31.csv');
  });

  it('retention: stored, validated, and deleting all data leaves settings', async () => {
    const { handlers, follower } = setup();
    expect(await handlers['history.data']({})).toEqual({ retentionDays: 30, off: false, managed: [], pageLoads: 0, since: null });
    expect(await handlers['history.setRetention']({ retentionDays: null })).toMatchObject({ retentionDays: null });
    await expect(handlers['history.setRetention']({ retentionDays: 2.5 })).rejects.toThrow();
    expect(await handlers['history.deleteAll']({})).toMatchObject({ retentionDays: null, pageLoads: 0 });
    expect(follower.pruneBefore).not.toHaveBeenCalled(); // forever
    expect(follower.deleteAll).toHaveBeenCalledTimes(1);
  });

  it('"keep no history": turning it on writes what is pending, then deletes everything stored; turning it off deletes nothing', async () => {
    const { handlers, history, flush, follower } = setup();
    await history.record({ loads: [{ id: 'a', tabId: 1, url: 'https://news.test/', site: 'news.test', startedAt: NOW }], deltas: new Map(), closedTabs: [] });
    expect(await handlers['history.setOff']({ off: true })).toMatchObject({ off: true, pageLoads: 0, since: null });
    expect(flush.mock.invocationCallOrder[0]).toBeLessThan(follower.deleteAll.mock.invocationCallOrder[0]!);
    await expect(handlers['history.setOff']({ off: 'yes' as unknown as boolean })).rejects.toThrow('"Keep no history" is on or off.');
    expect(await handlers['history.setOff']({ off: true })).toMatchObject({ off: true });
    expect(follower.deleteAll).toHaveBeenCalledTimes(1); // already off: nothing more to delete
    await history.record({ loads: [{ id: 'b', tabId: 1, url: 'https://news.test/', site: 'news.test', startedAt: NOW }], deltas: new Map(), closedTabs: [] });
    expect(await handlers['history.setOff']({ off: false })).toMatchObject({ off: false, pageLoads: 1 });
    expect(follower.deleteAll).toHaveBeenCalledTimes(1);
  });

  it("history settings a fleet's policy sets are locked: shown as managed, and changes refused", async () => {
    const { handlers, setManaged } = setup();
    setManaged({ historyOff: true, historyRetentionDays: 90 });
    expect(await handlers['history.data']({})).toMatchObject({ managed: ['retentionDays', 'off'] });
    await expect(handlers['history.setOff']({ off: false })).rejects.toThrow('Set by your organization');
    await expect(handlers['history.setRetention']({ retentionDays: 7 })).rejects.toThrow('Set by your organization');
    setManaged({ historyOff: 'maybe' }); // a value the policy gets wrong locks nothing
    expect(await handlers['history.data']({})).toMatchObject({ managed: [] });
  });

  it('a settings file turns "keep no history" on (deleting what is stored) and a version 2 file leaves it as it is', async () => {
    const { handlers, history, follower } = setup();
    await history.record({ loads: [{ id: 'a', tabId: 1, url: 'https://news.test/', site: 'news.test', startedAt: NOW }], deltas: new Map(), closedTabs: [] });
    await handlers['settings.import']({ text: JSON.stringify({ schema: 'diffuse-settings/3', history: { retentionDays: 30, off: true } }) });
    expect(await handlers['history.data']({})).toMatchObject({ off: true, pageLoads: 0 });
    expect(follower.deleteAll).toHaveBeenCalledTimes(1);
    await handlers['settings.import']({ text: JSON.stringify({ schema: 'diffuse-settings/2', history: { retentionDays: 7 } }) });
    expect(await handlers['history.data']({})).toMatchObject({ off: true, retentionDays: 7 });
  });

  it('history.forgetSite: the site leaves the tracker, then the pending batch is written, then history and the ledger forget it', async () => {
    const { handlers, history, flush, forgetCurrent, follower } = setup();
    const hits = new Map([['www.google-analytics.com', { ...zeroCounters(), requests: 1 }]]);
    const loads = ['news.test', 'shop.test', 'news.test'].map((site, i) => ({ id: `p${i}`, tabId: i, url: `https://www.${site}/`, site, startedAt: NOW - i * 86_400_000 }));
    await history.record({ loads, deltas: new Map(loads.map((l) => [l.id, hits])), closedTabs: [] });
    expect(await handlers['history.forgetSite']({ site: 'WWW.News.test' })).toEqual({ retentionDays: 30, off: false, managed: [], pageLoads: 1, since: NOW - 86_400_000 });
    expect(forgetCurrent).toHaveBeenCalledWith('news.test');
    expect(forgetCurrent.mock.invocationCallOrder[0]).toBeLessThan(flush.mock.invocationCallOrder[0]!);
    expect(follower.forgetSite).toHaveBeenCalledWith('news.test');
    expect((await handlers['history.get']({ range: 'all' })).sites.map((s) => s.site)).toEqual(['shop.test']);
  });

  it('history.forgetSite refuses junk with a sentence, and nothing is forgotten anywhere', async () => {
    const { handlers, history, flush, forgetCurrent, follower } = setup();
    await history.record({ loads: [{ id: 'a', tabId: 1, url: 'https://news.test/', site: 'news.test', startedAt: NOW }], deltas: new Map(), closedTabs: [] });
    await expect(handlers['history.forgetSite']({ site: 'https://news.test/' })).rejects.toThrow('"https://news.test/" is not a site: give its domain alone');
    await expect(handlers['history.forgetSite']({ site: 7 as unknown as string })).rejects.toThrow('Name the site to forget');
    expect(forgetCurrent).not.toHaveBeenCalled();
    expect(flush).not.toHaveBeenCalled();
    expect(follower.forgetSite).not.toHaveBeenCalled();
    expect(await handlers['history.data']({})).toMatchObject({ pageLoads: 1 });
  });

  it('history.forgetSite: a failing ledger does not keep the site in history, and its error reaches the dashboard', async () => {
    const { handlers, history, follower } = setup();
    await history.record({ loads: [{ id: 'a', tabId: 1, url: 'https://news.test/', site: 'news.test', startedAt: NOW }], deltas: new Map(), closedTabs: [] });
    follower.forgetSite.mockRejectedValueOnce(new Error('ledger down'));
    await expect(handlers['history.forgetSite']({ site: 'news.test' })).rejects.toThrow('ledger down');
    expect(await handlers['history.data']({})).toMatchObject({ pageLoads: 0, since: null });
  });

  it('what follows history (the DNS ledger) is pruned to the new retention at once, from the dashboard or a settings file', async () => {
    const { handlers, follower } = setup();
    await handlers['history.setRetention']({ retentionDays: 7 });
    expect(follower.pruneBefore).toHaveBeenLastCalledWith(new Date(2026, 0, 24).getTime()); // 31 January kept 7 days back
    const file = JSON.parse((await handlers['settings.export']({})).text);
    await handlers['settings.import']({ text: JSON.stringify({ ...file, history: { retentionDays: 30 } }) });
    expect(follower.pruneBefore).toHaveBeenLastCalledWith(new Date(2026, 0, 1).getTime());
  });

  it('settings export → import round trip: retention, available privacy switches, policies through the policy service', async () => {
    const { handlers, policies, privacy } = setup();
    const file = await handlers['settings.export']({});
    expect(file.fileName).toBe('diffuse-settings-2026-01-31.json');
    const parsed = JSON.parse(file.text);
    expect(parsed).toMatchObject({
      schema: 'diffuse-settings/3', history: { retentionDays: 30, off: false }, privacy: { topics: true }, policies: [{ site: 'old.com' }],
      dns: DEFAULT_DNS_SETTINGS, companion: { enabled: false, onLoss: 'direct' },
    });
    expect(parsed.privacy).not.toHaveProperty('trackingProtection');

    parsed.history.retentionDays = 7;
    parsed.privacy = { topics: false, trackingProtection: true };
    parsed.policies = [{ site: 'example.com', mode: 'off', companies: { google: 'allow' } }];
    const result = await handlers['settings.import']({ text: JSON.stringify(parsed) });
    expect(result).toEqual({ retentionDays: 7, privacy: { applied: 1, skipped: ['trackingProtection'] }, policies: 1, dns: true, companion: true });
    expect(privacy.set).toHaveBeenCalledWith('topics', false);
    expect(policies.replaceAll).toHaveBeenCalledWith(parsed.policies);
    expect(await handlers['history.data']({})).toMatchObject({ retentionDays: 7 });
  });

  it('an invalid settings file is refused naming the field, and changes nothing', async () => {
    const { handlers, policies, privacy } = setup();
    const bad = { schema: 'diffuse-settings/1', history: { retentionDays: 7 }, privacy: { topics: false }, policies: [{ site: 'example.com', mode: 'off', companies: { nobody: 'allow' } }] };
    await expect(handlers['settings.import']({ text: JSON.stringify(bad) })).rejects.toThrow(/^policies\[0\]\.companies\.nobody: /);
    await expect(handlers['settings.import']({ text: '{"schema":"diffuse-settings/1","history":{"retentionDays":"a week"}}' })).rejects.toThrow(/^history\.retentionDays: /);
    expect(privacy.set).not.toHaveBeenCalled();
    expect(policies.replaceAll).not.toHaveBeenCalled();
    expect(await handlers['history.data']({})).toMatchObject({ retentionDays: 30 });
  });

  it('an import is all or nothing: when the browser refuses the policy rules, retention, privacy, DNS, companion and policies are put back', async () => {
    const env = setup();
    const { handlers, privacy } = env;
    const file = JSON.parse((await handlers['settings.export']({})).text);
    const before = { dns: env.dns(), companion: env.companion(), policies: env.stored() };
    env.policies.replaceAll.mockImplementationOnce(async () => 'The browser refused the protection rules: too many rules.');
    const changed = {
      ...file,
      history: { retentionDays: 7 },
      privacy: { topics: false },
      dns: { resolvers: ['https://dns.quad9.net/dns-query'], strategy: 'single' },
      companion: { enabled: true, onLoss: 'block' },
      policies: [{ site: 'example.com', mode: 'off', companies: {} }],
    };
    await expect(handlers['settings.import']({ text: JSON.stringify(changed) })).rejects.toThrow(
      'per-site policies could not be applied (The browser refused the protection rules: too many rules.), so every part of the import was put back.',
    );
    expect(env.dns()).toEqual(before.dns);
    expect(env.companion()).toEqual(before.companion);
    expect(env.stored()).toEqual(before.policies);
    expect(privacy.set.mock.calls).toEqual([['topics', false], ['topics', true]]);
    // Retention runs last, so a failure before it neither stores it nor prunes by it.
    expect(await handlers['history.data']({})).toMatchObject({ retentionDays: 30 });
    expect(env.follower.pruneBefore).not.toHaveBeenCalled();

    // A resolver failing its probe undoes what came before it in the same way.
    env.privacy.set.mockClear();
    await expect(handlers['settings.import']({ text: JSON.stringify({ ...changed, dns: { resolvers: ['https://doh.diffuse-down.net/dns-query'] } }) })).rejects.toThrow(
      /^DNS resolvers could not be applied \(Not added: no answer\.\)/,
    );
    expect(privacy.set.mock.calls).toEqual([['topics', false], ['topics', true]]);
    expect(env.dns()).toEqual(before.dns);
    expect(env.policies.replaceAll).toHaveBeenCalledTimes(2); // the refused import and its restore; none since
  });

  it('still reads a diffuse-settings/1 file', async () => {
    const { handlers } = setup();
    const result = await handlers['settings.import']({ text: JSON.stringify({ schema: 'diffuse-settings/1', history: { retentionDays: 90 } }) });
    expect(result).toMatchObject({ retentionDays: 90, dns: false, companion: false, policies: null });
  });
});
