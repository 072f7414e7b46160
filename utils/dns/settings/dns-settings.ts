import { DEFAULT_RESOLVERS, validateResolverUrl } from './resolvers';
import { isStrategy, STRATEGIES, type Strategy } from '../pool/selection';

/** What the user chooses for the extension's resolver pool; stored as is, handed to the ResolverPool. */
export interface DnsSettings {
  /** Normalised resolver URL templates, in the user's order (it matters only for `single`). */
  resolvers: string[];
  strategy: Strategy;
  /** Re-keying period of the selection hash in days; 0 (the default) keeps the key for good. */
  rekeyDays: number;
  /** Lean `site` and `name` toward faster resolvers (speed-tiers.ts); off by default: it concentrates sites. */
  preferFast: boolean;
  /**
   * Where uncloaking's lookups go where the browser offers a choice (Firefox): its own resolver (the default: it
   * answers from its cache what the page just resolved, so no one new learns the visit) or this pool. Chrome
   * has no such API and always uses the pool.
   */
  lookupsVia: LookupsVia;
}

export const LOOKUPS_VIA = ['browser', 'pool'] as const;
export type LookupsVia = (typeof LOOKUPS_VIA)[number];

/** A change asked for by the settings page; fields left out keep their value. */
export interface DnsConfigRequest {
  resolvers?: string[];
  strategy?: Strategy;
  rekeyDays?: number;
  preferFast?: boolean;
  lookupsVia?: LookupsVia;
}

/** The fields a change may carry; checkDnsConfig checks each one's value. */
export const DNS_CONFIG_FIELDS: readonly (keyof DnsConfigRequest)[] = ['resolvers', 'strategy', 'rekeyDays', 'preferFast', 'lookupsVia'];

/** A change that touches a field a fleet's policy sets (docs/managed.md): the refusal per field, or null. */
export function lockedChanges(request: unknown, managed: DnsConfigRequest): DnsConfigErrors | null {
  if (typeof request !== 'object' || request === null) return null;
  const errors: DnsConfigErrors = {};
  for (const field of DNS_CONFIG_FIELDS) {
    const asked = (request as Record<string, unknown>)[field];
    if (asked !== undefined && managed[field] !== undefined && JSON.stringify(asked) !== JSON.stringify(managed[field])) {
      errors[field] = 'Set by your organization: this cannot be changed here.';
    }
  }
  return Object.keys(errors).length ? errors : null;
}

/** One message per field, shown beside that field; nothing is changed when there is any. */
export type DnsConfigErrors = Partial<Record<keyof DnsConfigRequest, string>>;

export type DnsConfigCheck = { ok: true; settings: DnsSettings; added: string[] } | { ok: false; errors: DnsConfigErrors };

export const DEFAULT_DNS_SETTINGS: DnsSettings = { resolvers: DEFAULT_RESOLVERS.map((r) => r.url), strategy: 'site', rekeyDays: 0, preferFast: false, lookupsVia: 'browser' };

/** A year: longer periods re-key so rarely that they are "off" in practice. */
export const MAX_REKEY_DAYS = 365;
/** Spreading over more resolvers lowers each one's share, but every extra operator is one more to trust. */
export const MAX_RESOLVERS = 12;

export const DAY_MS = 86_400_000;

/**
 * Checks a requested change against the current settings and answers the settings that would result, plus the
 * resolvers it adds (the caller probes those before saving). Input comes over a message, so nothing about its
 * shape is trusted.
 */
export function checkDnsConfig(request: unknown, current: DnsSettings): DnsConfigCheck {
  if (typeof request !== 'object' || request === null) return { ok: false, errors: { resolvers: 'The DNS settings must be an object.' } };
  const input = request as Record<string, unknown>;
  const errors: DnsConfigErrors = {};
  const settings: DnsSettings = { ...current, resolvers: [...current.resolvers] };

  if (input.resolvers !== undefined) {
    const list = checkResolverList(input.resolvers);
    if (typeof list === 'string') errors.resolvers = list;
    else settings.resolvers = list;
  }
  if (input.strategy !== undefined) {
    if (isStrategy(input.strategy)) settings.strategy = input.strategy;
    else errors.strategy = `Unknown strategy ${JSON.stringify(input.strategy)}: choose one of ${STRATEGIES.join(', ')}.`;
  }
  if (input.rekeyDays !== undefined) {
    const days = input.rekeyDays;
    if (typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= MAX_REKEY_DAYS) settings.rekeyDays = days;
    else errors.rekeyDays = `The re-keying period must be a whole number of days from 0 (off) to ${MAX_REKEY_DAYS}.`;
  }
  if (input.preferFast !== undefined) {
    if (typeof input.preferFast === 'boolean') settings.preferFast = input.preferFast;
    else errors.preferFast = 'Preferring faster resolvers is either on (true) or off (false).';
  }
  if (input.lookupsVia !== undefined) {
    if ((LOOKUPS_VIA as readonly unknown[]).includes(input.lookupsVia)) settings.lookupsVia = input.lookupsVia as LookupsVia;
    else errors.lookupsVia = `Lookups go either through the browser's own resolver ("browser") or through these resolvers ("pool").`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings, added: settings.resolvers.filter((url) => !current.resolvers.includes(url)) };
}

/** The list normalised, or what is wrong with it in one sentence that names the entry. */
function checkResolverList(value: unknown): string[] | string {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return 'The resolver list must be a list of URLs.';
  if (value.length === 0) return 'Keep at least one resolver: with none, Diffuse could not look anything up.';
  if (value.length > MAX_RESOLVERS) return `At most ${MAX_RESOLVERS} resolvers.`;
  const list: string[] = [];
  for (const [i, text] of (value as string[]).entries()) {
    const check = validateResolverUrl(text);
    if (!check.ok) return value.length === 1 ? check.error : `Resolver ${i + 1} (${text.trim() || 'empty'}): ${check.error}`;
    if (list.includes(check.url)) return `${check.url} is already in the list.`;
    list.push(check.url);
  }
  return list;
}

/**
 * Settings read back from storage: nothing stored means the defaults; anything unreadable means the defaults
 * too, with a sentence saying so (the settings page shows it) rather than a background that cannot start.
 */
export function parseStoredDnsSettings(stored: unknown): { settings: DnsSettings; problem: string | null } {
  if (stored === undefined) return { settings: DEFAULT_DNS_SETTINGS, problem: null };
  const fields = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  // preferFast and lookupsVia came later: settings stored without them are complete, and keep the defaults.
  const complete = fields.resolvers !== undefined && fields.strategy !== undefined && fields.rekeyDays !== undefined;
  const check = checkDnsConfig(stored, DEFAULT_DNS_SETTINGS);
  if (complete && check.ok) return { settings: check.settings, problem: null };
  const why = check.ok ? 'a field is missing' : Object.values(check.errors).join(' ');
  return { settings: DEFAULT_DNS_SETTINGS, problem: `The stored DNS settings could not be read (${why}); the default resolvers and strategy are in use until you change them.` };
}
