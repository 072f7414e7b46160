import type { PolicyEdit, PolicyView } from '../rules/policy-edits';

export interface PolicyMessages {
  /** A site's protection policy (site = registrable domain). */
  'policy.get': { request: { site: string }; response: PolicyView };
  /** Changes a site's mode or one company's choice there; applies to the next load. */
  'policy.edit': { request: { site: string; edit: PolicyEdit }; response: PolicyView };
}
export const POLICY_MESSAGES: Record<keyof PolicyMessages, true> = { 'policy.get': true, 'policy.edit': true };
