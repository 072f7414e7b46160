import type { SettingsMessages } from '@/utils/messages/settings-messages';
import type { Capability } from '../platform/capability';
import { createSettingsHandlers, type SettingsHandlerDeps } from './handlers';

export type SettingsCapability = Capability<keyof SettingsMessages>;

/**
 * The settings file (diffuse-settings/3): everything a user sets out, and in again checked whole before anything
 * applies, then applied all or nothing. Owns no state: it goes through the capabilities that do.
 */
export function createSettingsCapability(deps: SettingsHandlerDeps): SettingsCapability {
  return { handlers: createSettingsHandlers(deps), start() {} };
}
