/**
 * Learned cloaks → dynamic DNR rules: block that host when the site's documents request it. Same priority
 * as a static tracker rule (priorities.ts), so a site paused (`off`) or a company allowed on the site still
 * wins over it, exactly as for the tracker under its own name.
 */
import type { DnrRule } from '../rules/dnr-types';
import { RULE_TABLE } from '../rules/priorities';
import type { LearnedCloak } from './cloak-book';

/** The most learned cloaks kept (and rules installed): a tenth of the cloak id range, well inside Chrome's 30,000 dynamic rules. */
export const MAX_CLOAK_RULES = 1_000;

export const CLOAK_BOOK_OPTIONS = {
  capacity: MAX_CLOAK_RULES,
  firstId: RULE_TABLE.cnameCloak.firstId,
  lastId: RULE_TABLE.cnameCloak.lastId,
} as const;

export function buildCloakRules(entries: readonly Pick<LearnedCloak, 'ruleId' | 'host' | 'site'>[]): DnrRule[] {
  return entries
    .map((e) => ({
      id: e.ruleId,
      priority: RULE_TABLE.cnameCloak.priority,
      action: { type: 'block' as const },
      // initiatorDomains covers the site's subdomains: every page of the site, and only of that site.
      condition: { requestDomains: [e.host], initiatorDomains: [e.site] },
    }))
    .sort((a, b) => a.id - b.id);
}
