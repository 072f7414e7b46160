import type { PrivacyAdapter, SettingState } from './adapter';
import { ALL_PRIVACY_SETTING_IDS, type ManagedSetting } from './settings';
import type { PrivacySettingId, PrivacySettingView } from './setting-types';

/** What Diffuse keeps per setting: the user's switch, and the value in force before Diffuse first took it. */
export interface SettingRecord {
  enabled: boolean;
  previous: unknown;
}
export type PrivacyRecord = Partial<Record<PrivacySettingId, SettingRecord>>;

/** Error codes the UI translates; any other `error` is the browser's own message for a refused change. */
export const PRIVACY_ERRORS = {
  unavailable: 'unavailable',
  notControllable: 'not_controllable',
  otherExtension: 'controlled_by_other_extensions',
} as const;

export interface PrivacySettingsDeps {
  settings: readonly ManagedSetting[];
  adapter: PrivacyAdapter;
  load(): Promise<PrivacyRecord>;
  save(record: PrivacyRecord): Promise<void>;
}

/**
 * Holds the browser's privacy settings at their private values, each behind its own switch. Switching off
 * calls clear(), never set(previous): clearing withdraws only Diffuse's value, so the browser shows the user's
 * own value again, even one they changed meanwhile, and an uninstall withdraws it the same way. Never throws
 * for a setting: what went wrong is in the view's `error`.
 */
export class PrivacySettingsManager {
  /** Refusals of the last change per setting; kept in memory only, as they describe a moment, not a state. */
  private readonly errors = new Map<PrivacySettingId, string>();
  /** One operation at a time: two quick clicks must not interleave their read-modify-write of the record. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: PrivacySettingsDeps) {}

  /** At install: every setting this browser has and lets Diffuse control goes on, opt-in ones aside; an existing choice is kept. */
  applyDefaults(): Promise<PrivacySettingView[]> {
    return this.serial(async () => {
      const record = await this.deps.load();
      for (const setting of this.deps.settings) {
        if (record[setting.id] || setting.optIn) continue;
        const state = await this.read(setting.id);
        if (!state || state.levelOfControl === 'not_controllable') continue;
        await this.switchOn(setting, state, record);
      }
      await this.deps.save(record);
      return this.views(record);
    });
  }

  list(): Promise<PrivacySettingView[]> {
    return this.serial(async () => this.views(await this.deps.load()));
  }

  set(id: PrivacySettingId, enabled: boolean): Promise<PrivacySettingView[]> {
    return this.serial(async () => {
      const record = await this.deps.load();
      const setting = this.deps.settings.find((s) => s.id === id);
      const state = setting ? await this.read(id) : null;
      this.errors.delete(id);
      if (!setting || !state) this.errors.set(id, PRIVACY_ERRORS.unavailable);
      else if (enabled && state.levelOfControl === 'not_controllable') this.errors.set(id, PRIVACY_ERRORS.notControllable);
      else if (enabled) await this.switchOn(setting, state, record);
      else await this.switchOff(id, record);
      await this.deps.save(record);
      return this.views(record);
    });
  }

  private async switchOn(setting: ManagedSetting, state: SettingState, record: PrivacyRecord): Promise<void> {
    const held = state.levelOfControl === 'controlled_by_this_extension';
    // While Diffuse holds the setting the browser reports Diffuse's value; the user's is the one recorded earlier.
    const previous = held && record[setting.id] ? record[setting.id]?.previous : state.value;
    try {
      await this.deps.adapter.set(setting.id, setting.protectiveValue(state.value));
      record[setting.id] = { enabled: true, previous };
    } catch (error) {
      this.errors.set(setting.id, message(error));
    }
  }

  private async switchOff(id: PrivacySettingId, record: PrivacyRecord): Promise<void> {
    try {
      await this.deps.adapter.clear(id);
      record[id] = { enabled: false, previous: record[id]?.previous ?? null };
    } catch (error) {
      this.errors.set(id, message(error));
    }
  }

  private async views(record: PrivacyRecord): Promise<PrivacySettingView[]> {
    const views: PrivacySettingView[] = [];
    for (const id of ALL_PRIVACY_SETTING_IDS) {
      const setting = this.deps.settings.find((s) => s.id === id);
      const state = setting ? await this.read(id) : null;
      // An opt-in switch is on only while the browser holds its value (not a value an older version held).
      const enabled = (record[id]?.enabled ?? false) && (!state || !setting?.optIn || setting.optIn.isOn(state.value));
      const error = this.errors.get(id) ?? (state && enabled ? notInForce(state) : undefined);
      views.push({
        id,
        available: state !== null,
        protective: state !== null && setting !== undefined && setting.isProtective(state.value),
        value: state?.value ?? null,
        levelOfControl: state?.levelOfControl ?? 'not_controllable',
        enabled: state !== null && enabled,
        ...(error ? { error } : {}),
      });
    }
    return views;
  }

  /** A get() that fails is treated like a missing setting: there is nothing Diffuse could show or change. */
  private async read(id: PrivacySettingId): Promise<SettingState | null> {
    try {
      return await this.deps.adapter.get(id);
    } catch {
      return null;
    }
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Switched on but outranked: another extension installed later, or a policy, holds the setting. */
function notInForce(state: SettingState): string | undefined {
  if (state.levelOfControl === 'controlled_by_other_extensions') return PRIVACY_ERRORS.otherExtension;
  if (state.levelOfControl === 'not_controllable') return PRIVACY_ERRORS.notControllable;
  return undefined;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The stored record as read back from storage: anything malformed (an old or hand-edited entry) is dropped. */
export function parsePrivacyRecord(raw: unknown): PrivacyRecord {
  const record: PrivacyRecord = {};
  if (typeof raw !== 'object' || raw === null) return record;
  for (const id of ALL_PRIVACY_SETTING_IDS) {
    const entry = (raw as Record<string, unknown>)[id];
    if (typeof entry !== 'object' || entry === null) continue;
    const { enabled, previous } = entry as { enabled?: unknown; previous?: unknown };
    if (typeof enabled === 'boolean') record[id] = { enabled, previous: previous ?? null };
  }
  return record;
}
