import { browser } from 'wxt/browser';
import { buildPolicyRules, diffRules, POLICY_RULE_KINDS, type SitePolicy } from '@/utils/rules/site-policy';
import type { DnrRule } from '@/utils/rules/dnr-types';
import type { SideTable } from '@/utils/rules/side-table';

type UpdateOptions = Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0];

/**
 * Mirrors the stored policies into dynamic DNR rules: builds the complete wanted set, diffs it against what the
 * browser has installed, applies the difference. Storage is the truth, so calling this at every start-up
 * repairs any drift. A refusal by the browser (a limit, an invalid rule) is thrown to the caller with the
 * browser's own words, to be shown to the user.
 */
export async function syncPolicyRules(policies: readonly SitePolicy[], table: SideTable): Promise<void> {
  const wanted = buildPolicyRules(policies, table);
  const installed = (await browser.declarativeNetRequest.getDynamicRules()) as unknown as DnrRule[];
  const { removeRuleIds, addRules } = diffRules(installed, wanted, POLICY_RULE_KINDS);
  if (removeRuleIds.length === 0 && addRules.length === 0) return;
  try {
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds, addRules } as unknown as UpdateOptions);
  } catch (error) {
    throw new Error(`The browser refused the protection rules: ${error instanceof Error ? error.message : String(error)}`);
  }
}
