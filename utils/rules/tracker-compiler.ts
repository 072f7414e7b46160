import { CATEGORY_DECISIONS, categoryDecision } from './category-decisions';
import type { DnrRule, RuleResource, StaticRuleset } from './dnr-types';
import { minimalDomainList } from './domains';
import { GPC_RULESET_ID, gpcRules } from './gpc-ruleset';
import { RULE_TABLE, hashedIds, trackerSlotRange } from './priorities';
import type { CompanyInfo, SideTable, TrackerRuleInfo } from './side-table';
import { buildTrackerModel, type Owner, type TrackerGroup } from './tracker-model';
import type { TrackerDb } from './trackerdb-types';
import { addSurrogateRules } from './surrogates';
import { TRACKING_PARAMS_RULESET_ID, trackingParamRules, type ParamListSource } from './tracking-params';

/**
 * trackerdb -> declarativeNetRequest static rulesets, one per tracker category, plus the anti-leak rulesets
 * (tracking parameters, GPC), the side table, and the manifest's `rule_resources`, all from one pass so they
 * cannot disagree.
 *
 * Every tracker rule:
 * - matches third-party requests only (`domainType: 'thirdParty'`);
 * - leaves out requests made by the company's own sites (`excludedInitiatorDomains` = the company's hosts):
 *   google-analytics.com loaded by youtube.com is Google talking to Google, as DuckDuckGo's tracker blocking
 *   treats it (same "entity");
 * - leaves main_frame alone (no resourceTypes: "all types except main_frame" in both browsers), so following
 *   a link to a tracker's site still works.
 *
 * Limits (Chrome: 30,000 guaranteed static rules, 50 enabled rulesets; Firefox: 30,000 static rules in all
 * enabled rulesets, 20 enabled rulesets; both: 1,000 regex rules): the compiler emits no regex rule and
 * checks the rest with `checkStaticLimits`.
 */

export const STATIC_RULE_LIMIT = 30_000;
export const ENABLED_RULESET_LIMIT = 20;

export interface CompiledRules {
  rulesets: StaticRuleset[];
  sideTable: SideTable;
  manifestRuleResources: RuleResource[];
}

export function trackerRulesetId(category: string): string {
  return `trackers_${category}`;
}

/** The manifest's `declarative_net_request.rule_resources`, written from the rulesets themselves. */
export function ruleResources(rulesets: readonly StaticRuleset[]): RuleResource[] {
  return rulesets.map(({ id, enabledByDefault }) => ({ id, enabled: enabledByDefault, path: `rules/${id}.json` }));
}

/** `paramList`: the maintained tracking-parameter list (the build passes AdGuard's); without it, this repo's lists only. */
export function compileRules(db: TrackerDb, paramList: ParamListSource = { params: [], exceptions: [] }): CompiledRules {
  const model = buildTrackerModel(db);
  const sideRules: Record<string, TrackerRuleInfo> = {};
  const trackerRulesets: StaticRuleset[] = [];

  for (const decision of [...CATEGORY_DECISIONS].sort((a, b) => a.slot - b.slot)) {
    const groups = model.groups.filter((group) => group.category === decision.id);
    if (groups.length === 0) continue;
    const rules = categoryRules(decision.id, groups, model.owners, sideRules);
    if (rules.length === 0) continue;
    trackerRulesets.push({ id: trackerRulesetId(decision.id), category: decision.id, enabledByDefault: decision.blockedByDefault, rules });
  }
  // Surrogates go into the ruleset of the rule that blocks their script (surrogates.ts).
  const rulesets: StaticRuleset[] = [
    ...addSurrogateRules(trackerRulesets).rulesets,
    { id: TRACKING_PARAMS_RULESET_ID, category: null, enabledByDefault: true, rules: trackingParamRules(paramList) },
    { id: GPC_RULESET_ID, category: null, enabledByDefault: true, rules: gpcRules() },
  ];
  checkStaticLimits(rulesets);

  const companies: Record<string, CompanyInfo> = {};
  for (const owner of [...model.owners.values()].sort((a, b) => compare(a.id, b.id))) {
    companies[owner.id] = {
      name: owner.name,
      ownDomains: owner.ownDomains,
      ...(owner.foreignSubdomains.length ? { foreignSubdomains: owner.foreignSubdomains } : {}),
    };
  }
  return { rulesets, sideTable: { version: 1, rules: sideRules, companies }, manifestRuleResources: ruleResources(rulesets) };
}

