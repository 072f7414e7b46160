import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getDomain } from 'tldts';
import type { DnrRule } from './dnr-types';
import { gpcRules } from './gpc-ruleset';
import { compileParamList } from './param-list-compiler';
import { RULE_TABLE, isInRange } from './priorities';
import {
  EXTRA_TRACKING_PARAMS, SCOPED_TRACKING_PARAMS, TRACKING_PARAMS, TRACKING_PARAM_EXCEPTIONS, paramExceptions, trackingParamNames,
  trackingParamRules, type ParamListSource,
} from './tracking-params';
import { winningRule, type DnrRequest } from './url-filter-match';

// What the build brings from the maintained list, in small (param-list-compiler.test.ts reads the real one).
const LIST: ParamListSource = {
  params: ['elqTrackId', 'utm_source', 'irclickid', 'utm_campaign'],
  exceptions: [{ param: 'irclickid', domains: ['tix.axs.com'] }, { param: 'utm_campaign', domains: ['google.com', 'google.de'] }],
};
const rules = trackingParamRules(LIST);
const ALL = trackingParamNames(LIST);
const strips = rules.filter((r) => r.action.type === 'redirect');
const removed = (urlFilter: string) =>
  strips.find((r) => r.condition.urlFilter === urlFilter)?.action.redirect?.transform?.queryTransform?.removeParams ?? [];

/** A link followed from `from` to `url`, as DNR sees the navigation. */
function navigation(url: string, from: string | undefined, type: DnrRequest['type'] = 'main_frame'): DnrRequest {
  const site = (u: string) => getDomain(new URL(u).hostname);
  return { url, type, ...(from ? { initiator: new URL(from).hostname } : {}), thirdParty: from === undefined || site(from) !== site(url) };
}

/** What arrives at the server after the winning rule: the URL with the rule's parameters removed, or as is. */
function arrives(request: DnrRequest, compiled: DnrRule[] = rules): string {
  const rule = winningRule(compiled, request);
  const remove = rule?.action.type === 'redirect' ? rule.action.redirect?.transform?.queryTransform?.removeParams ?? [] : [];
  const url = new URL(request.url);
  for (const name of remove) url.searchParams.delete(name);
  return url.href;
}

describe('tracking parameter rules', () => {
  it('cover the parameters the issues name, the maintained list, without duplicates', () => {
    // Tried: the list against the parameters asked for (issues 5 and 17), and for duplicates.
    const required = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id', 'fbclid', 'gclid',
      'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_eid', 'mc_cid', 'igshid', '_hsenc', '_hsmi', 'mkt_tok', 'yclid', 'twclid',
      'ttclid', 'li_fat_id', 'oly_anon_id', 'oly_enc_id', 'vero_id', '_openstat', 's_cid',
      'fb_source', 'fb_ref', 'fb_action_types', 'fb_action_ids', 'ga_source', 'ga_campaign', 'gs_l', 'hmb_source', 'hmb_campaign',
      'action_object_map', 'action_type_map', 'action_ref_map'];
    expect(ALL).toEqual(expect.arrayContaining([...required, ...LIST.params]));
    expect(new Set(ALL).size).toBe(ALL.length);
    expect(new Set([...TRACKING_PARAMS, ...EXTRA_TRACKING_PARAMS]).size).toBe(TRACKING_PARAMS.length + EXTRA_TRACKING_PARAMS.length);
  });

  it('strip with a redirect + queryTransform.removeParams on every main_frame and sub_frame navigation', () => {
    // Tried: the shape of the utm_source rule: no domainType, so same-site links are stripped too.
    const rule = strips.find((r) => r.condition.urlFilter === '^utm_source=');
    expect(rule).toEqual({
      id: expect.any(Number),
      priority: RULE_TABLE.trackingParams.priority,
      action: { type: 'redirect', redirect: { transform: { queryTransform: { removeParams: ALL } } } },
      condition: { urlFilter: '^utm_source=', resourceTypes: ['main_frame', 'sub_frame'] },
    });
  });

  it('strip a same-site link, a cross-site link, a typed address and a frame alike, keeping other parameters', () => {
    // Tried: the case (a shop's own link with utm_source, fbclid, fb_source) and the others, through the DNR matching rules.
    const url = 'https://www.diffuse-shop.com/item?id=7&utm_source=news&fbclid=x1&fb_source=feed';
    const clean = 'https://www.diffuse-shop.com/item?id=7';
    expect(arrives(navigation(url, 'https://www.diffuse-shop.com/'))).toBe(clean);
    expect(arrives(navigation(url, 'https://shop.diffuse-shop.com/'))).toBe(clean);
    expect(arrives(navigation(url, 'https://www.diffuse-news.com/'))).toBe(clean);
    expect(arrives(navigation(url, undefined))).toBe(clean);
    expect(arrives(navigation(url, 'https://www.diffuse-news.com/', 'sub_frame'))).toBe(clean);
    // Not navigations: a script or an image URL is the page's business (and often an API's own parameter).
    expect(arrives(navigation(url, 'https://www.diffuse-shop.com/', 'xmlhttprequest'))).toBe(url);
    expect(arrives(navigation('https://www.diffuse-shop.com/?id=7', undefined))).toBe('https://www.diffuse-shop.com/?id=7');
  });

  it('match only URLs that carry a parameter, and every match removes them all', () => {
    // Tried: one rule per parameter; each removeParams list holds the whole list (redirects do not chain).
    for (const param of ALL) expect(removed(`^${param}=`), param).toEqual(ALL);
    for (const rule of strips) expect(rule.condition.urlFilter).toMatch(/^\^[\w.[\]-]+=$/);
  });

  it('strip host-specific parameters only on their hosts, together with the generic ones', () => {
    // Tried: `si` (YouTube) and `igsh` (Instagram).
    const si = strips.find((r) => r.condition.urlFilter === '^si=');
    expect(si?.condition.requestDomains).toEqual(['youtu.be', 'youtube.com']);
    expect(si?.priority).toBe(RULE_TABLE.trackingParamsScoped.priority);
    expect(removed('^si=')).toEqual([...ALL, 'si']);
    expect(removed('^igsh=')).toEqual([...ALL, 'igsh']);
    expect(strips.filter((r) => r.condition.requestDomains)).toHaveLength(SCOPED_TRACKING_PARAMS.length);
    expect(arrives(navigation('https://www.youtube.com/watch?v=1&si=abc', undefined))).toBe('https://www.youtube.com/watch?v=1');
    expect(arrives(navigation('https://www.diffuse-shop.com/?si=abc', undefined))).toBe('https://www.diffuse-shop.com/?si=abc');
  });

  it('use ids from their ranges', () => {
    // Tried: every rule id against the table.
    for (const rule of rules) {
      const kind = rule.action.type === 'allow' ? 'trackingParamsException'
        : rule.condition.requestDomains ? 'trackingParamsScoped' : 'trackingParams';
      expect(isInRange(kind, rule.id), `${rule.id} in ${kind}`).toBe(true);
    }
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });
});

