import { isWithin } from './domains';
import type { DnrRule, ResourceType } from './dnr-types';

/**
 * What a declarativeNetRequest `urlFilter` matches, for the build (surrogates find the tracker rule that blocks
 * a script) and for tests that check what the compiled rules do to a URL. Follows the syntax both browsers
 * implement (https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#property-RuleCondition-urlFilter):
 * `*` any run of characters, `|` at either end anchors to the start or end of the URL, `||` at the start
 * anchors to the host or a subdomain, `^` a separator (anything but a letter, digit, `_ - . %`) or the end.
 * Case-insensitive, as `isUrlFilterCaseSensitive` defaults to false.
 */
export function urlFilterMatches(filter: string, url: string): boolean {
  let pattern = filter;
  let prefix = '';
  if (pattern.startsWith('||')) {
    // The host itself or any subdomain of it, after the scheme.
    prefix = '^[a-z][a-z0-9+.-]*://(?:[^/?#]*\\.)?';
    pattern = pattern.slice(2);
  } else if (pattern.startsWith('|')) {
    prefix = '^';
    pattern = pattern.slice(1);
  }
  let suffix = '';
  if (pattern.endsWith('|')) {
    suffix = '$';
    pattern = pattern.slice(0, -1);
  }
  const body = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '^' ? '(?:[^a-z0-9_.%-]|$)' : c.replace(/[.+?()[\]{}\\$|/]/g, '\\$&')))
    .join('');
  return new RegExp(`${prefix}${body}${suffix}`, 'i').test(url);
}

/** A request as DNR sees it, with what the conditions Diffuse uses look at. */
export interface DnrRequest {
  url: string;
  type: ResourceType;
  /** The initiator's host (the page that made the request); absent for a typed or pasted navigation. */
  initiator?: string;
  /** The initiator and the request are on different sites (eTLD+1); decided by the caller. */
  thirdParty: boolean;
}

/**
 * Whether a rule's condition matches a request, for the condition fields Diffuse emits. Without
 * `resourceTypes`, every type but main_frame matches (both browsers' default).
 */
export function conditionMatches(rule: DnrRule, request: DnrRequest): boolean {
  const c = rule.condition;
  const host = new URL(request.url).hostname;
  if (c.resourceTypes ? !c.resourceTypes.includes(request.type) : request.type === 'main_frame') return false;
  if (c.excludedResourceTypes?.includes(request.type)) return false;
  if (c.urlFilter !== undefined && !urlFilterMatches(c.urlFilter, request.url)) return false;
  if (c.requestDomains && !c.requestDomains.some((d) => isWithin(host, d))) return false;
  if (c.excludedRequestDomains?.some((d) => isWithin(host, d))) return false;
  const initiator = request.initiator;
  if (c.initiatorDomains && !(initiator && c.initiatorDomains.some((d) => isWithin(initiator, d)))) return false;
  if (initiator && c.excludedInitiatorDomains?.some((d) => isWithin(initiator, d))) return false;
  if (c.domainType === 'thirdParty' && !request.thirdParty) return false;
  if (c.domainType === 'firstParty' && request.thirdParty) return false;
  return true;
}

/** Tie order when priorities are equal (both browsers): allow > allowAllRequests > block > upgradeScheme > redirect. */
const TIE_ORDER = ['allow', 'allowAllRequests', 'block', 'upgradeScheme', 'redirect'];

/** The rule that decides a request among blocking-type rules (modifyHeaders left aside), or undefined. */
export function winningRule(rules: readonly DnrRule[], request: DnrRequest): DnrRule | undefined {
  return rules
    .filter((rule) => rule.action.type !== 'modifyHeaders' && conditionMatches(rule, request))
    .sort((a, b) => b.priority - a.priority || TIE_ORDER.indexOf(a.action.type) - TIE_ORDER.indexOf(b.action.type))[0];
}
