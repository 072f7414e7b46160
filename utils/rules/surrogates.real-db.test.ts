import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DnrRule } from './dnr-types';
import { RULE_TABLE, isInRange } from './priorities';
import { buildPolicyRules } from './site-policy';
import { SURROGATES, addSurrogateRules } from './surrogates';
import { compileRules } from './tracker-compiler';
import type { TrackerDb } from './trackerdb-types';
import { winningRule, type DnrRequest } from './url-filter-match';

const db = JSON.parse(readFileSync(new URL('../../node_modules/@ghostery/trackerdb/dist/trackerdb.json', import.meta.url), 'utf8')) as TrackerDb;
const compiled = compileRules(db);
const enabled = compiled.rulesets.filter((r) => r.enabledByDefault).flatMap((r) => r.rules);
const script = (url: string, initiator: string, thirdParty = true): DnrRequest => ({ url, type: 'script', initiator, thirdParty });

describe('surrogate rules on the real @ghostery/trackerdb', () => {
  it('replace the blocked scripts the issue names, on a third-party page, by default', () => {
    // Tried: analytics.js, gtag/js, gpt.js and fbevents.js from a shop's page, through the DNR matching rules.
    const expected: Record<string, string> = {
      'https://www.google-analytics.com/analytics.js': '/surrogates/google-analytics.js',
      'https://www.googletagmanager.com/gtag/js?id=G-1': '/surrogates/google-tag.js',
      'https://securepubads.g.doubleclick.net/tag/js/gpt.js': '/surrogates/gpt.js',
      'https://connect.facebook.net/en_US/fbevents.js': '/surrogates/fbevents.js',
      'https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1': '/surrogates/adsbygoogle.js',
    };
    for (const [url, path] of Object.entries(expected)) {
      expect(winningRule(enabled, script(url, 'www.diffuse-shop.com'))?.action.redirect?.extensionPath, url).toBe(path);
    }
  });

  it('touch nothing that is not blocked: the same company’s site, the page’s own site, other files', () => {
    // Tried: analytics.js on youtube.com (Google's), a first-party copy, and collect (blocked, no surrogate).
    expect(winningRule(enabled, script('https://www.google-analytics.com/analytics.js', 'www.youtube.com'))).toBeUndefined();
    expect(winningRule(enabled, script('https://www.google-analytics.com/analytics.js', 'www.google-analytics.com', false))).toBeUndefined();
    expect(winningRule(enabled, script('https://www.google-analytics.com/collect?v=1', 'www.diffuse-shop.com'))?.action.type).toBe('block');
    // gtm.js: Tag Manager is attributed, not blocked, by default, so it loads as it is.
    expect(winningRule(enabled, script('https://www.googletagmanager.com/gtm.js?id=GTM-1', 'www.diffuse-shop.com'))).toBeUndefined();
  });

  it('give way to a paused site and an allowed company, and stand in on a strict site', () => {
    // Tried: the site policies' dynamic rules together with the static ones.
    const url = 'https://www.google-analytics.com/analytics.js';
    const withPolicies = (rules: DnrRule[]) => [...enabled, ...rules];
    const off = buildPolicyRules([{ site: 'diffuse-shop.com', mode: 'off', companies: {} }], compiled.sideTable);
    // `off` is allowAllRequests on the page's document, which covers what the page loads (the test models that
    // by matching the page's main_frame request).
    const doc: DnrRequest = { url: 'https://www.diffuse-shop.com/', type: 'main_frame', thirdParty: false };
    expect(winningRule(withPolicies(off), doc)?.action.type).toBe('allowAllRequests');
    expect(winningRule(off, doc)!.priority).toBeGreaterThan(RULE_TABLE.surrogate.priority);
    const allowGoogle = buildPolicyRules([{ site: 'diffuse-shop.com', mode: 'default', companies: { google: 'allow' } }], compiled.sideTable);
    expect(winningRule(withPolicies(allowGoogle), script(url, 'www.diffuse-shop.com'))?.action.type).toBe('allow');
    const strict = buildPolicyRules([{ site: 'diffuse-shop.com', mode: 'strict', companies: {} }], compiled.sideTable);
    expect(winningRule(withPolicies(strict), script(url, 'www.diffuse-shop.com'))?.action.redirect?.extensionPath).toBe('/surrogates/google-analytics.js');
  });

  it('use ids of the surrogate range, one rule per surrogate at most', () => {
    // Tried: every redirect to an extension path in the compiled rulesets.
    const rules = compiled.rulesets.flatMap((r) => r.rules).filter((r) => r.action.redirect?.extensionPath);
    for (const rule of rules) expect(isInRange('surrogate', rule.id)).toBe(true);
    expect(rules.length).toBeLessThanOrEqual(SURROGATES.length);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });
});

describe('addSurrogateRules', () => {
  it('places a surrogate only in a tracker ruleset whose block rule covers its sample', () => {
    // Tried: one ruleset blocking google-analytics.com, one anti-leak ruleset, nothing for the other scripts.
    const block: DnrRule = { id: 100_000_001, priority: 3, action: { type: 'block' }, condition: { requestDomains: ['google-analytics.com'], excludedInitiatorDomains: ['google.com'], domainType: 'thirdParty' } };
    const { rulesets, placed } = addSurrogateRules([
      { id: 'trackers_site_analytics', category: 'site_analytics', enabledByDefault: true, rules: [block] },
      { id: 'tracking_params', category: null, enabledByDefault: true, rules: [] },
    ]);
    expect(placed.map((p) => p.sample)).toEqual(['https://www.google-analytics.com/analytics.js', 'https://www.google-analytics.com/analytics_debug.js']);
    expect(rulesets[0]!.rules[1]).toEqual({
      id: RULE_TABLE.surrogate.firstId,
      priority: RULE_TABLE.surrogate.priority,
      action: { type: 'redirect', redirect: { extensionPath: '/surrogates/google-analytics.js' } },
      condition: { urlFilter: '/analytics.js^', requestDomains: ['google-analytics.com'], excludedInitiatorDomains: ['google.com'], resourceTypes: ['script'], domainType: 'thirdParty' },
    });
    expect(rulesets[1]!.rules).toEqual([]);
  });
});
