import { describe, expect, it } from 'vitest';
import type { DnrRule } from './dnr-types';
import { RULE_TABLE, isInRange } from './priorities';
import { sampleTrackerDb } from '../../tests/support/sample-trackerdb';
import { CATEGORY_DECISIONS } from './category-decisions';
import { MAX_POLICIES, MAX_POLICY_RULES, MAX_SITES_PER_RULE } from './policy-limits';
import { POLICY_RULE_KINDS, PolicyError, buildPolicyRules, diffRules, siteProblem, usablePolicies, validatePolicies, type SitePolicy } from './site-policy';
import { compileRules } from './tracker-compiler';

const { sideTable } = compileRules(sampleTrackerDb());
const policy = (site: string, mode: SitePolicy['mode'], companies: SitePolicy['companies'] = {}): SitePolicy => ({ site, mode, companies });
const byAction = (rules: DnrRule[], type: string) => rules.filter((r) => r.action.type === type);

describe('buildPolicyRules', () => {
  it('turns `off` into one allowAllRequests rule on the sites\' top-level documents', () => {
    // Tried: two sites switched off, given out of order.
    const rules = buildPolicyRules([policy('b.example', 'off'), policy('a.example', 'off')], sideTable);
    expect(rules).toEqual([{
      id: RULE_TABLE.siteOff.firstId,
      priority: RULE_TABLE.siteOff.priority,
      action: { type: 'allowAllRequests' },
      condition: { requestDomains: ['a.example', 'b.example'], resourceTypes: ['main_frame'] },
    }]);
  });

  it('turns `strict` into one block rule per category, initiated by the site, third-party only', () => {
    // Tried: news.example in strict mode.
    const rules = buildPolicyRules([policy('news.example', 'strict')], sideTable);
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) {
      expect(isInRange('siteStrict', rule.id)).toBe(true);
      expect(rule).toMatchObject({ priority: RULE_TABLE.siteStrict.priority, action: { type: 'block' } });
      expect(rule.condition).toMatchObject({ initiatorDomains: ['news.example'], domainType: 'thirdParty' });
    }
    const hosts = rules.flatMap((r) => r.condition.requestDomains ?? []);
    // Categories not blocked by default are blocked here too (YouTube's player, Acme's widgets).
    expect(hosts).toEqual(expect.arrayContaining(['youtube.com', 'widgets.acme-ads.example', 'doubleclick.net']));
    // The multi-purpose google.com stays out, as in the static rules.
    expect(hosts).not.toContain('google.com');
  });

  it('does not block a site\'s own company in `strict`', () => {
    // Tried: youtube.com (Google) in strict mode: Google's hosts stay out, Acme's are in.
    const hosts = buildPolicyRules([policy('youtube.com', 'strict')], sideTable).flatMap((r) => r.condition.requestDomains ?? []);
    expect(hosts).not.toContain('google-analytics.com');
    expect(hosts).not.toContain('youtube.com');
    expect(hosts).toContain('acme-ads.example');
  });

  it('allows one company on one site above strict and the static rules', () => {
    // Tried: Google allowed on shop.example, which is also strict.
    const rules = buildPolicyRules([policy('shop.example', 'strict', { google: 'allow' })], sideTable);
    const [allow] = byAction(rules, 'allow');
    expect(allow).toEqual({
      id: RULE_TABLE.companyAllow.firstId,
      priority: RULE_TABLE.companyAllow.priority,
      action: { type: 'allow' },
      condition: { requestDomains: sideTable.companies.google?.ownDomains, initiatorDomains: ['shop.example'] },
    });
    expect(allow?.condition.requestDomains).toEqual(expect.arrayContaining(['google-analytics.com', 'youtube.com']));
    expect(allow?.priority).toBeGreaterThan(RULE_TABLE.siteStrict.priority);
  });

  it('blocks one company on one site, third-party only, even where protection is off', () => {
    // Tried: Microsoft blocked on two sites (one of them off): one rule names both sites.
    const rules = buildPolicyRules([policy('a.example', 'off', { microsoft: 'block' }), policy('b.example', 'default', { microsoft: 'block' })], sideTable);
    const block = byAction(rules, 'block');
    expect(block).toEqual([{
      id: RULE_TABLE.companyBlock.firstId,
      priority: RULE_TABLE.companyBlock.priority,
      action: { type: 'block' },
      condition: { requestDomains: ['bing.com', 'microsoft.com'], initiatorDomains: ['a.example', 'b.example'], domainType: 'thirdParty' },
    }]);
    expect(RULE_TABLE.companyBlock.priority).toBeGreaterThan(RULE_TABLE.siteOff.priority);
  });

  it('is deterministic and emits nothing for default sites without exceptions', () => {
    // Tried: the same policies in two orders; a default site alone.
    const policies = [policy('x.example', 'strict', { acme: 'allow' }), policy('y.example', 'off'), policy('z.example', 'default')];
    expect(buildPolicyRules(policies, sideTable)).toEqual(buildPolicyRules([...policies].reverse(), sideTable));
    expect(buildPolicyRules([policy('z.example', 'default')], sideTable)).toEqual([]);
  });

  it('produces rules that diff to nothing once installed, and to a small update after one change', () => {
    // Tried: install, rebuild unchanged, then switch one site from off to default.
    const before = buildPolicyRules([policy('a.example', 'off'), policy('b.example', 'default', { google: 'allow' })], sideTable);
    expect(diffRules(before, buildPolicyRules([policy('a.example', 'off'), policy('b.example', 'default', { google: 'allow' })], sideTable), POLICY_RULE_KINDS))
      .toEqual({ removeRuleIds: [], addRules: [] });
    const after = buildPolicyRules([policy('a.example', 'default'), policy('b.example', 'default', { google: 'allow' })], sideTable);
    expect(diffRules(before, after, POLICY_RULE_KINDS)).toEqual({ removeRuleIds: [RULE_TABLE.siteOff.firstId], addRules: [] });
  });
});

