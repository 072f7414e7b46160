import { describe, expect, it } from 'vitest';
import { gpcRules } from './gpc-ruleset';
import { RULE_TABLE, isInRange } from './priorities';
import { SCOPED_TRACKING_PARAMS, TRACKING_PARAMS, trackingParamRules } from './tracking-params';

const rules = trackingParamRules();
const strips = rules.filter((r) => r.action.type === 'redirect');
const removed = (urlFilter: string) =>
  strips.find((r) => r.condition.urlFilter === urlFilter)?.action.redirect?.transform?.queryTransform?.removeParams ?? [];

describe('tracking parameter rules', () => {
  it('cover the parameters the issue names, without duplicates', () => {
    // Tried: the list against the parameters asked for, and for duplicates.
    const required = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id', 'fbclid', 'gclid',
      'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_eid', 'mc_cid', 'igshid', '_hsenc', '_hsmi', 'mkt_tok', 'yclid', 'twclid',
      'ttclid', 'li_fat_id', 'oly_anon_id', 'oly_enc_id', 'vero_id', '_openstat', 's_cid'];
    expect(TRACKING_PARAMS).toEqual(expect.arrayContaining(required));
    expect(new Set(TRACKING_PARAMS).size).toBe(TRACKING_PARAMS.length);
  });

  it('strip with a redirect + queryTransform.removeParams on cross-site main_frame and sub_frame navigations', () => {
    // Tried: the shape of the utm_source rule.
    const rule = strips.find((r) => r.condition.urlFilter === '^utm_source=');
    expect(rule).toEqual({
      id: expect.any(Number),
      priority: RULE_TABLE.trackingParams.priority,
      action: { type: 'redirect', redirect: { transform: { queryTransform: { removeParams: [...TRACKING_PARAMS] } } } },
      condition: { urlFilter: '^utm_source=', resourceTypes: ['main_frame', 'sub_frame'], domainType: 'thirdParty' },
    });
  });

  it('match only URLs that carry a parameter, and every match removes them all', () => {
    // Tried: one rule per parameter; each removeParams list holds the whole list (redirects do not chain).
    for (const param of TRACKING_PARAMS) expect(removed(`^${param}=`), param).toEqual([...TRACKING_PARAMS]);
    for (const rule of strips) expect(rule.condition.urlFilter).toMatch(/^\^[\w.-]+=$/);
  });

  it('strip host-specific parameters only on their hosts, together with the generic ones', () => {
    // Tried: `si` (YouTube) and `igsh` (Instagram).
    const si = strips.find((r) => r.condition.urlFilter === '^si=');
    expect(si?.condition.requestDomains).toEqual(['youtu.be', 'youtube.com']);
    expect(si?.priority).toBe(RULE_TABLE.trackingParamsScoped.priority);
    expect(removed('^si=')).toEqual([...TRACKING_PARAMS, 'si']);
    expect(removed('^igsh=')).toEqual([...TRACKING_PARAMS, 'igsh']);
    expect(strips.filter((r) => r.condition.requestDomains)).toHaveLength(SCOPED_TRACKING_PARAMS.length);
  });

  it('keep mkt_tok on unsubscribe links with an allow rule that out-ranks the strip', () => {
    // Tried: the exception rules for Marketo unsubscribe / web-view links.
    const exceptions = rules.filter((r) => r.action.type === 'allow');
    expect(exceptions.map((r) => r.condition.urlFilter)).toContain('unsubscribe*mkt_tok=');
    for (const rule of exceptions) expect(rule.priority).toBeGreaterThan(RULE_TABLE.trackingParams.priority);
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
