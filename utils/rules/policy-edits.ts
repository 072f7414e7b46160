import type { SideTable } from './side-table';
import { siteProblem, type CompanyChoice, type SiteMode, type SitePolicy } from './site-policy';
import { registrableDomain } from '../site/registrable-domain';

/** What the popup shows and edits for one site: companies by the names the user sees. */
export interface PolicyView {
  site: string;
  mode: SiteMode;
  /** Company name → choice on this site (companies without a choice are absent). */
  companies: Record<string, CompanyChoice>;
  /** The last rule update the browser refused, in its words; null when the rules are in force. */
  error: string | null;
  /** Other registrable domains the user said belong to this site. */
  ownDomains: string[];
  /** A fleet's policy sets every site's policy (docs/managed.md): the popup shows it locked. */
  managed: boolean;
}

export type PolicyEdit =
  | { mode: SiteMode }
  | { company: string; choice: CompanyChoice | 'default' }
  /** "This domain belongs to the site" (belongs: true) or its undo; any host of the domain may be given. */
  | { ownDomain: string; belongs: boolean };

/** The company id the rules use for a company name the UI shows; undefined when the rules know none. */
export function companyIdByName(table: SideTable, name: string): string | undefined {
  for (const [id, company] of Object.entries(table.companies)) if (company.name === name) return id;
  return undefined;
}

/** Applies one edit to a site's policy; throws an Error with a message for the user when it cannot. */
export function editPolicy(policy: SitePolicy, edit: PolicyEdit, table: SideTable): SitePolicy {
  const problem = siteProblem(policy.site);
  if (problem) throw new Error(problem);
  if ('mode' in edit) return { ...policy, mode: edit.mode };
  if ('ownDomain' in edit) return withOwnDomain(policy, edit.ownDomain, edit.belongs);
  const id = companyIdByName(table, edit.company);
  if (!id) throw new Error(`Diffuse has no blocking rules for "${edit.company}", so there is nothing to allow or block.`);
  const companies = { ...policy.companies };
  if (edit.choice === 'default') delete companies[id];
  else companies[id] = edit.choice;
  return { ...policy, companies };
}

export function viewOf(policy: SitePolicy, table: SideTable, error: string | null, managed = false): PolicyView {
  const companies: Record<string, CompanyChoice> = {};
  for (const [id, choice] of Object.entries(policy.companies)) companies[table.companies[id]?.name ?? id] = choice;
  return { site: policy.site, mode: policy.mode, companies, error, ownDomains: policy.ownDomains ?? [], managed };
}

function withOwnDomain(policy: SitePolicy, host: string, belongs: boolean): SitePolicy {
  const domain = registrableDomain(host);
  const problem = siteProblem(domain);
  if (problem) throw new Error(problem);
  if (domain === policy.site) throw new Error(`"${domain}" is the site itself.`);
  const rest = (policy.ownDomains ?? []).filter((d) => d !== domain);
  const ownDomains = belongs ? [...rest, domain].sort() : rest;
  const { ownDomains: _old, ...others } = policy;
  return ownDomains.length > 0 ? { ...others, ownDomains } : others;
}
