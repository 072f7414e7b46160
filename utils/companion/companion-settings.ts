import { at, boolean, FieldError, object, oneOf, onlyKeys } from '../validate/fields';
import type { CompanionState } from './companion-lookups';

/** The companion's switch as stored (store/companion-store.ts): off by default. */
export interface CompanionSettings {
  enabled: boolean;
  /** When the companion is gone: let the browser look names up itself ('direct'), or stop relayed requests ('block'). */
  onLoss: 'direct' | 'block';
}

export const DEFAULT_COMPANION_SETTINGS: CompanionSettings = { enabled: false, onLoss: 'direct' };

/** What companion.status answers: the switch, and what the companion is doing now. */
export interface CompanionStatus {
  /** The browser has the APIs and Diffuse holds the permissions (native messaging, proxy). */
  available: boolean;
  enabled: boolean;
  onLoss: CompanionSettings['onLoss'];
  state: CompanionState;
  /** Why it was lost or could not start, in the companion's or the browser's words. */
  error: string | null;
  /** The SOCKS port it listens on (127.0.0.1) while connected. */
  port: number | null;
  /** Lookups the companion reported since it started. */
  lookups: number;
  /** A fleet's policy sets the switch (docs/managed.md): shown locked, and changes to it refused. */
  managed: boolean;
}

export type CompanionSetRequest = Partial<CompanionSettings>;

/** A stored record, read leniently: anything unreadable falls back to the default (the switch off). */
export function parseStoredCompanionSettings(value: unknown): CompanionSettings {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_COMPANION_SETTINGS };
  const record = value as Record<string, unknown>;
  return {
    enabled: record.enabled === true,
    onLoss: record.onLoss === 'block' ? 'block' : 'direct',
  };
}

/**
 * A change as it arrives from outside (the options page's `companion.set`, a settings file's `companion`): only
 * the two fields, each of its type; throws a FieldError naming the field.
 */
export function companionSetField(value: unknown, path: string): CompanionSetRequest {
  const input = object(value, path);
  onlyKeys(input, ['enabled', 'onLoss'], path);
  const request: CompanionSetRequest = {};
  if (input.enabled !== undefined) request.enabled = boolean(input.enabled, at(path, 'enabled'));
  if (input.onLoss !== undefined) request.onLoss = oneOf(input.onLoss, ON_LOSS, at(path, 'onLoss'));
  return request;
}

const ON_LOSS: readonly CompanionSettings['onLoss'][] = ['direct', 'block'];

/** A change asked for over a message, checked whole: the settings it makes, or why not. */
export function applyCompanionSet(current: CompanionSettings, request: unknown): { ok: true; settings: CompanionSettings } | { ok: false; error: string } {
  try {
    return { ok: true, settings: { ...current, ...companionSetField(request, '') } };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, error: error.message };
    throw error;
  }
}