/**
 * One rule per company for the hosts it blocks whole, one per URL filter. Ids come from `hashedIds` over
 * keys naming (category, company[, filter]), inside the category's slot: a company keeps its rule ids when
 * other companies are added or removed, so ids recorded in stored page loads stay meaningful.
 */
function categoryRules(category: string, groups: TrackerGroup[], owners: Map<string, Owner>, side: Record<string, TrackerRuleInfo>): DnrRule[] {
  const slot = categoryDecision(category)?.slot ?? -1;
  const { firstId, lastId } = trackerSlotRange(slot);
  const drafts = new Map<string, { rule: Omit<DnrRule, 'id'>; info: TrackerRuleInfo }>();

  for (const group of groups) {
    const owner = owners.get(group.ownerId);
    if (!owner) throw new Error(`no company record for ${group.ownerId}`);
    const base = { category, organizationId: owner.id, organizationName: owner.name };
    const sameCompany = owner.ownDomains.length ? { excludedInitiatorDomains: owner.ownDomains } : {};

    if (group.blocked.size > 0) {
      const domains = Object.fromEntries([...group.blocked].sort(([a], [b]) => compare(a, b)));
      const excluded = minimalDomainList(group.excluded);
      drafts.set(`domains|${category}|${owner.id}`, {
        rule: block({
          requestDomains: minimalDomainList(group.blocked.keys()),
          ...(excluded.length ? { excludedRequestDomains: excluded } : {}),
          ...sameCompany,
        }),
        info: { ...base, patternIds: sortedUnique(group.blocked.values()), domains, ...(excluded.length ? { excludedDomains: excluded } : {}) },
      });
    }
    for (const filter of group.filters) {
      const key = `filter|${category}|${owner.id}|${filter.filter}`;
      const known = drafts.get(key);
      if (known) {
        known.info.patternIds = sortedUnique([...known.info.patternIds, filter.patternId]);
        continue;
      }
      drafts.set(key, {
        rule: block({ urlFilter: filter.urlFilter, ...(filter.resourceTypes ? { resourceTypes: filter.resourceTypes } : {}), ...sameCompany }),
        info: { ...base, patternIds: [filter.patternId], domains: { [filter.host]: filter.patternId }, urlFilter: filter.urlFilter },
      });
    }
  }

  const ids = hashedIds(drafts.keys(), firstId, lastId);
  const rules: DnrRule[] = [];
  for (const [key, { rule, info }] of drafts) {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`no id for ${key}`);
    rules.push({ id, ...rule });
    side[String(id)] = info;
  }
  return rules.sort((a, b) => a.id - b.id);
}

function block(condition: DnrRule['condition']): Omit<DnrRule, 'id'> {
  return { priority: RULE_TABLE.trackerBlock.priority, action: { type: 'block' }, condition: { ...condition, domainType: 'thirdParty' } };
}

/** Throws when the rulesets would not load in one of the browsers. */
export function checkStaticLimits(rulesets: readonly StaticRuleset[]): void {
  const total = rulesets.reduce((sum, ruleset) => sum + ruleset.rules.length, 0);
  if (total > STATIC_RULE_LIMIT) throw new Error(`${total} static rules exceed the ${STATIC_RULE_LIMIT} that Firefox allows in all enabled rulesets`);
  if (rulesets.length > ENABLED_RULESET_LIMIT) throw new Error(`${rulesets.length} rulesets exceed Firefox's ${ENABLED_RULESET_LIMIT} enabled rulesets`);
  const regex = rulesets.flatMap((r) => r.rules).filter((rule) => 'regexFilter' in rule.condition).length;
  if (regex > 0) throw new Error(`${regex} regex rules: the compiler should emit none`);
  for (const ruleset of rulesets) {
    if (ruleset.id.startsWith('_')) throw new Error(`ruleset id "${ruleset.id}" starts with "_", which browsers reserve`);
    const ids = new Set(ruleset.rules.map((rule) => rule.id));
    if (ids.size !== ruleset.rules.length) throw new Error(`duplicate rule id in ruleset "${ruleset.id}"`);
  }
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compare);
}

/** Code-unit order, independent of the locale the build runs in. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