describe('functional exceptions: the parameter arrives where it is needed and is stripped elsewhere', () => {
  /** A URL the exception covers, and the same parameter where it is not functional. */
  const CASES: Record<string, { kept: string; stripped: string }> = {
    'unsubscribe*mkt_tok=': { kept: 'https://go.diffuse-shop.com/unsubscribe?mkt_tok=T1', stripped: 'https://www.diffuse-shop.com/offer?mkt_tok=T1' },
    'mkt_tok=*unsubscribe': { kept: 'https://go.diffuse-shop.com/lp?mkt_tok=T1&page=unsubscribe', stripped: 'https://go.diffuse-shop.com/lp?mkt_tok=T1&page=offer' },
    'emailwebview*mkt_tok=': { kept: 'https://go.diffuse-shop.com/emailWebview?mkt_tok=T1', stripped: 'https://go.diffuse-shop.com/lp?mkt_tok=T1' },
    'mkt_tok=*emailwebview': { kept: 'https://go.diffuse-shop.com/lp?mkt_tok=T1&v=emailWebview', stripped: 'https://go.diffuse-shop.com/lp?mkt_tok=T1&v=web' },
    'irclickid@tix.axs.com': { kept: 'https://tix.axs.com/event?irclickid=C9', stripped: 'https://www.diffuse-shop.com/?irclickid=C9' },
    'utm_campaign@google.com': { kept: 'https://www.google.com/search?utm_campaign=x', stripped: 'https://www.diffuse-shop.com/?utm_campaign=x' },
  };
  const exceptions = paramExceptions(LIST);
  const key = (e: (typeof exceptions)[number]) => (e.requestDomains ? `${e.param}@${e.requestDomains[0]}` : e.urlFilter);

  it('has a case for every exception, and each says why', () => {
    // Tried: the table against the exceptions (one per urlFilter, one per list parameter).
    expect(exceptions.map(key).sort()).toEqual(Object.keys(CASES).sort());
    for (const e of [...TRACKING_PARAM_EXCEPTIONS, ...exceptions]) expect(e.why.length, e.urlFilter).toBeGreaterThan(20);
  });

  for (const e of exceptions) {
    it(`keeps ${e.param} on ${key(e)}`, () => {
      // Tried: a navigation the exception covers and one it does not, through the DNR matching rules.
      const { kept, stripped } = CASES[key(e)]!;
      expect(new URL(arrives(navigation(kept, undefined))).searchParams.get(e.param)).not.toBeNull();
      expect(new URL(arrives(navigation(stripped, undefined))).searchParams.get(e.param)).toBeNull();
    });
  }
});

describe('the AdGuard list\'s own exceptions, on the installed @adguard/dnr-rulesets', () => {
  const ruleset = JSON.parse(readFileSync(new URL('../../node_modules/@adguard/dnr-rulesets/dist/filters/declarative/ruleset_17/ruleset_17.json', import.meta.url), 'utf8')) as { metadata: { rawFilterList: string } }[];
  const real = compileParamList(ruleset[0]!.metadata.rawFilterList);
  const realRules = trackingParamRules(real);

  for (const { param, domains } of real.exceptions) {
    it(`keeps ${param} on ${domains[0]} (${domains.length} host${domains.length > 1 ? 's' : ''}) and strips it elsewhere`, () => {
      // Tried: the compiled rules of the real list on the first host of the exception and on an unrelated shop.
      const kept = `https://${domains[0]}/page?${param}=v1`;
      expect(new URL(arrives(navigation(kept, undefined), realRules)).searchParams.get(param)).toBe('v1');
      expect(new URL(arrives(navigation(`https://www.diffuse-shop.com/page?${param}=v1`, undefined), realRules)).searchParams.get(param)).toBeNull();
    });
  }
});

describe('GPC rule', () => {
  it('sets Sec-GPC: 1 on every request type including main_frame, above every allow rule', () => {
    // Tried: the single GPC rule's shape.
    expect(gpcRules()).toEqual([{
      id: RULE_TABLE.gpc.firstId,
      priority: RULE_TABLE.gpc.priority,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'Sec-GPC', operation: 'set', value: '1' }] },
      condition: { excludedResourceTypes: ['csp_report'] },
    }]);
  });
});
