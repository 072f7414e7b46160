import type { ManagedSetting } from './settings';
import type { PrivacySettingId, PrivacySettingView } from './setting-types';

export type LevelOfControl = PrivacySettingView['levelOfControl'];

/** What the browser reports for one setting: `types.ChromeSetting.get()`'s answer. */
export interface SettingState {
  value: unknown;
  levelOfControl: LevelOfControl;
}

/** The manager's only view of the browser: null from get() means this browser lacks the setting. */
export interface PrivacyAdapter {
  get(id: PrivacySettingId): Promise<SettingState | null>;
  set(id: PrivacySettingId, value: unknown): Promise<void>;
  clear(id: PrivacySettingId): Promise<void>;
}

/** The part of types.ChromeSetting (Chrome) / types.BrowserSetting (Firefox) used here; both answer promises. */
interface ChromeSettingLike {
  get(details: object): Promise<{ value: unknown; levelOfControl: LevelOfControl }>;
  set(details: { value: unknown }): Promise<unknown>;
  clear(details: object): Promise<unknown>;
}

/**
 * Adapts the `privacy` namespace (passed in: `browser.privacy` in the background) to PrivacyAdapter. A missing
 * namespace or property is how a browser says it lacks a setting (Firefox has no Topics, Chrome no
 * trackingProtectionMode, older versions lack newer settings), so it reads as unavailable, never as an error.
 */
export function createPrivacyAdapter(privacy: unknown, settings: readonly ManagedSetting[]): PrivacyAdapter {
  const lookup = (id: PrivacySettingId): ChromeSettingLike | null => {
    const setting = settings.find((s) => s.id === id);
    if (!setting) return null;
    const [area, name] = setting.path;
    const found = (privacy as Record<string, Record<string, unknown> | undefined> | undefined)?.[area]?.[name];
    return isChromeSetting(found) ? found : null;
  };
  const need = (id: PrivacySettingId): ChromeSettingLike => {
    const api = lookup(id);
    if (!api) throw new Error(`This browser has no setting for ${id}.`);
    return api;
  };
  return {
    async get(id) {
      const api = lookup(id);
      if (!api) return null;
      // `{}`: the regular profile's value; incognito/private windows inherit it unless overridden there.
      const { value, levelOfControl } = await api.get({});
      return { value, levelOfControl };
    },
    async set(id, value) {
      // Firefox answers `false` when the value did not take (another extension outranks Diffuse); the manager
      // reads levelOfControl back afterwards, which says the same in both browsers.
      await need(id).set({ value });
    },
    async clear(id) {
      // Clears only this extension's value: the browser falls back to the user's own (or a lower-ranked
      // extension's) value. https://developer.chrome.com/docs/extensions/reference/api/types#method-ChromeSetting-clear
      await need(id).clear({});
    },
  };
}

function isChromeSetting(value: unknown): value is ChromeSettingLike {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.get === 'function' && typeof s.set === 'function' && typeof s.clear === 'function';
}
