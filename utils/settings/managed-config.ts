/**
 * What a fleet's policy sets (storage.managed: Chrome's `3rdparty` policy through the manifest's managed_schema,
 * Firefox's policies.json "3rdparty"; docs/managed.md), read leniently: a value that does not pass the same checks
 * as the options page and settings files is left out and named in `problems`, and the rest still applies, so one
 * typo in a policy file cannot leave a fleet unconfigured.
 */
import { checkDnsConfig, DEFAULT_DNS_SETTINGS, DNS_CONFIG_FIELDS, type DnsConfigRequest } from '../dns/settings/dns-settings';
import { isRetention } from '../history/retention';
import { managedCategories } from '../rules/managed-categories';
import { sitePolicyField } from '../rules/policy-fields';
import { MAX_POLICIES, tooManyPolicies } from '../rules/policy-limits';
import type { SitePolicy } from '../rules/site-policy';
import { at, FieldError, list } from '../validate/fields';

export interface ManagedConfig {
  /** DNS fields the organization sets; the options page shows them locked. */
  dns: DnsConfigRequest;
  companion?: boolean;
  historyRetentionDays?: number;
  /** "Keep no history" (docs/history.md). */
  historyOff?: boolean;
  /** Replaces the user's per-site policies while set (the popup shows them locked); company ids as in settings files. */
  policies?: SitePolicy[];
  /** The tracker categories blocked everywhere, exactly these (utils/rules/managed-categories.ts). */
  protectionCategories?: string[];
  /** Values left out, one sentence each. */
  problems: string[];
}

/** The managed keys Diffuse reads (the same names as public/managed-schema.json). */
const DNS_KEYS = ['resolvers', 'strategy', 'rekeyDays', 'preferFast'] as const;

export function parseManagedConfig(raw: unknown): ManagedConfig {
  const config: ManagedConfig = { dns: {}, problems: [] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return config;
  const o = raw as Record<string, unknown>;
  for (const key of DNS_KEYS) {
    if (o[key] === undefined) continue;
    const check = checkDnsConfig({ [key]: o[key] }, DEFAULT_DNS_SETTINGS);
    if (check.ok) Object.assign(config.dns, { [key]: check.settings[key] });
    else config.problems.push(`${key}: ${Object.values(check.errors).join(' ')}`);
  }
  if (o.companion !== undefined) {
    if (typeof o.companion === 'boolean') config.companion = o.companion;
    else config.problems.push('companion: expected true or false.');
  }
  if (o.historyRetentionDays !== undefined) {
    if (isRetention(o.historyRetentionDays) && o.historyRetentionDays !== null) config.historyRetentionDays = o.historyRetentionDays;
    else config.problems.push('historyRetentionDays: expected a whole number of days from 1 to 3650.');
  }
  if (o.historyOff !== undefined) {
    if (typeof o.historyOff === 'boolean') config.historyOff = o.historyOff;
    else config.problems.push('historyOff: expected true or false.');
  }
  if (o.protectionCategories !== undefined) {
    try {
      config.protectionCategories = managedCategories(o.protectionCategories);
    } catch (error) {
      config.problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (o.policies !== undefined) {
    // All or none: the list replaces the user's, so half of it would be a policy nobody wrote.
    try {
      const items = list(o.policies, 'policies');
      if (items.length > MAX_POLICIES) throw new FieldError('policies', tooManyPolicies(items.length));
      const policies = items.map((p, i) => sitePolicyField(p, at('policies', i)));
      const sites = new Set(policies.map((p) => p.site));
      if (sites.size !== policies.length) throw new FieldError('policies', 'a site is named twice; keep one policy per site');
      config.policies = policies;
    } catch (error) {
      config.problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return config;
}

/** The DNS fields a managed config locks, in the options page's order. */
export function lockedDnsFields(config: ManagedConfig): (keyof DnsConfigRequest)[] {
  return DNS_CONFIG_FIELDS.filter((field) => config.dns[field] !== undefined);
}

/** The history settings a managed config locks (the dashboard's retention select and "keep no history"). */
export function lockedHistoryFields(config: ManagedConfig): ('retentionDays' | 'off')[] {
  return [...(config.historyRetentionDays !== undefined ? ['retentionDays' as const] : []), ...(config.historyOff !== undefined ? ['off' as const] : [])];
}
