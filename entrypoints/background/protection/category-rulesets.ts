import { browser } from 'wxt/browser';
import { categoryRulesetChanges } from '@/utils/rules/managed-categories';

/**
 * Switches the tracker-category rulesets so that exactly `categories` are on (a fleet's protectionCategories), or
 * back to the manifest's defaults when undefined. Idempotent: managed/ calls it at every start and policy change.
 */
export async function applyCategoryRulesets(categories: readonly string[] | undefined): Promise<void> {
  const resources = (browser.runtime.getManifest() as { declarative_net_request?: { rule_resources?: { id: string; enabled: boolean }[] } })
    .declarative_net_request?.rule_resources ?? [];
  await browser.declarativeNetRequest.updateEnabledRulesets(categoryRulesetChanges(resources, categories));
}
