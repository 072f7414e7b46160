import { getDomain } from 'tldts';
import { isCanonicalHost } from './domains';
import { MAX_POLICIES, tooManyPolicies } from './policy-limits';
import type { SideTable } from './side-table';

/** A user's choice for one site, as stored; site-policy.ts turns the list into dynamic rules. */
export type SiteMode = 'default' | 'off' | 'strict';
export type CompanyChoice = 'allow' | 'block';

export interface SitePolicy {
  /** Registrable domain (eTLD+1, Public Suffix List with private entries), e.g. "example.co.uk". */
  site: string;
  mode: SiteMode;
  /** Company id (see SideTable.companies) -> choice on this site. */
  companies: Record<string, CompanyChoice>;
  /**
   * Registrable domains the user said belong to this site (popup "this domain belongs to the site"): counted as
   * first party in its reports (utils/attribution/first-party.ts). No rule is built from them.
   */
  ownDomains?: string[];
}

/** A policy that says nothing beyond the defaults is not stored. */
export function isDefaultPolicy(policy: SitePolicy): boolean {
  return policy.mode === 'default' && Object.keys(policy.companies).length === 0 && (policy.ownDomains ?? []).length === 0;
}

export class PolicyError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(issues.join('\n'));
    this.name = 'PolicyError';
  }
}

export const SITE_MODES: readonly SiteMode[] = ['default', 'off', 'strict'];
export const COMPANY_CHOICES: readonly CompanyChoice[] = ['allow', 'block'];

/**
 * Every problem in a policy list, as sentences the UI can show; empty when the list is valid. Checked before
 * any rule is built so that a bad entry is refused with a reason instead of being dropped or making the
 * browser reject the whole rule update.
 */
export function validatePolicies(policies: readonly SitePolicy[], table: SideTable): string[] {
  const issues: string[] = policies.length > MAX_POLICIES ? [tooManyPolicies(policies.length)] : [];
  const seen = new Set<string>();
  for (const policy of policies) {
    issues.push(...policyIssues(policy, table, seen));
    seen.add(policy.site);
  }
  return issues;
}

/**
 * The stored policies rules can be built from, and why the others were left out: what was stored before a
 * check existed (or under a rule table that knew a company this one does not) must not stop every other site's
 * rules. The first policy of a site and the first MAX_POLICIES are kept.
 */
export function usablePolicies(policies: readonly SitePolicy[], table: SideTable): { usable: SitePolicy[]; issues: string[] } {
  const usable: SitePolicy[] = [];
  const issues: string[] = [];
  const seen = new Set<string>();
  let overflow = false;
  for (const policy of policies) {
    const problems = policyIssues(policy, table, seen);
    seen.add(policy.site);
    if (problems.length) issues.push(...problems);
    else if (usable.length < MAX_POLICIES) usable.push(policy);
    else overflow = true;
  }
  if (overflow) issues.push(tooManyPolicies(policies.length));
  return { usable, issues };
}

/** One policy's problems; `seen` holds the sites of the policies before it in the list. */
function policyIssues(policy: SitePolicy, table: SideTable, seen: ReadonlySet<string>): string[] {
  const issues: string[] = [];
  const site = policy.site;
  const siteIssue = siteProblem(site);
  if (siteIssue) issues.push(siteIssue);
  if (seen.has(site)) issues.push(`"${site}" has more than one policy; keep one per site.`);
  if (!SITE_MODES.includes(policy.mode)) {
    issues.push(`Unknown mode "${String(policy.mode)}" for "${site}": expected default, off or strict.`);
  }
  const ownDomains: unknown = policy.ownDomains ?? [];
  if (!Array.isArray(ownDomains)) issues.push(`The domains given to "${site}" are not a list of domains.`);
  else {
    for (const domain of ownDomains) {
      const problem = siteProblem(domain);
      if (problem) issues.push(`A domain given to "${site}": ${problem}`);
      else if (domain === site) issues.push(`"${site}" is the site itself; list only its other domains.`);
    }
  }
  const companies: unknown = policy.companies ?? {};
  if (typeof companies !== 'object' || companies === null || Array.isArray(companies)) {
    issues.push(`The company choices for "${site}" are not a list of company → allow or block.`);
    return issues;
  }
  for (const [companyId, choice] of Object.entries(companies as Record<string, unknown>)) {
    const company = table.companies[companyId];
    if (!company) {
      issues.push(`Unknown company "${companyId}" in the policy for "${site}".`);
    } else if (company.ownDomains.length === 0) {
      issues.push(`"${company.name}" on "${site}": the tracker database names no host of its own to allow or block.`);
    }
    if (!COMPANY_CHOICES.includes(choice as CompanyChoice)) {
      issues.push(`Company "${companyId}" on "${site}": expected "allow" or "block", got "${String(choice)}".`);
    }
  }
  return issues;
}

/** Why `site` cannot carry a policy, or undefined when it can. */
export function siteProblem(site: unknown): string | undefined {
  if (typeof site !== 'string' || site.trim() === '') return 'A site name is required (for example "example.com").';
  const cleaned = site.trim().toLowerCase().replace(/\.$/, '');
  const registrable = getDomain(cleaned, { allowPrivateDomains: true });
  if (isCanonicalHost(site) && registrable === site) return undefined;
  if (registrable && isCanonicalHost(registrable)) {
    return `"${site}" is not a site name: policies apply to a whole site, use "${registrable}".`;
  }
  if (!isCanonicalHost(cleaned)) {
    return `"${site}" is not a valid host name (internationalized names must be given in punycode, "xn--...").`;
  }
  return `"${site}" is not a registrable domain: IP addresses, single-label hosts and public suffixes cannot have a policy.`;
}
