import { getDomain } from 'tldts';
import { isCanonicalHost } from './domains';
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

const MODES: readonly string[] = ['default', 'off', 'strict'];
const CHOICES: readonly string[] = ['allow', 'block'];

/**
 * Every problem in a policy list, as sentences the UI can show; empty when the list is valid. Checked before
 * any rule is built so that a bad entry is refused with a reason instead of being dropped or making the
 * browser reject the whole rule update.
 */
export function validatePolicies(policies: readonly SitePolicy[], table: SideTable): string[] {
  const issues: string[] = [];
  const seen = new Set<string>();
  for (const policy of policies) {
    const site = policy.site;
    const siteIssue = siteProblem(site);
    if (siteIssue) issues.push(siteIssue);
    if (seen.has(site)) issues.push(`"${site}" has more than one policy; keep one per site.`);
    seen.add(site);
    if (!MODES.includes(policy.mode)) {
      issues.push(`Unknown mode "${String(policy.mode)}" for "${site}": expected default, off or strict.`);
    }
    for (const domain of policy.ownDomains ?? []) {
      const problem = siteProblem(domain);
      if (problem) issues.push(`A domain given to "${site}": ${problem}`);
      else if (domain === site) issues.push(`"${site}" is the site itself; list only its other domains.`);
    }
    for (const [companyId, choice] of Object.entries(policy.companies ?? {})) {
      const company = table.companies[companyId];
      if (!company) {
        issues.push(`Unknown company "${companyId}" in the policy for "${site}".`);
      } else if (company.ownDomains.length === 0) {
        issues.push(`"${company.name}" on "${site}": the tracker database names no host of its own to allow or block.`);
      }
      if (!CHOICES.includes(choice)) {
        issues.push(`Company "${companyId}" on "${site}": expected "allow" or "block", got "${String(choice)}".`);
      }
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