describe('policy validation', () => {
  it('refuses malformed sites with a message that says what to use instead', () => {
    // Tried: subdomain, upper case, URL, non-punycode name, IP, public suffix, single label, empty.
    expect(siteProblem('www.example.co.uk')).toMatch(/use "example\.co\.uk"/);
    expect(siteProblem('Example.com')).toMatch(/use "example\.com"/);
    expect(siteProblem('https://example.com/')).toMatch(/use "example\.com"/);
    expect(siteProblem('bücher.de')).toMatch(/punycode/);
    expect(siteProblem('192.168.1.1')).toMatch(/IP addresses/);
    expect(siteProblem('co.uk')).toMatch(/public suffixes/);
    expect(siteProblem('localhost')).toMatch(/single-label/);
    expect(siteProblem('')).toMatch(/required/);
    expect(siteProblem('example.github.io')).toBeUndefined(); // private-suffix sites are sites
  });

  it('refuses unknown companies, modes, choices and duplicate sites, all at once', () => {
    // Tried: one list with four problems, through validatePolicies and through buildPolicyRules.
    const bad = [
      policy('a.example', 'default', { nosuchco: 'allow' }),
      policy('a.example', 'loud' as SitePolicy['mode']),
      policy('b.example', 'default', { google: 'maybe' as 'allow' }),
    ];
    const issues = validatePolicies(bad, sideTable);
    expect(issues).toEqual([
      'Unknown company "nosuchco" in the policy for "a.example".',
      '"a.example" has more than one policy; keep one per site.',
      'Unknown mode "loud" for "a.example": expected default, off or strict.',
      'Company "google" on "b.example": expected "allow" or "block", got "maybe".',
    ]);
    expect(() => buildPolicyRules(bad, sideTable)).toThrow(PolicyError);
  });
});

