import { describe, expect, it } from 'vitest';
import type { DnrRule } from './dnr-types';
import { canonicalRule, diffRules } from './rule-diff';

const allow = (id: number, initiators: string[]): DnrRule => ({
  id, priority: 30, action: { type: 'allow' }, condition: { requestDomains: ['tracker.example'], initiatorDomains: initiators },
});

describe('diffRules', () => {
  it('adds what is missing, removes what is gone, and replaces what changed', () => {
    // Tried: installed {1 same, 2 changed, 3 gone} against wanted {1, 2', 4 new}.
    const installed = [allow(30_001, ['a.example']), allow(30_002, ['b.example']), allow(30_003, ['c.example'])];
    const wanted = [allow(30_001, ['a.example']), allow(30_002, ['b.example', 'd.example']), allow(30_004, ['e.example'])];
    expect(diffRules(installed, wanted)).toEqual({ removeRuleIds: [30_002, 30_003], addRules: [wanted[1], wanted[2]] });
  });

  it('is empty when the browser echoes the same rules back in another form', () => {
    // Tried: keys reordered, default priority left out, null and empty fields added.
    const wanted: DnrRule = { id: 10_000, priority: 1, action: { type: 'allowAllRequests' }, condition: { requestDomains: ['a.example'], resourceTypes: ['main_frame'] } };
    const echoed = {
      condition: { resourceTypes: ['main_frame'], requestDomains: ['a.example'], excludedRequestDomains: [], urlFilter: null },
      action: { type: 'allowAllRequests' }, id: 10_000,
    } as unknown as DnrRule;
    expect(canonicalRule(echoed)).toBe(canonicalRule(wanted));
    expect(diffRules([echoed], [wanted])).toEqual({ removeRuleIds: [], addRules: [] });
  });

  it('leaves rules of other features alone when given the kinds it owns', () => {
    // Tried: an installed CNAME-cloak rule (50,000 range) while syncing the company-allow kind only.
    const cname: DnrRule = { id: 50_000, priority: 3, action: { type: 'block' }, condition: { requestDomains: ['metrics.site.example'] } };
    expect(diffRules([cname], [], ['companyAllow'])).toEqual({ removeRuleIds: [], addRules: [] });
    expect(diffRules([cname], []).removeRuleIds).toEqual([50_000]);
  });
});
