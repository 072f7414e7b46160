/**
 * The run-time check of every message the UI sends, by message type (the contract's RequestChecks). Each uses
 * the field checks an imported settings file goes through (utils/validate/fields.ts and the domain's own:
 * policies, retention, privacy switches, companion), so the two doors refuse the same things with the same
 * words. Deeper checks that need state (a company the rule table knows, a resolver that answers a probe) stay
 * with the capability that has it.
 */
import { companionSetField } from '../companion/companion-settings';
import { DNS_CONFIG_FIELDS, type DnsConfigRequest } from '../dns/settings/dns-settings';
import { RANGE_IDS } from '../history/days';
import { EXPORT_FORMATS } from '../history/export-file';
import { retentionField } from '../history/retention';
import { ALL_PRIVACY_SETTING_IDS } from '../privacy/settings';
import { policyEditField, siteField } from '../rules/policy-fields';
import { boolean, number, oneOf, onlyKeys, string } from '../validate/fields';
import type { RequestChecks } from './contract';

type Fields = Record<string, unknown>;

/** A check that refuses fields other than `keys` (a typo is reported, not ignored), then reads them with `read`. */
function only<T>(keys: readonly string[], read: (fields: Fields) => T): (fields: Fields) => T {
  return (fields) => {
    onlyKeys(fields, keys, '');
    return read(fields);
  };
}

/** A message with nothing but its type. */
const nothing = only([], (): Record<string, never> => ({}));
/** A tab id as the browser gives it (the harness asks about tab -1 to see whether the background answers). */
const tabId = (fields: Fields) => number(fields.tabId, 'tabId', { integer: true });
const tab = only(['tabId'], (f) => ({ tabId: tabId(f) }));
const range = (fields: Fields) => oneOf(fields.range, RANGE_IDS, 'range');

export const REQUEST_CHECKS: RequestChecks = {
  'pageLoad.get': only(['tabId', 'hosts'], (f) => ({
    tabId: tabId(f),
    ...(f.hosts === undefined ? {} : { hosts: boolean(f.hosts, 'hosts') }),
  })),
  'tab.reload': tab,
  // Any host's page may be shown in the popup (an address, localhost): only editing needs a real site.
  'policy.get': only(['site'], (f) => ({ site: string(f.site, 'site') })),
  'policy.edit': only(['site', 'edit'], (f) => ({ site: siteField(f.site, 'site'), edit: policyEditField(f.edit, 'edit') })),
  'policy.categories': nothing,
  'privacy.list': nothing,
  'privacy.set': only(['id', 'enabled'], (f) => ({ id: oneOf(f.id, ALL_PRIVACY_SETTING_IDS, 'id'), enabled: boolean(f.enabled, 'enabled') })),
  'dns.status': nothing,
  // Each field's value is checked by checkDnsConfig, whose per-field sentences the DNS section shows beside the fields.
  'dns.configure': only(DNS_CONFIG_FIELDS, (f) => f as DnsConfigRequest),
  'dns.resolve': only(['name', 'recordType', 'site'], (f) => ({
    name: string(f.name, 'name'),
    ...(f.recordType === undefined ? {} : { recordType: oneOf(f.recordType, ['A', 'AAAA'] as const, 'recordType') }),
    ...(f.site === undefined ? {} : { site: string(f.site, 'site') }),
  })),
  'dns.clearLedger': nothing,
  'history.get': only(['range'], (f) => ({ range: range(f) })),
  'history.export': only(['range', 'format'], (f) => ({ range: range(f), format: oneOf(f.format, EXPORT_FORMATS, 'format') })),
  'history.data': nothing,
  'history.setRetention': only(['retentionDays'], (f) => ({ retentionDays: retentionField(f.retentionDays, 'retentionDays') })),
  'history.setOff': only(['off'], (f) => ({ off: boolean(f.off, 'off') })),
  'history.deleteAll': nothing,
  // siteToForget (utils/history/forget-site.ts) says what is wrong with a name that is not a site.
  'history.forgetSite': only(['site'], (f) => ({ site: string(f.site, 'site') })),
  'settings.export': nothing,
  'settings.import': only(['text'], (f) => ({ text: string(f.text, 'text') })),
  'companion.status': nothing,
  'companion.set': (f) => companionSetField(f, ''),
};
