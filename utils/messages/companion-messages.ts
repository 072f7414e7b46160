import type { CompanionSetRequest, CompanionStatus } from '../companion/companion-settings';

export type { CompanionSetRequest, CompanionStatus } from '../companion/companion-settings';

export interface CompanionMessages {
  /** The companion's switch, whether the browser can run it at all, and what it is doing now. */
  'companion.status': { request: Record<string, never>; response: CompanionStatus };
  /**
   * Switches the companion on or off, or changes what happens when it is lost; answers the new status. The options
   * page asks the browser for the permissions first (permissions.request must run in the click).
   */
  'companion.set': { request: CompanionSetRequest; response: CompanionStatus };
}
export const COMPANION_MESSAGES: Record<keyof CompanionMessages, true> = { 'companion.status': true, 'companion.set': true };
