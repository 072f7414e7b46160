import type { PolicyEdit, PolicyView } from '../rules/policy-edits';

/** The tracker categories a fleet's policy blocks everywhere (docs/managed.md): the options page shows them locked. */
export interface ManagedCategoriesView {
  /** Category ids as trackerdb names them (utils/rules/category-decisions.ts); null when no policy sets them. */
  managed: string[] | null;
}

export interface PolicyMessages {
  /** A site's protection policy (site = registrable domain). */
  'policy.get': { request: { site: string }; response: PolicyView };
  /** Changes a site's mode or one company's choice there; applies to the next load. */
  'policy.edit': { request: { site: string; edit: PolicyEdit }; response: PolicyView };
  /** Which tracker categories a fleet's policy blocks, exactly these, on every site. */
  'policy.categories': { request: Record<string, never>; response: ManagedCategoriesView };
}
export const POLICY_MESSAGES: Record<keyof PolicyMessages, true> = { 'policy.get': true, 'policy.edit': true, 'policy.categories': true };
