/**
 * The settings file (`diffuse-settings/3`): everything a user sets. History retention and "keep no history", the
 * browser privacy switches, the per-site policies, Diffuse's DNS (resolvers, selection strategy and its options)
 * and the companion's switch, exported to JSON and imported back. Version 2 (no `history.off`) and version 1 (no
 * `dns`, no `companion` either) are still read; what they lack keeps its value on import.
 * Parsing checks the whole file before anything is applied and throws a FieldError naming the first wrong field,
 * so an invalid file changes nothing; applying it is all or nothing (settings/handlers.ts). Every section is
 * optional on import: a section left out leaves that part of the settings as it is.
 */
import { companionSetField, type CompanionSetRequest } from '../companion/companion-settings';
import { checkDnsConfig, DEFAULT_DNS_SETTINGS, DNS_CONFIG_FIELDS, type DnsConfigRequest } from '../dns/settings/dns-settings';
import { retentionField } from '../history/retention';
import { ALL_PRIVACY_SETTING_IDS } from '../privacy/settings';
import type { PrivacySettingId } from '../privacy/setting-types';
import type { SideTable } from '../rules/side-table';
import { sitePolicyField } from '../rules/policy-fields';
import { MAX_POLICIES, tooManyPolicies } from '../rules/policy-limits';
import type { SitePolicy } from '../rules/site-policy';
import { at, boolean, FieldError, list, object, oneOf, onlyKeys, string } from '../validate/fields';

export const SETTINGS_SCHEMA = 'diffuse-settings/3';
/** Files exported before "keep no history": read as they are. */
export const SETTINGS_SCHEMA_V2 = 'diffuse-settings/2';
/** Files exported before the DNS and companion sections: read as they are. */
export const SETTINGS_SCHEMA_V1 = 'diffuse-settings/1';


export interface SettingsFile {
  schema: typeof SETTINGS_SCHEMA | typeof SETTINGS_SCHEMA_V2 | typeof SETTINGS_SCHEMA_V1;
  exportedAt?: string;
  /** `off` ("keep no history") from version 3 on; left out, it keeps its value on import. */
  history?: { retentionDays: number | null; off?: boolean };
  /** Setting id → whether Diffuse holds its protective value. */
  privacy?: Partial<Record<PrivacySettingId, boolean>>;
  /** Replaces every stored policy when present. Companies by the rule table's company id ("google"). */
  policies?: SitePolicy[];
  /** Diffuse's own resolvers and how it picks among them; fields left out keep their value. */
  dns?: DnsConfigRequest;
  /** The companion's switch and what happens when it is lost. */
  companion?: CompanionSetRequest;
}

export function settingsFileText(settings: Omit<SettingsFile, 'schema' | 'exportedAt'>, now: number): string {
  const file: SettingsFile = { schema: SETTINGS_SCHEMA, exportedAt: new Date(now).toISOString(), ...settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Text → a checked settings file; throws FieldError (path and problem) on the first thing wrong. */
export function parseSettingsFile(text: string): SettingsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new FieldError('', `not a JSON file (${error instanceof Error ? error.message : String(error)})`);
  }
  const o = object(raw, '');
  const file: SettingsFile = { schema: oneOf(o.schema, [SETTINGS_SCHEMA, SETTINGS_SCHEMA_V2, SETTINGS_SCHEMA_V1], 'schema') };
  onlyKeys(o, file.schema === SETTINGS_SCHEMA_V1 ? V1_SECTIONS : [...V1_SECTIONS, 'dns', 'companion'], '');
  if (o.exportedAt !== undefined) file.exportedAt = string(o.exportedAt, 'exportedAt');
  if (o.history !== undefined) {
    const h = object(o.history, 'history');
    onlyKeys(h, file.schema === SETTINGS_SCHEMA ? ['retentionDays', 'off'] : ['retentionDays'], 'history');
    file.history = { retentionDays: retentionField(h.retentionDays, 'history.retentionDays') };
    if (h.off !== undefined) file.history.off = boolean(h.off, 'history.off');
  }
  if (o.privacy !== undefined) {
    const p = object(o.privacy, 'privacy');
    onlyKeys(p, ALL_PRIVACY_SETTING_IDS, 'privacy');
    file.privacy = Object.fromEntries(Object.entries(p).map(([id, on]) => [id, boolean(on, at('privacy', id))])) as SettingsFile['privacy'];
  }
  if (o.policies !== undefined) {
    const policies = list(o.policies, 'policies');
    if (policies.length > MAX_POLICIES) throw new FieldError('policies', tooManyPolicies(policies.length));
    file.policies = policies.map((p, i) => sitePolicyField(p, at('policies', i)));
  }
  if (o.dns !== undefined) file.dns = dnsSection(o.dns);
  if (o.companion !== undefined) file.companion = companionSetField(o.companion, 'companion');
  const sites = new Map<string, number>();
  file.policies?.forEach((p, i) => {
    const first = sites.get(p.site);
    if (first !== undefined) throw new FieldError(`policies[${i}].site`, `"${p.site}" is also policies[${first}]; keep one per site`);
    sites.set(p.site, i);
  });
  return file;
}

const V1_SECTIONS = ['schema', 'exportedAt', 'history', 'privacy', 'policies'];

/** The DNS section, checked as the options page's changes are (checkDnsConfig), each refusal naming its field. */
function dnsSection(value: unknown): DnsConfigRequest {
  const o = object(value, 'dns');
  onlyKeys(o, DNS_CONFIG_FIELDS, 'dns');
  const check = checkDnsConfig(o, DEFAULT_DNS_SETTINGS);
  if (!check.ok) {
    const [field, problem] = Object.entries(check.errors)[0] as [string, string];
    throw new FieldError(at('dns', field), problem);
  }
  // The checked (normalised) values of the fields the file has.
  return Object.fromEntries(DNS_CONFIG_FIELDS.filter((k) => o[k] !== undefined).map((k) => [k, check.settings[k]])) as DnsConfigRequest;
}

/** Company ids the rule table does not know (or cannot act on), named by field; checked with the packaged table. */
export function checkPolicyCompanies(policies: readonly SitePolicy[], table: SideTable): void {
  policies.forEach((p, i) => {
    for (const id of Object.keys(p.companies)) {
      const company = table.companies[id];
      const path = `policies[${i}].companies.${id}`;
      if (!company) throw new FieldError(path, `no company with the id "${id}" in this version's blocking rules`);
      if (company.ownDomains.length === 0) throw new FieldError(path, `the tracker database names no host of ${company.name} to allow or block`);
    }
  });
}
