import { browser } from 'wxt/browser';
import type { LearnedCloak } from '@/utils/cname/cloak-book';
import { buildCloakRules } from '@/utils/cname/cloak-rules';
import type { DnrRule } from '@/utils/rules/dnr-types';
import { diffRules } from '@/utils/rules/rule-diff';

type UpdateOptions = Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0];

/**
 * Mirrors the learned cloaks into dynamic rules, as policy-rules.ts does for policies: the wanted set from the
 * book, diffed against what the browser has in the cloak id range only (policy rules are never touched).
 */
export async function syncCloakRules(entries: readonly LearnedCloak[]): Promise<void> {
  const wanted = buildCloakRules(entries);
  const installed = (await browser.declarativeNetRequest.getDynamicRules()) as unknown as DnrRule[];
  const { removeRuleIds, addRules } = diffRules(installed, wanted, ['cnameCloak']);
  if (removeRuleIds.length === 0 && addRules.length === 0) return;
  await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds, addRules } as unknown as UpdateOptions);
}
