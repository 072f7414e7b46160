import type { DnrRule, ResourceType } from './dnr-types';
import { RULE_TABLE, sequentialIds } from './priorities';

/**
 * Query parameters that identify a click, an e-mail recipient or a campaign, stripped from navigations
 * before they are sent. The bulk comes at build time from the AdGuard URL Tracking filter
 * (param-list-compiler.ts, npm @adguard/dnr-rulesets, updated daily); these lists add what it lacks or
 * names differently, merged and de-duplicated with it:
 * - Brave's query filter, kSimpleQueryStringTrackers / kScopedQueryStringTrackers /
 *   kConditionalQueryStringTrackers (brave-core components/query_filter/utils.cc), each entry with its
 *   brave-browser issue;
 * - Firefox's query stripping list (pref privacy.query_stripping.strip_list, Remote Settings
 *   "query-stripping");
 * - ClearURLs' global rules (ClearURLs/Rules data.min.json, provider "globalRules"), for the families the
 *   others lack (EXTRA_TRACKING_PARAMS).
 * Names are matched exactly (DNR queryTransform.removeParams is case-sensitive and takes no wildcard).
 */
export const TRACKING_PARAMS: readonly string[] = [
  // Campaign tags (Google Analytics URL builder; AdGuard, ClearURLs)
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id', 'utm_name',
  'utm_source_platform', 'utm_creative_format', 'utm_marketing_tactic',
  // Google Ads / Analytics click ids and cross-domain linker (Brave, Firefox)
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', '_gl', 'srsltid',
  // Meta (Brave, Firefox, AdGuard)
  'fbclid', 'fb_action_ids', 'fb_comment_id', 'igshid',
  // Microsoft, Yandex, X/Twitter, TikTok, LinkedIn, Pinterest, Reddit, Snap (Brave, Firefox, AdGuard)
  'msclkid', 'yclid', 'ymclid', 'ysclid', 'twclid', 'ttclid', 'li_fat_id', 'epik', 'rdt_cid', 'ScCid',
  // E-mail and marketing automation recipient ids (Brave, Firefox)
  'mc_cid', 'mc_eid', // Mailchimp
  '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsCtaTracking', // HubSpot
  'mkt_tok', // Marketo; kept on unsubscribe links, see TRACKING_PARAM_EXCEPTIONS
  'oly_anon_id', 'oly_enc_id', // Omeda Olytics
  'vero_id', 'vero_conv', // Vero
  '_openstat', 's_cid', '__s', '_bhlid', '_branch_match_id', '_branch_referrer', '_kx',
  'at_recipient_id', 'at_recipient_list', 'bbeml', 'bsft_clkid', 'bsft_uid', 'et_rid', 'irclickid',
  'ml_subscriber', 'ml_subscriber_hash', 'mtm_cid', 'pk_cid', 'rb_clickid', 'ss_email_id',
  'unicorn_click_id', 'vgo_ee', 'wickedid', 'guce_referrer', 'guce_referrer_sig',
  'oft_c', 'oft_ck', 'oft_d', 'oft_id', 'oft_ids', 'oft_k', 'oft_lk', 'oft_sk',
];

/**
 * ClearURLs' global rules strip these families by regex (`ga_[a-z_]+`, `hmb_(?:campaign|medium|source)`,
 * `action_(?:object|type|ref)_map`, `fb_action_(?:types|ids)`, `fb_(?:source|ref)`, `gs_l`); removeParams
 * takes exact names, so each family is spelled out with the members seen in links:
 * - ga_*: the campaign fields of Google Analytics' legacy linker (ga_source, ga_medium, ga_term, ga_content,
 *   ga_campaign, ga_place);
 * - fb_*, action_*_map: Facebook's Open Graph share links (fb_source, fb_ref, fb_action_types,
 *   action_object_map, action_type_map, action_ref_map; fb_action_ids is in TRACKING_PARAMS);
 * - gs_l: Google search's query-session log, which travels in copied result links;
 * - hmb_*: e-mail campaign tags ClearURLs strips everywhere (hmb_campaign, hmb_medium, hmb_source).
 */
export const EXTRA_TRACKING_PARAMS: readonly string[] = [
  'fb_source', 'fb_ref', 'fb_action_types', 'action_object_map', 'action_type_map', 'action_ref_map',
  'ga_source', 'ga_medium', 'ga_term', 'ga_content', 'ga_campaign', 'ga_place',
  'gs_l', 'hmb_campaign', 'hmb_medium', 'hmb_source',
];

/** Names too generic to strip everywhere, stripped only on the hosts that use them (Brave's scoped list). */
export const SCOPED_TRACKING_PARAMS: readonly { param: string; domains: string[] }[] = [
  { param: 'igsh', domains: ['instagram.com'] },
  { param: 'ref_src', domains: ['twitter.com', 'x.com'] },
  { param: 'ref_url', domains: ['twitter.com', 'x.com'] },
  { param: 'si', domains: ['youtu.be', 'youtube.com'] },
];

