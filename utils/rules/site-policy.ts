import { CATEGORY_DECISIONS } from './category-decisions';
import type { DnrRule, RuleCondition } from './dnr-types';
import { isWithin, minimalDomainList, selfAndParents } from './domains';
import { MAX_POLICY_RULES, MAX_SITES_PER_RULE, tooManyRules } from './policy-limits';
import { RULE_TABLE, sequentialIds, type RuleKind } from './priorities';
import type { SideTable } from './side-table';
import { PolicyError, validatePolicies, type CompanyChoice, type SitePolicy } from './site-policy-validation';

export { isDefaultPolicy, PolicyError, siteProblem, usablePolicies, validatePolicies } from './site-policy-validation';
export type { CompanyChoice, SiteMode, SitePolicy } from './site-policy-validation';
export { diffRules, type RuleUpdate } from './rule-diff';

/**
 * Per-site policies -> the complete list of dynamic rules, deterministic for a given input (sites sorted,
 * ids handed out in order), so the background can diff it against what is installed (`diffRules`).
 *
 * Sites sharing a choice share a rule (initiatorDomains / requestDomains hold the list, at most
 * MAX_SITES_PER_RULE sites each), so the rule count grows with the number of companies and categories involved,
 * not with the number of sites: Firefox allows 5,000 dynamic rules. A list needing more than MAX_POLICY_RULES
 * is refused whole with a sentence saying so (policy-limits.ts).
 *
 * Matching a "site": DNR conditions see the request's initiator, not the top-level page, except through
 * allowAllRequests, which covers a whole frame tree.
 * - `off` uses allowAllRequests on the site's main_frame (requestDomains): everything the page and its
 *   frames load is allowed, except rules of a higher priority (a per-company block, GPC).
 * - `strict` and per-company rules use initiatorDomains: they apply to requests the site's own documents
 *   make. Requests from a third party's iframe on the site fall under that third party's rules.
 */

/** The dynamic rule kinds this module owns; pass them to diffRules so other dynamic rules are left alone. */
export const POLICY_RULE_KINDS: readonly RuleKind[] = ['siteOff', 'siteStrict', 'companyAllow', 'companyBlock'];

export interface PolicyRuleOptions {
  /**
   * Categories `strict` blocks on a site. Default: every category in the side table. A caller may leave out
   * categories whose static ruleset is enabled (those are blocked everywhere already) to keep rules small.
   */
  strictCategories?: readonly string[];
}

export function buildPolicyRules(policies: readonly SitePolicy[], table: SideTable, options: PolicyRuleOptions = {}): DnrRule[] {
  const issues = validatePolicies(policies, table);
  if (issues.length) throw new PolicyError(issues);
  const sorted = [...policies].sort((a, b) => compare(a.site, b.site));
  let rules: DnrRule[];
  try {
    rules = [
      ...offRules(sorted.filter((p) => p.mode === 'off').map((p) => p.site)),
      ...strictRules(sorted.filter((p) => p.mode === 'strict').map((p) => p.site), table, options),
      ...companyRules(sorted, table),
    ];
  } catch (error) {
    // A kind's id range ran out (priorities.ts): far more rules than the browsers would take anyway.
    if (error instanceof RangeError) throw new PolicyError([tooManyRules(null)]);
    throw error;
  }
  if (rules.length > MAX_POLICY_RULES) throw new PolicyError([tooManyRules(rules.length)]);
  return rules;
}

/** `sites` in lists of at most MAX_SITES_PER_RULE, in order. */
function siteLists(sites: readonly string[]): string[][] {
  const lists: string[][] = [];
  for (let i = 0; i < sites.length; i += MAX_SITES_PER_RULE) lists.push(sites.slice(i, i + MAX_SITES_PER_RULE));
  return lists;
}

function offRules(sites: string[]): DnrRule[] {
  const nextId = sequentialIds('siteOff');
  return siteLists(sites).map((list) => ({
    id: nextId(),
    priority: RULE_TABLE.siteOff.priority,
    action: { type: 'allowAllRequests' },
    condition: { requestDomains: list, resourceTypes: ['main_frame'] },
  }));
}

