/**
 * The subset of the declarativeNetRequest rule format that Diffuse emits, typed here so the pure compiler
 * needs neither `chrome` nor `browser` types. Field names and meanings follow
 * https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#type-Rule and
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/declarativeNetRequest/Rule
 */

/**
 * Resource types both browsers accept. An unknown value makes the whole static ruleset fail to load, and the
 * enums differ: Chrome has webtransport/webbundle, Firefox has beacon/imageset/xslt/... (Firefox schema
 * toolkit/components/extensions/schemas/declarative_net_request.json). Only the common ones are listed.
 */
export type ResourceType =
  | 'main_frame' | 'sub_frame' | 'stylesheet' | 'script' | 'image' | 'font' | 'object'
  | 'xmlhttprequest' | 'ping' | 'csp_report' | 'media' | 'websocket' | 'other';

export type RuleActionType = 'block' | 'redirect' | 'allow' | 'upgradeScheme' | 'modifyHeaders' | 'allowAllRequests';

export interface HeaderOperation {
  header: string;
  operation: 'set' | 'append' | 'remove';
  value?: string;
}

export interface RuleAction {
  type: RuleActionType;
  redirect?: { transform?: { queryTransform?: { removeParams?: string[] } }; extensionPath?: string };
  requestHeaders?: HeaderOperation[];
}

export interface RuleCondition {
  urlFilter?: string;
  requestDomains?: string[];
  excludedRequestDomains?: string[];
  initiatorDomains?: string[];
  excludedInitiatorDomains?: string[];
  resourceTypes?: ResourceType[];
  excludedResourceTypes?: ResourceType[];
  domainType?: 'firstParty' | 'thirdParty';
}

export interface DnrRule {
  id: number;
  priority: number;
  action: RuleAction;
  condition: RuleCondition;
}

/** One entry of the manifest's `declarative_net_request.rule_resources`. */
export interface RuleResource {
  id: string;
  enabled: boolean;
  path: string;
}

/** A static ruleset as written to `rules/<id>.json`, with what the manifest and the UI need to know about it. */
export interface StaticRuleset {
  /** Ruleset id; must not start with "_" (reserved by both browsers). */
  id: string;
  /** The tracker category the ruleset blocks, or null for the anti-leak rulesets. */
  category: string | null;
  enabledByDefault: boolean;
  rules: DnrRule[];
}