/**
 * Where a parameter on the list is functional and must reach the server. Each is an allow rule that out-ranks
 * the strip for URLs that match it, so every parameter of that URL is kept (DNR cannot keep one and strip the
 * others: the first matching redirect is the only one, w3c/webextensions#468). Keeping too much there is the
 * safe side. Each entry says why; tracking-params.test.ts checks each against the compiled rules.
 * The list's own exceptions ($denyallow hosts) are added at build time (ParamListSource.exceptions).
 */
export interface ParamException {
  /** The parameter the site needs. */
  param: string;
  /** DNR urlFilter of the URLs where it is kept. */
  urlFilter: string;
  requestDomains?: string[];
  why: string;
}

const MARKETO = "Marketo's unsubscribe and \"view in browser\" links need mkt_tok to know who is unsubscribing (Brave keeps it when the URL matches `[uU]nsubscribe|emailWebview`).";
export const TRACKING_PARAM_EXCEPTIONS: readonly ParamException[] = [
  { param: 'mkt_tok', urlFilter: 'unsubscribe*mkt_tok=', why: MARKETO },
  { param: 'mkt_tok', urlFilter: 'mkt_tok=*unsubscribe', why: MARKETO },
  { param: 'mkt_tok', urlFilter: 'emailwebview*mkt_tok=', why: MARKETO },
  { param: 'mkt_tok', urlFilter: 'mkt_tok=*emailwebview', why: MARKETO },
];

/** What the build brings from the maintained list (param-list-compiler.ts). */
export interface ParamListSource {
  params: readonly string[];
  /** Hosts where the list found a parameter functional (its `$denyallow` rules). */
  exceptions: readonly { param: string; domains: readonly string[] }[];
}

export const TRACKING_PARAMS_RULESET_ID = 'tracking_params';

/** Top-level and frame navigations: where link decoration carries an id from one page to the next. */
const NAVIGATIONS: ResourceType[] = ['main_frame', 'sub_frame'];

/** Every name stripped everywhere: this file's lists first, then the maintained list's, without duplicates. */
export function trackingParamNames(source: ParamListSource): string[] {
  return [...new Set([...TRACKING_PARAMS, ...EXTRA_TRACKING_PARAMS, ...source.params])];
}

/** The exceptions of this file and of the list, as the rules apply them. */
export function paramExceptions(source: ParamListSource): ParamException[] {
  const fromList = source.exceptions.map(({ param, domains }) => ({
    param,
    urlFilter: `^${param}=`,
    requestDomains: [...domains],
    why: 'AdGuard URL Tracking filter: functional on these hosts ($denyallow)',
  }));
  return [...TRACKING_PARAM_EXCEPTIONS, ...fromList];
}

/**
 * One redirect rule per parameter, each removing the whole list:
 * - the urlFilter `^name=` (`^` is any separator, so `?name=` and `&name=`) makes a rule match only URLs that
 *   carry a parameter. A rule without it would match every navigation and, though the browsers skip a
 *   redirect that changes nothing, the matched redirect still wins over modifyHeaders, so no navigation
 *   would carry the GPC header (Firefox ExtensionDNR.sys.mjs evaluateRequest/applyRedirect);
 * - every rule removes every parameter because a redirected request is not redirected again by another
 *   rule (w3c/webextensions#468): the first match must do all the work.
 * Every navigation, same-site included: a site's own links carry ids too (a newsletter's landing page links on
 * with the campaign tags, a shared link is re-shared from the page), and Firefox and ClearURLs strip there as well.
 */
export function trackingParamRules(source: ParamListSource): DnrRule[] {
  const all = trackingParamNames(source);
  const generic = sequentialIds('trackingParams');
  const rules: DnrRule[] = all.map((param) => stripRule(generic(), 'trackingParams', param, all));

  const scoped = sequentialIds('trackingParamsScoped');
  for (const { param, domains } of SCOPED_TRACKING_PARAMS) {
    const onSameHosts = SCOPED_TRACKING_PARAMS.filter((s) => s.domains.some((d) => domains.includes(d))).map((s) => s.param);
    rules.push(stripRule(scoped(), 'trackingParamsScoped', param, [...all, ...new Set(onSameHosts)], domains));
  }

  const exception = sequentialIds('trackingParamsException');
  for (const { urlFilter, requestDomains } of paramExceptions(source)) {
    rules.push({
      id: exception(),
      priority: RULE_TABLE.trackingParamsException.priority,
      action: { type: 'allow' },
      condition: { urlFilter, ...(requestDomains ? { requestDomains } : {}), resourceTypes: NAVIGATIONS },
    });
  }
  return rules;
}

function stripRule(id: number, kind: 'trackingParams' | 'trackingParamsScoped', param: string, removeParams: string[], requestDomains?: string[]): DnrRule {
  return {
    id,
    priority: RULE_TABLE[kind].priority,
    action: { type: 'redirect', redirect: { transform: { queryTransform: { removeParams } } } },
    condition: {
      urlFilter: `^${param}=`,
      ...(requestDomains ? { requestDomains } : {}),
      resourceTypes: NAVIGATIONS,
    },
  };
}