/**
 * One rule per (category, company owning the site): the category's hosts from every tracker rule of the
 * side table, minus the hosts of the company that runs the site (a Google site in strict mode still loads
 * Google's hosts: same company, same first party as in the static rules).
 */
function strictRules(sites: string[], table: SideTable, options: PolicyRuleOptions): DnrRule[] {
  if (!sites.length) return [];
  const nextId = sequentialIds('siteStrict');
  const ownerOf = companyIndex(table);
  const sitesByOwner = new Map<string, string[]>();
  for (const site of sites) {
    const owner = selfAndParents(site).map((name) => ownerOf.get(name)).find((id) => id !== undefined) ?? '';
    sitesByOwner.set(owner, [...(sitesByOwner.get(owner) ?? []), site]);
  }
  const wanted = new Set(options.strictCategories ?? CATEGORY_DECISIONS.map((c) => c.id));
  const rules: DnrRule[] = [];
  for (const { id: category } of [...CATEGORY_DECISIONS].sort((a, b) => a.slot - b.slot)) {
    if (!wanted.has(category)) continue;
    for (const owner of [...sitesByOwner.keys()].sort(compare)) {
      const condition = categoryCondition(table, category, owner);
      if (!condition) continue;
      for (const list of siteLists(sitesByOwner.get(owner) ?? [])) {
        rules.push({
          id: nextId(),
          priority: RULE_TABLE.siteStrict.priority,
          action: { type: 'block' },
          condition: { ...condition, initiatorDomains: list, domainType: 'thirdParty' },
        });
      }
    }
  }
  return rules;
}

function categoryCondition(table: SideTable, category: string, exceptOwner: string): RuleCondition | undefined {
  const hosts = new Set<string>();
  const excluded = new Set<string>();
  for (const info of Object.values(table.rules)) {
    if (info.category !== category || info.urlFilter !== undefined || info.organizationId === exceptOwner) continue;
    for (const host of Object.keys(info.domains)) hosts.add(host);
    for (const host of info.excludedDomains ?? []) excluded.add(host);
  }
  const requestDomains = minimalDomainList(hosts);
  if (!requestDomains.length) return undefined;
  // A host excluded by one company's rule but blocked by another's in the same category stays blocked.
  const stillExcluded = minimalDomainList([...excluded].filter((host) =>
    !hosts.has(host) && requestDomains.some((domain) => isWithin(host, domain) && domain !== host)));
  return { requestDomains, ...(stillExcluded.length ? { excludedRequestDomains: stillExcluded } : {}) };
}

/** One rule per (company, choice), listing every site that made that choice. */
function companyRules(policies: readonly SitePolicy[], table: SideTable): DnrRule[] {
  const sitesByChoice = new Map<string, string[]>();
  for (const policy of policies) {
    for (const [companyId, choice] of Object.entries(policy.companies)) {
      const key = `${companyId}\n${choice}`;
      sitesByChoice.set(key, [...(sitesByChoice.get(key) ?? []), policy.site]);
    }
  }
  const allowId = sequentialIds('companyAllow');
  const blockId = sequentialIds('companyBlock');
  const rules: DnrRule[] = [];
  for (const key of [...sitesByChoice.keys()].sort(compare)) {
    const [companyId = '', choice] = key.split('\n') as [string, CompanyChoice];
    const company = table.companies[companyId];
    if (!company) continue; // validated above
    const foreign = company.foreignSubdomains ?? [];
    for (const list of siteLists(sitesByChoice.get(key) ?? [])) {
      const condition: RuleCondition = {
        requestDomains: company.ownDomains,
        ...(foreign.length ? { excludedRequestDomains: foreign } : {}),
        initiatorDomains: list,
      };
      rules.push(choice === 'allow'
        ? { id: allowId(), priority: RULE_TABLE.companyAllow.priority, action: { type: 'allow' }, condition }
        : { id: blockId(), priority: RULE_TABLE.companyBlock.priority, action: { type: 'block' }, condition: { ...condition, domainType: 'thirdParty' } });
    }
  }
  return rules.sort((a, b) => a.id - b.id);
}

/** Own domain -> company id, for finding the company that runs a site. */
function companyIndex(table: SideTable): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, company] of Object.entries(table.companies)) {
    for (const domain of company.ownDomains) index.set(domain, id);
  }
  return index;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
