import { describe, expect, it } from 'vitest';
import { createPrivacyAdapter } from './adapter';
import { fakeChromePrivacy, fakeFirefoxPrivacy } from '../../tests/support/fake-privacy';
import { PRIVACY_ERRORS, PrivacySettingsManager, parsePrivacyRecord, type PrivacyRecord } from './manager';
import { managedSettings, type PrivacyTarget } from './settings';
import type { PrivacySettingId, PrivacySettingView } from './setting-types';

function setup<P extends object>(target: PrivacyTarget, privacy: P) {
  const settings = managedSettings(target);
  const stored: { record: PrivacyRecord } = { record: {} };
  const manager = new PrivacySettingsManager({
    settings,
    adapter: createPrivacyAdapter(privacy, settings),
    // Through JSON, as storage.local keeps it.
    load: async () => parsePrivacyRecord(JSON.parse(JSON.stringify(stored.record))),
    save: async (record) => void (stored.record = JSON.parse(JSON.stringify(record))),
  });
  return { manager, privacy, stored };
}

const byId = (views: PrivacySettingView[], id: PrivacySettingId) => {
  const view = views.find((v) => v.id === id);
  if (!view) throw new Error(`no view for ${id}`);
  return view;
};

describe('PrivacySettingsManager', () => {
  it('applies the private value of every Chrome setting at install and remembers what the user had', async () => {
    const { manager, privacy, stored } = setup('chrome', fakeChromePrivacy());
    const views = await manager.applyDefaults();

    expect(privacy.network.networkPredictionEnabled.ours).toBe(false);
    expect(privacy.network.webRTCIPHandlingPolicy.ours).toBe('default_public_interface_only');
    expect(privacy.websites.hyperlinkAuditingEnabled.ours).toBe(false);
    expect(privacy.websites.thirdPartyCookiesAllowed.ours).toBe(false);
    expect(privacy.websites.topicsEnabled.ours).toBe(false);
    expect(privacy.websites.fledgeEnabled.ours).toBe(false);
    expect(privacy.websites.adMeasurementEnabled.ours).toBe(false);
    expect(stored.record.webRtcIpHandling).toEqual({ enabled: true, previous: 'default' });
    expect(stored.record.topics).toEqual({ enabled: true, previous: true });

    for (const id of ['networkPrediction', 'hyperlinkAuditing', 'webRtcIpHandling', 'thirdPartyCookies', 'topics', 'protectedAudience', 'adMeasurement'] as const) {
      expect(byId(views, id)).toMatchObject({ available: true, enabled: true, protective: true, levelOfControl: 'controlled_by_this_extension' });
      expect(byId(views, id).error).toBeUndefined();
    }
  });

  it('lists the settings a browser lacks as unavailable, with the switch off', async () => {
    const chrome = await setup('chrome', fakeChromePrivacy()).manager.applyDefaults();
    expect(byId(chrome, 'trackingProtection')).toMatchObject({ available: false, enabled: false, protective: false, value: null });

    // An older Chrome without the Privacy Sandbox settings: missing properties, not errors.
    const old = fakeChromePrivacy() as { websites: Record<string, unknown> };
    delete old.websites.topicsEnabled;
    const { manager } = setup('chrome', old);
    const views = await manager.applyDefaults();
    expect(byId(views, 'topics')).toMatchObject({ available: false, enabled: false });
    expect(await manager.set('topics', true)).toContainEqual(expect.objectContaining({ id: 'topics', available: false, error: PRIVACY_ERRORS.unavailable }));
    expect(views.map((v) => v.id)).toHaveLength(8);
  });

  it('on Firefox, keeps Total Cookie Protection at install and offers blocking third-party cookies as an opt-in switch', async () => {
    // Tried: install defaults, then the switch on and off, with Firefox's default cookieConfig.
    const privacy = fakeFirefoxPrivacy();
    privacy.websites.cookieConfig.user = { behavior: 'reject_trackers_and_partition_foreign', nonPersistentCookies: false };
    const { manager, stored } = setup('firefox', privacy);
    const views = await manager.applyDefaults();
    expect(privacy.websites.trackingProtectionMode.ours).toBe('always');
    for (const id of ['topics', 'protectedAudience', 'adMeasurement'] as const) expect(byId(views, id).available).toBe(false);
    // Partitioned is private; Diffuse sets nothing and the switch is off.
    expect(privacy.websites.cookieConfig.ours).toBeUndefined();
    expect(stored.record.thirdPartyCookies).toBeUndefined();
    expect(byId(views, 'thirdPartyCookies')).toMatchObject({ available: true, enabled: false, protective: true, value: { behavior: 'reject_trackers_and_partition_foreign' } });

    const on = await manager.set('thirdPartyCookies', true);
    expect(privacy.websites.cookieConfig.ours).toEqual({ behavior: 'reject_third_party' });
    expect(byId(on, 'thirdPartyCookies')).toMatchObject({ enabled: true, protective: true });
    const off = await manager.set('thirdPartyCookies', false);
    expect(privacy.websites.cookieConfig.ours).toBeUndefined();
    expect(byId(off, 'thirdPartyCookies')).toMatchObject({ enabled: false, value: { behavior: 'reject_trackers_and_partition_foreign' } });
  });

  it('on Firefox, does not show the cookie switch on for a value an older version held (partitioning)', async () => {
    // Tried: a stored record from before the switch meant blocking, with Diffuse holding Total Cookie Protection.
    const privacy = fakeFirefoxPrivacy();
    const { manager, stored } = setup('firefox', privacy);
    await privacy.websites.cookieConfig.set({ value: { behavior: 'reject_trackers_and_partition_foreign' } });
    stored.record.thirdPartyCookies = { enabled: true, previous: { behavior: 'reject_trackers' } };
    expect(byId(await manager.list(), 'thirdPartyCookies')).toMatchObject({ enabled: false, protective: true });
  });

  it('on Firefox, counts a weaker cookie policy the user set as not private', async () => {
    // Tried: reject_trackers only (no partitioning).
    const views = await setup('firefox', fakeFirefoxPrivacy()).manager.applyDefaults();
    expect(byId(views, 'thirdPartyCookies')).toMatchObject({ protective: false, enabled: false });
  });

  it('keeps a stricter value the user already chose instead of weakening it', async () => {
    const privacy = fakeFirefoxPrivacy();
    privacy.network.webRTCIPHandlingPolicy.user = 'proxy_only';
    privacy.websites.cookieConfig.user = { behavior: 'reject_all' };
    const { manager } = setup('firefox', privacy);
    await manager.applyDefaults();
    expect(privacy.network.webRTCIPHandlingPolicy.ours).toBe('proxy_only');
    // The cookie switch (opt-in) keeps reject_all rather than loosening it to reject_third_party.
    await manager.set('thirdPartyCookies', true);
    expect(privacy.websites.cookieConfig.ours).toEqual({ behavior: 'reject_all' });
  });

  it('switching off puts back the user’s value, switching on sets the private value again', async () => {
    const { manager, privacy, stored } = setup('chrome', fakeChromePrivacy());
    await manager.applyDefaults();

    const off = byId(await manager.set('webRtcIpHandling', false), 'webRtcIpHandling');
    expect(off).toMatchObject({ enabled: false, protective: false, value: 'default', levelOfControl: 'controllable_by_this_extension' });
    expect(privacy.network.webRTCIPHandlingPolicy.ours).toBeUndefined();
    expect(stored.record.webRtcIpHandling).toEqual({ enabled: false, previous: 'default' });
    // The choice survives a restart: the list is read from the stored record.
    expect(byId(await manager.list(), 'webRtcIpHandling').enabled).toBe(false);

    const on = byId(await manager.set('webRtcIpHandling', true), 'webRtcIpHandling');
    expect(on).toMatchObject({ enabled: true, protective: true, value: 'default_public_interface_only' });
    // Switching on while already held must not record Diffuse's own value as the user's.
    await manager.set('webRtcIpHandling', true);
    expect(stored.record.webRtcIpHandling).toEqual({ enabled: true, previous: 'default' });
  });

  it('does not switch back on a setting the user switched off when defaults run again', async () => {
    const { manager, privacy } = setup('chrome', fakeChromePrivacy());
    await manager.applyDefaults();
    await manager.set('hyperlinkAuditing', false);
    await manager.applyDefaults();
    expect(privacy.websites.hyperlinkAuditingEnabled.ours).toBeUndefined();
  });

  it('shows another extension in control, and Diffuse’s value not in force', async () => {
    const privacy = fakeChromePrivacy();
    privacy.websites.topicsEnabled.other = true;
    const views = await setup('chrome', privacy).manager.applyDefaults();
    expect(byId(views, 'topics')).toMatchObject({
      enabled: true,
      protective: false,
      levelOfControl: 'controlled_by_other_extensions',
      error: PRIVACY_ERRORS.otherExtension,
    });
  });

  it('leaves a policy-locked setting alone and reports it when switched on', async () => {
    const privacy = fakeChromePrivacy();
    privacy.network.networkPredictionEnabled.policy = true;
    const { manager } = setup('chrome', privacy);
    const views = await manager.applyDefaults();
    expect(byId(views, 'networkPrediction')).toMatchObject({ available: true, enabled: false, levelOfControl: 'not_controllable' });
    expect(byId(views, 'networkPrediction').error).toBeUndefined();
    const after = await manager.set('networkPrediction', true);
    expect(byId(after, 'networkPrediction')).toMatchObject({ enabled: false, error: PRIVACY_ERRORS.notControllable });
  });

  it('reports a change the browser refuses in `error` instead of throwing, and clears it on success', async () => {
    const { manager, privacy } = setup('chrome', fakeChromePrivacy());
    privacy.websites.fledgeEnabled.rejectWith = 'Setting is not writable.';
    const views = await manager.applyDefaults();
    expect(byId(views, 'protectedAudience')).toMatchObject({ enabled: false, error: 'Setting is not writable.' });
    expect(byId(views, 'topics').enabled).toBe(true);

    privacy.websites.fledgeEnabled.rejectWith = null;
    const retried = byId(await manager.set('protectedAudience', true), 'protectedAudience');
    expect(retried).toMatchObject({ enabled: true, protective: true });
    expect(retried.error).toBeUndefined();
  });

  it('runs changes one at a time, so quick clicks end in the last choice', async () => {
    const { manager, privacy, stored } = setup('chrome', fakeChromePrivacy());
    await manager.applyDefaults();
    await Promise.all([manager.set('topics', false), manager.set('topics', true), manager.set('adMeasurement', false)]);
    expect(privacy.websites.topicsEnabled.ours).toBe(false);
    expect(stored.record.topics?.enabled).toBe(true);
    expect(stored.record.adMeasurement?.enabled).toBe(false);
  });
});

describe('parsePrivacyRecord', () => {
  it('keeps well-formed entries and drops the rest', () => {
    expect(parsePrivacyRecord({ topics: { enabled: false, previous: true }, hyperlinkAuditing: { enabled: 'yes' }, bogus: { enabled: true } })).toEqual({
      topics: { enabled: false, previous: true },
    });
    expect(parsePrivacyRecord(undefined)).toEqual({});
  });
});
