import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryDecision } from './category-decisions';
import type { DnrRule } from './dnr-types';
import { ATTRIBUTION_ONLY_DOMAINS, ATTRIBUTION_ONLY_PATTERNS } from './domain-exceptions';
import { isCanonicalHost, isWithin } from './domains';
import { RULE_TABLE, isInRange, kindOfRuleId, trackerSlotRange } from './priorities';
import { ENABLED_RULESET_LIMIT, STATIC_RULE_LIMIT, compileRules } from './tracker-compiler';
import type { TrackerDb } from './trackerdb-types';

// The library takes the database as a parameter; the test reads the installed package's JSON.
const loadDb = (): TrackerDb => JSON.parse(
  readFileSync(new URL('../../node_modules/@ghostery/trackerdb/dist/trackerdb.json', import.meta.url), 'utf8'),
) as TrackerDb;

describe('compileRules on the real @ghostery/trackerdb', () => {
  const db = loadDb();
  const compiled = compileRules(db);
  const rules = compiled.rulesets.flatMap((r) => r.rules);
  const trackerRulesets = compiled.rulesets.filter((r) => r.category !== null);
  // The block rules; each tracker ruleset also holds the surrogate redirects for scripts it blocks (surrogates.real-db.test.ts).
  const trackerRules = trackerRulesets.flatMap((r) => r.rules).filter((r) => r.action.type === 'block');

  it('fits both browsers\' static limits', () => {
    // Tried: total rules, number of rulesets (all enabled at once), regex rules.
    expect(rules.length).toBeLessThanOrEqual(STATIC_RULE_LIMIT);
    expect(compiled.rulesets.length).toBeLessThanOrEqual(ENABLED_RULESET_LIMIT);
    expect(rules.filter((r) => 'regexFilter' in r.condition)).toHaveLength(0);
  });

  it('uses unique ids, each inside its kind\'s range and its category\'s slot', () => {
    // Tried: every rule of every ruleset.
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const ruleset of trackerRulesets) {
      const { firstId, lastId } = trackerSlotRange(categoryDecision(ruleset.category ?? '')?.slot ?? -1);
      for (const rule of ruleset.rules) {
        if (rule.action.type === 'redirect') {
          expect(isInRange('surrogate', rule.id)).toBe(true);
          continue;
        }
        expect(rule.id).toBeGreaterThanOrEqual(firstId);
        expect(rule.id).toBeLessThanOrEqual(lastId);
      }
    }
    for (const rule of rules) expect(kindOfRuleId(rule.id), String(rule.id)).toBeDefined();
  });

  it('blocks third-party requests only, never main_frame, with valid domain lists', () => {
    // Tried: every tracker rule's condition; Firefox refuses a domain in both a list and its exclusion.
    for (const rule of trackerRules) {
      expect(rule.condition.domainType).toBe('thirdParty');
      expect(rule.priority).toBe(RULE_TABLE.trackerBlock.priority);
      expect(rule.condition.resourceTypes ?? []).not.toContain('main_frame');
      const domains = [...(rule.condition.requestDomains ?? []), ...(rule.condition.excludedRequestDomains ?? []),
        ...(rule.condition.excludedInitiatorDomains ?? [])];
      for (const domain of domains) expect(isCanonicalHost(domain), domain).toBe(true);
      const excluded = new Set(rule.condition.excludedRequestDomains ?? []);
      for (const domain of rule.condition.requestDomains ?? []) expect(excluded.has(domain)).toBe(false);
    }
  });

  it('blocks google-analytics.com in site_analytics, attributed to Google, but not from Google\'s own sites', () => {
    // Tried: the rule matching google-analytics.com, its side-table entry and its initiator exemption.
    const rule = trackerRules.find((r) => r.condition.requestDomains?.includes('google-analytics.com')) as DnrRule;
    const info = compiled.sideTable.rules[String(rule.id)];
    expect(compiled.rulesets.find((r) => r.rules.includes(rule))?.id).toBe('trackers_site_analytics');
    expect(info).toMatchObject({ category: 'site_analytics', organizationId: 'google', organizationName: 'Google' });
    expect(info?.patternIds).toContain('google_analytics');
    expect(rule.condition.excludedInitiatorDomains).toEqual(expect.arrayContaining(['google.com', 'youtube.com']));
  });

  it('does not block multi-purpose service domains whole, but keeps their tracking endpoints', () => {
    // Tried: google.com, facebook.com, www.google.com/recaptcha; the Meta Pixel endpoint facebook.com/tr.
    const wholeHosts = trackerRules.flatMap((r) => r.condition.requestDomains ?? []);
    for (const host of ['google.com', 'www.google.com', 'facebook.com', 'googletagmanager.com']) {
      expect(wholeHosts.some((domain) => isWithin(host, domain)), host).toBe(false);
    }
    expect(wholeHosts).toContain('facebook.net');
    expect(trackerRules.map((r) => r.condition.urlFilter)).toContain('||facebook.com/tr');
  });

  it('never exempts a platform\'s customers as "same company" (public suffixes are not own domains)', () => {
    // Tried: Google (appspot.com, blogspot.com) and Microsoft (azurewebsites.net) company records.
    expect(compiled.sideTable.companies.google?.ownDomains).not.toContain('appspot.com');
    expect(compiled.sideTable.companies.google?.ownDomains).not.toContain('blogspot.com');
    expect(compiled.sideTable.companies.microsoft?.ownDomains).not.toContain('azurewebsites.net');
  });

  it('only lists curated exceptions that still exist in the database', () => {
    // Tried: every entry of domain-exceptions.ts against the database.
    for (const id of Object.keys(ATTRIBUTION_ONLY_PATTERNS)) expect(db.patterns[id], id).toBeDefined();
    for (const domain of Object.keys(ATTRIBUTION_ONLY_DOMAINS)) expect(db.domains[domain], domain).toBeDefined();
  });

  it('keeps every other rule id when an unrelated organization is added', () => {
    // Tried: the real database plus one new advertising company, compiled again.
    const grown = structuredClone(db);
    grown.organizations.zz_new_adco = { name: 'ZZ New AdCo' };
    grown.patterns.zz_new_adco = { name: 'ZZ New AdCo', category: 'advertising', organization: 'zz_new_adco', domains: ['zz-new-adco.example'], filters: [] };
    grown.domains['zz-new-adco.example'] = 'zz_new_adco';
    const after = compileRules(grown);
    for (const [id, info] of Object.entries(compiled.sideTable.rules)) expect(after.sideTable.rules[id], id).toEqual(info);
    expect(Object.keys(after.sideTable.rules)).toHaveLength(Object.keys(compiled.sideTable.rules).length + 1);
  });
});
