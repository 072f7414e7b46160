import type { ResourceType } from './dnr-types';
import { isCanonicalHost } from './domains';

/**
 * Reads the host-anchored subset of trackerdb's adblock-syntax filters and turns each into what a DNR
 * condition can express. DNR's `urlFilter` uses the same anchors (`||`, `|`, `^`, `*`), so a filter such as
 * `||facebook.com/tr` is already a valid urlFilter
 * (https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#property-RuleCondition-urlFilter).
 *
 * Left out on purpose:
 * - filters not anchored to a host (`/mbox.js`, `adbutler`): they would match first-party files on any site,
 *   and they name no host to attribute a blocked request to;
 * - regex filters: both browsers cap regex rules at 1,000 and they cost memory; the domain rules cover the
 *   same trackers;
 * - cosmetic (`##`) and exception (`@@`) filters, and options DNR rules here do not model (`$domain=`,
 *   `$1p`, negated types): translating them half-way would block the wrong thing.
 */
export interface HostFilter {
  /** The filter as written in trackerdb. */
  filter: string;
  /** The host the filter is anchored to; the filter matches it and its subdomains. */
  host: string;
  /** `||host^` with no further pattern: every request to the host. */
  whole: boolean;
  /** The DNR urlFilter equivalent of the pattern part. */
  urlFilter: string;
  /** Set when the filter is limited to some request types. */
  resourceTypes?: ResourceType[];
}

const TYPE_OPTIONS: Readonly<Record<string, ResourceType>> = {
  script: 'script',
  image: 'image',
  stylesheet: 'stylesheet',
  xhr: 'xmlhttprequest',
  xmlhttprequest: 'xmlhttprequest',
  subdocument: 'sub_frame',
  ping: 'ping',
  media: 'media',
  font: 'font',
  object: 'object',
  websocket: 'websocket',
  other: 'other',
};

/** Options that only restate what every Diffuse tracker rule already does (`domainType: 'thirdParty'`). */
const THIRD_PARTY_OPTIONS = new Set(['3p', 'third-party']);

export function parseHostFilter(filter: string): HostFilter | null {
  if (filter.startsWith('@@') || filter.includes('##') || filter.includes('#@#') || filter.includes('#?#')) return null;
  const dollar = filter.indexOf('$');
  const pattern = dollar === -1 ? filter : filter.slice(0, dollar);
  const options = dollar === -1 ? [] : filter.slice(dollar + 1).split(',').filter(Boolean);

  if (!pattern.startsWith('||') || pattern.startsWith('||*')) return null;
  if (/[^\x20-\x7e]/.test(pattern)) return null; // urlFilter must be ASCII in both browsers
  const host = /^[a-z0-9.-]+/.exec(pattern.slice(2))?.[0] ?? '';
  const rest = pattern.slice(2 + host.length);
  // The host must end where the pattern says so; `||ucoz.*/` or `||adbutler` name no host we can use.
  if (!isCanonicalHost(host) || !host.includes('.') || !/^($|[\^/:?])/.test(rest)) return null;

  const types = new Set<ResourceType>();
  for (const option of options) {
    if (THIRD_PARTY_OPTIONS.has(option)) continue;
    const type = TYPE_OPTIONS[option];
    if (!type) return null;
    types.add(type);
  }
  const whole = rest === '' || rest === '^';
  return {
    filter,
    host,
    whole,
    urlFilter: whole ? `||${host}^` : pattern,
    ...(types.size ? { resourceTypes: [...types].sort() } : {}),
  };
}
