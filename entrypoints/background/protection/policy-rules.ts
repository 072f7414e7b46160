import { browser } from 'wxt/browser';
import { diffRules, POLICY_RULE_KINDS } from '@/utils/rules/site-policy';
import type { DnrRule } from '@/utils/rules/dnr-types';

type UpdateOptions = Parameters<typeof browser.declarativeNetRequest.updateDynamicRules>[0];

/**
 * Installs the complete wanted set of policy rules (buildPolicyRules): diffs it against what the browser has
 * installed and applies the difference, leaving other kinds' dynamic rules alone. Storage is the truth, so
 * calling this at every start-up repairs any drift. A refusal by the browser (a limit, an invalid rule) is
 * thrown to the caller with the browser's own words, to be shown to the user.
 */
export async function installPolicyRules(wanted: readonly DnrRule[]): Promise<void> {
  const installed = (await browser.declarativeNetRequest.getDynamicRules()) as unknown as DnrRule[];
  const { removeRuleIds, addRules } = diffRules(installed, wanted, POLICY_RULE_KINDS);
  if (removeRuleIds.length === 0 && addRules.length === 0) return;
  try {
    await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds, addRules } as unknown as UpdateOptions);
  } catch (error) {
    throw new Error(`The browser refused the protection rules: ${error instanceof Error ? error.message : String(error)}`);
  }
}
