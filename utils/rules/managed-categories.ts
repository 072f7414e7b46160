/**
 * A fleet's `protectionCategories` (docs/managed.md): exactly these tracker categories are blocked everywhere, each
 * through its own static ruleset (`trackers_<category>`, tracker-compiler.ts); without the key, the manifest's
 * defaults (category-decisions.ts) are put back. Pure: the background hands in the manifest's rule resources.
 */
import { categoryDecision } from './category-decisions';
import { trackerRulesetId } from './tracker-compiler';

const TRACKER_PREFIX = trackerRulesetId('');

export interface RulesetSwitch {
  enableRulesetIds: string[];
  disableRulesetIds: string[];
}

/** The tracker rulesets to switch so that `categories` (or, when undefined, the defaults) are the ones on. */
export function categoryRulesetChanges(resources: readonly { id: string; enabled: boolean }[], categories: readonly string[] | undefined): RulesetSwitch {
  const wanted = categories && new Set(categories.map(trackerRulesetId));
  const change: RulesetSwitch = { enableRulesetIds: [], disableRulesetIds: [] };
  for (const { id, enabled } of resources) {
    if (!id.startsWith(TRACKER_PREFIX)) continue; // tracking parameters and GPC are not categories
    ((wanted ? wanted.has(id) : enabled) ? change.enableRulesetIds : change.disableRulesetIds).push(id);
  }
  return change;
}

/** A managed list as handed in: category ids trackerdb knows; throws a sentence naming the first that is not. */
export function managedCategories(value: unknown): string[] {
  if (!Array.isArray(value)) throw new Error('protectionCategories: expected a list of category ids.');
  for (const id of value) {
    if (typeof id !== 'string' || !categoryDecision(id)) throw new Error(`protectionCategories: no tracker category "${String(id)}".`);
  }
  return [...new Set(value as string[])];
}
