import { describe, expect, it } from 'vitest';
import { applyCompanionSet, DEFAULT_COMPANION_SETTINGS, parseStoredCompanionSettings } from './companion-settings';

describe('companion settings', () => {
  it('are off by default and read leniently', () => {
    expect(parseStoredCompanionSettings(undefined)).toEqual({ enabled: false, onLoss: 'direct' });
    expect(parseStoredCompanionSettings({ enabled: 'yes', onLoss: 'drop' })).toEqual(DEFAULT_COMPANION_SETTINGS);
    expect(parseStoredCompanionSettings({ enabled: true, onLoss: 'block' })).toEqual({ enabled: true, onLoss: 'block' });
  });
  it('change field by field, refusing wrong values whole', () => {
    expect(applyCompanionSet(DEFAULT_COMPANION_SETTINGS, { enabled: true })).toEqual({ ok: true, settings: { enabled: true, onLoss: 'direct' } });
    expect(applyCompanionSet(DEFAULT_COMPANION_SETTINGS, { onLoss: 'block' })).toEqual({ ok: true, settings: { enabled: false, onLoss: 'block' } });
    expect(applyCompanionSet(DEFAULT_COMPANION_SETTINGS, { enabled: 1 }).ok).toBe(false);
    expect(applyCompanionSet(DEFAULT_COMPANION_SETTINGS, { onLoss: 'drop' }).ok).toBe(false);
    expect(applyCompanionSet(DEFAULT_COMPANION_SETTINGS, null).ok).toBe(false);
  });
});
