/**
 * Field checks for per-site policies as they arrive from outside: a settings file (utils/settings/) and the
 * popup's `policy.edit` (utils/messages/request-checks.ts) use the same ones, so both refuse the same things with
 * the same words, naming the field (`policies[2].mode: expected one of …`).
 */
import { at, boolean, FieldError, list, object, oneOf, onlyKeys, string } from '../validate/fields';
import type { PolicyEdit } from './policy-edits';
import { COMPANY_CHOICES, SITE_MODES, siteProblem, type CompanyChoice, type SitePolicy } from './site-policy-validation';

/** A registrable domain that can carry a policy ("example.co.uk"), or a FieldError saying what to use. */
export function siteField(value: unknown, path: string): string {
  const site = string(value, path);
  const problem = siteProblem(site);
  if (problem) throw new FieldError(path, problem);
  return site;
}

/**
 * One stored policy: site, mode, company id → choice, and the domains the user said belong to the site. Company
 * ids are checked against the table later.
 */
export function sitePolicyField(value: unknown, path: string): SitePolicy {
  const o = object(value, path);
  onlyKeys(o, ['site', 'mode', 'companies', 'ownDomains'], path);
  const site = siteField(o.site, at(path, 'site'));
  const companies: Record<string, CompanyChoice> = {};
  const raw = o.companies === undefined ? {} : object(o.companies, at(path, 'companies'));
  for (const [id, choice] of Object.entries(raw)) companies[id] = oneOf(choice, COMPANY_CHOICES, at(at(path, 'companies'), id));
  const mode = oneOf(o.mode, SITE_MODES, at(path, 'mode'));
  if (o.ownDomains === undefined) return { site, mode, companies };
  const ownDomains = list(o.ownDomains, at(path, 'ownDomains')).map((d, i) => ownDomainField(d, site, at(at(path, 'ownDomains'), i)));
  return { site, mode, companies, ownDomains };
}

/** A domain the user says belongs to `site`: a registrable domain other than the site itself. */
function ownDomainField(value: unknown, site: string, path: string): string {
  const domain = siteField(value, path);
  if (domain === site) throw new FieldError(path, 'the site itself need not be listed');
  return domain;
}

/** The popup's one change: a mode, or one company (by the name it shows) allowed, blocked or back to default. */
export function policyEditField(value: unknown, path: string): PolicyEdit {
  const o = object(value, path);
  if ('mode' in o) {
    onlyKeys(o, ['mode'], path);
    return { mode: oneOf(o.mode, SITE_MODES, at(path, 'mode')) };
  }
  if ('ownDomain' in o) {
    onlyKeys(o, ['ownDomain', 'belongs'], path);
    return { ownDomain: siteField(o.ownDomain, at(path, 'ownDomain')), belongs: boolean(o.belongs, at(path, 'belongs')) };
  }
  onlyKeys(o, ['company', 'choice'], path);
  const company = string(o.company, at(path, 'company'));
  if (company.trim() === '') throw new FieldError(at(path, 'company'), 'expected a company name, got ""');
  return { company, choice: oneOf(o.choice, [...COMPANY_CHOICES, 'default'] as const, at(path, 'choice')) };
}