describe('policy limits', () => {
  const sites = (count: number, tld = 'com') => Array.from({ length: count }, (_, i) => `site${String(i).padStart(5, '0')}.${tld}`);

  it('splits sites sharing a choice into domain lists of at most MAX_SITES_PER_RULE', () => {
    // Tried: MAX_SITES_PER_RULE * 2 + 1 sites off, and as many allowing Google.
    const many = sites(MAX_SITES_PER_RULE * 2 + 1);
    const off = buildPolicyRules(many.map((s) => policy(s, 'off')), sideTable);
    expect(off.map((r) => r.condition.requestDomains?.length)).toEqual([MAX_SITES_PER_RULE, MAX_SITES_PER_RULE, 1]);
    expect(off.map((r) => r.id)).toEqual([RULE_TABLE.siteOff.firstId, RULE_TABLE.siteOff.firstId + 1, RULE_TABLE.siteOff.firstId + 2]);
    const allow = buildPolicyRules(many.map((s) => policy(s, 'default', { google: 'allow' })), sideTable);
    expect(allow.map((r) => r.condition.initiatorDomains?.length)).toEqual([MAX_SITES_PER_RULE, MAX_SITES_PER_RULE, 1]);
    // Every site is in exactly one list.
    expect(allow.flatMap((r) => r.condition.initiatorDomains).sort()).toEqual(many);
  });

  it('refuses more than MAX_POLICIES sites with a sentence saying the limit', () => {
    // Tried: MAX_POLICIES sites (accepted) and one more (refused).
    expect(validatePolicies(sites(MAX_POLICIES).map((s) => policy(s, 'off')), sideTable)).toEqual([]);
    const issues = validatePolicies(sites(MAX_POLICIES + 1).map((s) => policy(s, 'off')), sideTable);
    expect(issues).toEqual([`2,001 sites have a policy; Diffuse keeps at most 2,000, so that their rules fit in every browser.`]);
  });

  it('refuses a list that needs more rules than the browsers leave for policies, before any rule is installed', () => {
    // Tried: 370 strict sites each run by a company of its own, and one tracker host in each of the 11
    // categories: every (category, owner) pair is a rule of its own, 4,070 in all.
    const owners = sites(370, 'net');
    const table = {
      version: 1 as const,
      companies: Object.fromEntries(owners.map((d, i) => [`c${i}`, { name: `C${i}`, ownDomains: [d] }])),
      rules: Object.fromEntries(CATEGORY_DECISIONS.map(({ id }) => [id, { category: id, organizationId: 'tracker', domains: { [`${id.replaceAll('_', '-')}.tracker.net`]: 'p' } }])),
    } as unknown as typeof sideTable;
    const owned = owners.map((d) => policy(d, 'strict'));
    expect(() => buildPolicyRules(owned, table)).toThrow(PolicyError);
    expect(() => buildPolicyRules(owned, table)).toThrow(new RegExp(`need [\\d,]+ blocking rules; Diffuse can install at most ${MAX_POLICY_RULES.toLocaleString('en')}`));
  });

  it('keeps the usable stored policies and names the others, so one bad entry does not stop every site', () => {
    // Tried: a bad mode and an unknown company stored (before run-time checks), between two good policies.
    const stored = [
      policy('good.com', 'off'),
      policy('badmode.com', 'bogus' as SitePolicy['mode']),
      policy('nocompany.com', 'default', { nosuchco: 'block' }),
      policy('also-good.com', 'default', { google: 'block' }),
      policy('good.com', 'strict'),
    ];
    const { usable, issues } = usablePolicies(stored, sideTable);
    expect(usable.map((p) => p.site)).toEqual(['good.com', 'also-good.com']);
    expect(issues).toEqual([
      'Unknown mode "bogus" for "badmode.com": expected default, off or strict.',
      'Unknown company "nosuchco" in the policy for "nocompany.com".',
      '"good.com" has more than one policy; keep one per site.',
    ]);
    expect(() => buildPolicyRules(usable, sideTable)).not.toThrow();
    expect(usablePolicies(sites(MAX_POLICIES + 5).map((s) => policy(s, 'off')), sideTable).usable).toHaveLength(MAX_POLICIES);
  });
});
