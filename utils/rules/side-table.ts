import { selfAndParents } from './domains';

/**
 * What the background needs to explain a blocked request and to build per-site rules, without loading the
 * rule files: for each static tracker rule id, the category, company and patterns behind it; for each
 * company, the hosts it runs. Written by the compiler next to the rulesets (plain JSON).
 */

export interface TrackerRuleInfo {
  /** The rule lives in ruleset `trackers_<category>`. */
  category: string;
  organizationId: string;
  organizationName: string;
  /** Sorted ids of the trackerdb patterns the rule stands for. */
  patternIds: string[];
  /** Host -> pattern id for the hosts the rule matches (with their subdomains). */
  domains: Record<string, string>;
  /** Subdomains the rule leaves out because the database attributes them elsewhere. */
  excludedDomains?: string[];
  /** Set when the rule matches one URL filter rather than whole hosts. */
  urlFilter?: string;
}

export interface CompanyInfo {
  name: string;
  /** Minimal list of the hosts the company runs (any category); the same-company exemption uses it. */
  ownDomains: string[];
  /** Subdomains of ownDomains that belong to someone else (left out of per-company rules). */
  foreignSubdomains?: string[];
}

export interface SideTable {
  version: 1;
  /** Keyed by the rule id (as a string: JSON object keys). */
  rules: Record<string, TrackerRuleInfo>;
  /** Keyed by company id: a trackerdb organization id, or `pattern:<id>` for a pattern without one. */
  companies: Record<string, CompanyInfo>;
}

export interface Attribution {
  category: string;
  organizationId: string;
  organizationName: string;
  patternId?: string;
}

/**
 * Who a request blocked by a static tracker rule belongs to: the rule's company and category, and the
 * pattern whose host is the most specific match. Undefined for a rule id the table does not know (for
 * example a dynamic rule: those are explained by the policy that made them).
 */
export function attributeBlockedRequest(table: SideTable, ruleId: number, host: string): Attribution | undefined {
  const info = table.rules[String(ruleId)];
  if (!info) return undefined;
  const patternId = selfAndParents(host).map((name) => info.domains[name]).find((id) => id !== undefined);
  return {
    category: info.category,
    organizationId: info.organizationId,
    organizationName: info.organizationName,
    ...(patternId !== undefined ? { patternId } : {}),
  };
}
