import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DnrRule } from '../../utils/rules/dnr-types';

/**
 * The browser's dynamic DNR rules, which fakeBrowser lacks: getDynamicRules and updateDynamicRules over one list
 * in memory. Set `refuse` to make the next updates fail as a browser at its rule limit does. Call after
 * fakeBrowser.reset(); vi.restoreAllMocks() removes it.
 */
export function fakeDynamicRules() {
  const rules = { installed: [] as DnrRule[], refuse: null as string | null };
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'getDynamicRules').mockImplementation(async () => structuredClone(rules.installed) as never);
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateDynamicRules').mockImplementation(async (update) => {
    if (rules.refuse) throw new Error(rules.refuse);
    const { removeRuleIds = [], addRules = [] } = update as { removeRuleIds?: number[]; addRules?: DnrRule[] };
    rules.installed = [...rules.installed.filter((r) => !removeRuleIds.includes(r.id)), ...structuredClone(addRules)];
  });
  return rules;
}
