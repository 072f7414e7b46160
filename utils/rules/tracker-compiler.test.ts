import { describe, expect, it } from 'vitest';
import type { DnrRule } from './dnr-types';
import { isInRange } from './priorities';
import { pattern, sampleTrackerDb } from '../../tests/support/sample-trackerdb';
import { attributeBlockedRequest } from './side-table';
import { compileRules, ruleResources, trackerRulesetId } from './tracker-compiler';

const allRules = (compiled: ReturnType<typeof compileRules>) => compiled.rulesets.flatMap((r) => r.rules);
const trackerRules = (compiled: ReturnType<typeof compileRules>, category: string): DnrRule[] =>
  compiled.rulesets.find((r) => r.id === trackerRulesetId(category))?.rules ?? [];
const ruleFor = (compiled: ReturnType<typeof compileRules>, host: string) =>
  allRules(compiled).find((rule) => rule.condition.requestDomains?.includes(host));

describe('compileRules on a sample database', () => {
  const compiled = compileRules(sampleTrackerDb());

  it('groups a company\'s hosts of one category into one third-party block rule', () => {
    // Tried: Acme's two advertising hosts (one a subdomain of the other).
    const rule = ruleFor(compiled, 'acme-ads.example');
    expect(rule?.condition.requestDomains).toEqual(['acme-ads.example']); // cdn.acme-ads.example is covered
    expect(rule?.condition.domainType).toBe('thirdParty');
    expect(rule?.action.type).toBe('block');
    expect(rule?.condition.resourceTypes).toBeUndefined(); // all types except main_frame
  });

  it('exempts requests made by the same company\'s sites', () => {
    // Tried: the google-analytics.com rule; Google also runs youtube.com and google.com.
    const rule = ruleFor(compiled, 'google-analytics.com');
    expect(rule?.condition.excludedInitiatorDomains).toEqual(expect.arrayContaining(['google.com', 'youtube.com', 'ytimg.com']));
    expect(rule?.condition.excludedInitiatorDomains).not.toContain('bing.com');
  });

  it('leaves a subdomain attributed to another category out of the parent\'s rule', () => {
    // Tried: widgets.acme-ads.example is Acme customer_interaction, under Acme's advertising host.
    expect(ruleFor(compiled, 'acme-ads.example')?.condition.excludedRequestDomains).toEqual(['widgets.acme-ads.example']);
  });

  it('does not block multi-purpose, narrowed or public-suffix domains whole', () => {
    // Tried: google.com/google.de (curated), bing.com (filters name only bat.bing.com), cloudfront.net (PSL).
    for (const host of ['google.com', 'google.de', 'bing.com', 'cloudfront.net']) expect(ruleFor(compiled, host), host).toBeUndefined();
    expect(ruleFor(compiled, 'bat.bing.com')).toBeDefined();
    expect(ruleFor(compiled, 'd1abc.cloudfront.net')).toBeDefined();
  });

  it('keeps the database\'s URL filters on hosts it does not block whole', () => {
    // Tried: ||google.com/pagead/lvz (DoubleClick), ||google-analytics.com/collect (redundant), a typed filter.
    const urlFilters = allRules(compiled).map((r) => r.condition.urlFilter).filter(Boolean);
    expect(urlFilters).toContain('||google.com/pagead/lvz');
    expect(urlFilters).not.toContain('||google-analytics.com/collect');
    const typed = allRules(compiled).find((r) => r.condition.urlFilter === '||typed.example/ads.js');
    expect(typed?.condition.resourceTypes).toEqual(['script']);
    expect(urlFilters).not.toContain('||typed.example/x'); // $domain= is not translated
  });

  it('gives a pattern without an organization its own company', () => {
    // Tried: the organization-less Lonely Counter.
    const rule = ruleFor(compiled, 'lonely-counter.example');
    expect(compiled.sideTable.rules[String(rule?.id)]?.organizationId).toBe('pattern:lonely');
    expect(compiled.sideTable.companies['pattern:lonely']).toEqual({ name: 'Lonely Counter', ownDomains: ['lonely-counter.example'] });
  });

  it('attributes a blocked request to company, category and the most specific pattern', () => {
    // Tried: a request to www.google-analytics.com blocked by its rule; an unknown rule id.
    const id = ruleFor(compiled, 'google-analytics.com')?.id ?? 0;
    expect(attributeBlockedRequest(compiled.sideTable, id, 'www.google-analytics.com')).toEqual({
      category: 'site_analytics', organizationId: 'google', organizationName: 'Google', patternId: 'google_analytics',
    });
    expect(attributeBlockedRequest(compiled.sideTable, 42, 'x.example')).toBeUndefined();
  });

  it('puts every rule id in its category slot and the side table in step with the rules', () => {
    // Tried: every tracker ruleset of the sample.
    // Block rules only: a surrogate redirect (surrogates.ts) has its own range and no side-table entry.
    const blocks = compiled.rulesets.filter((r) => r.category).flatMap((r) => r.rules.filter((rule) => rule.action.type === 'block').map((rule) => ({ rule, category: r.category })));
    for (const { rule, category } of blocks) {
      expect(isInRange('trackerBlock', rule.id)).toBe(true);
      expect(compiled.sideTable.rules[String(rule.id)]?.category).toBe(category);
    }
    expect(Object.keys(compiled.sideTable.rules)).toHaveLength(blocks.length);
  });

  it('writes rule_resources from the rulesets, so the manifest cannot drift', () => {
    // Tried: ids, enabled flags and paths against the rulesets.
    expect(compiled.manifestRuleResources).toEqual(ruleResources(compiled.rulesets));
    expect(compiled.manifestRuleResources.find((r) => r.id === 'trackers_advertising')).toEqual({
      id: 'trackers_advertising', enabled: true, path: 'rules/trackers_advertising.json',
    });
    expect(compiled.manifestRuleResources.find((r) => r.id === 'trackers_hosting')?.enabled ?? false).toBe(false);
  });

  it('keeps rule ids when a company is added, and is deterministic', () => {
    // Tried: compiling twice, and once more with a new organization in an existing category.
    expect(compileRules(sampleTrackerDb())).toEqual(compiled);
    const grown = compileRules(sampleTrackerDb(
      { newco: pattern('NewCo Pixel', 'advertising', 'newco', ['newco-pixel.example'], []) },
      { newco: { name: 'NewCo' } },
    ));
    for (const [id, info] of Object.entries(compiled.sideTable.rules)) expect(grown.sideTable.rules[id]).toEqual(info);
    expect(trackerRules(grown, 'advertising')).toHaveLength(trackerRules(compiled, 'advertising').length + 1);
  });

  it('refuses a category nobody decided about', () => {
    // Tried: a pattern in a category missing from categories.ts.
    const db = sampleTrackerDb({ odd: pattern('Odd', 'brand_new_category', null, ['odd.example'], []) });
    expect(() => compileRules(db)).toThrow(/brand_new_category.*category-decisions\.ts/);
  });
});
