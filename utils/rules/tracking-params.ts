import type { DnrRule, ResourceType } from './dnr-types';
import { RULE_TABLE, sequentialIds } from './priorities';

/**
 * Query parameters that identify a click, an e-mail recipient or a campaign, stripped from navigations
 * before they are sent. Sources, merged and de-duplicated:
 * - Brave's query filter, kSimpleQueryStringTrackers / kScopedQueryStringTrackers /
 *   kConditionalQueryStringTrackers (brave-core components/query_filter/utils.cc), each entry with its
 *   brave-browser issue;
 * - Firefox's query stripping list (pref privacy.query_stripping.strip_list, Remote Settings
 *   "query-stripping");
 * - AdGuard URL Tracking filter (filter 17, $removeparam rules) and ClearURLs' global rules, which add the
 *   utm_* campaign family and the ad platforms' click ids (ttclid, li_fat_id, epik, rdt_cid, ScCid).
 * Names are matched exactly (DNR queryTransform.removeParams is case-sensitive).
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

/** Names too generic to strip everywhere, stripped only on the hosts that use them (Brave's scoped list). */
export const SCOPED_TRACKING_PARAMS: readonly { param: string; domains: string[] }[] = [
  { param: 'igsh', domains: ['instagram.com'] },
  { param: 'ref_src', domains: ['twitter.com', 'x.com'] },
  { param: 'ref_url', domains: ['twitter.com', 'x.com'] },
  { param: 'si', domains: ['youtu.be', 'youtube.com'] },
];

/**
 * Marketo's unsubscribe and "view in browser" links need mkt_tok to know who is unsubscribing (Brave keeps
 * it when the URL matches `[uU]nsubscribe|emailWebview`). An allow rule on those URLs out-ranks the strip.
 */
export const TRACKING_PARAM_EXCEPTIONS: readonly string[] = [
  'unsubscribe*mkt_tok=', 'mkt_tok=*unsubscribe', 'emailwebview*mkt_tok=', 'mkt_tok=*emailwebview',
];

export const TRACKING_PARAMS_RULESET_ID = 'tracking_params';

/** Top-level and frame navigations: where link decoration carries an id from one site to another. */
const NAVIGATIONS: ResourceType[] = ['main_frame', 'sub_frame'];

/**
 * One redirect rule per parameter, each removing the whole list:
 * - the urlFilter `^name=` (`^` is any separator, so `?name=` and `&name=`) makes a rule match only URLs that
 *   carry a parameter. A rule without it would match every navigation and, though the browsers skip a
 *   redirect that changes nothing, the matched redirect still wins over modifyHeaders, so no navigation
 *   would carry the GPC header (Firefox ExtensionDNR.sys.mjs evaluateRequest/applyRedirect);
 * - every rule removes every parameter because a redirected request is not redirected again by another
 *   rule (w3c/webextensions#468): the first match must do all the work.
 * `domainType: 'thirdParty'` strips only when the navigation crosses sites (or has no initiator, such as a
 * pasted link), as Brave does: a site's links to itself carry nothing another site did not know.
 */
export function trackingParamRules(): DnrRule[] {
  const all = [...new Set(TRACKING_PARAMS)];
  const generic = sequentialIds('trackingParams');
  const rules: DnrRule[] = all.map((param) => stripRule(generic(), 'trackingParams', param, all));

  const scoped = sequentialIds('trackingParamsScoped');
  for (const { param, domains } of SCOPED_TRACKING_PARAMS) {
    const onSameHosts = SCOPED_TRACKING_PARAMS.filter((s) => s.domains.some((d) => domains.includes(d))).map((s) => s.param);
    rules.push(stripRule(scoped(), 'trackingParamsScoped', param, [...all, ...new Set(onSameHosts)], domains));
  }

  const exception = sequentialIds('trackingParamsException');
  for (const urlFilter of TRACKING_PARAM_EXCEPTIONS) {
    rules.push({
      id: exception(),
      priority: RULE_TABLE.trackingParamsException.priority,
      action: { type: 'allow' },
      condition: { urlFilter, resourceTypes: NAVIGATIONS },
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
      domainType: 'thirdParty',
    },
  };
}
