import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCanonicalHost } from './domains';
import { buildPolicyRules } from './site-policy';
import { compileRules } from './tracker-compiler';
import type { TrackerDb } from './trackerdb-types';

const db = JSON.parse(readFileSync(new URL('../../node_modules/@ghostery/trackerdb/dist/trackerdb.json', import.meta.url), 'utf8')) as TrackerDb;
const { sideTable } = compileRules(db);

describe('policy rules from the real database', () => {
  it('stay small and valid for a realistic mix of policies', () => {
    // Tried: two strict sites (one run by Google), one site off, and allow/block exceptions for big companies.
    const rules = buildPolicyRules([
      { site: 'news.example', mode: 'strict', companies: { google: 'allow' } },
      { site: 'youtube.com', mode: 'strict', companies: {} },
      { site: 'shop.example', mode: 'off', companies: { facebook: 'block', microsoft: 'block' } },
    ], sideTable);
    expect(rules.length).toBeLessThan(50); // Firefox allows 5,000 dynamic rules
    for (const rule of rules) {
      const c = rule.condition;
      for (const host of [...(c.requestDomains ?? []), ...(c.excludedRequestDomains ?? []), ...(c.initiatorDomains ?? [])]) {
        expect(isCanonicalHost(host), host).toBe(true);
      }
      const excluded = new Set(c.excludedRequestDomains ?? []);
      expect((c.requestDomains ?? []).filter((host) => excluded.has(host))).toEqual([]);
    }
  });

  it('keep Google\'s hosts out of strict on youtube.com but not on an unrelated site', () => {
    // Tried: the site_analytics strict rule for youtube.com and for news.example.
    const hostsFor = (site: string) => buildPolicyRules([{ site, mode: 'strict', companies: {} }], sideTable)
      .flatMap((r) => r.condition.requestDomains ?? []);
    expect(hostsFor('youtube.com')).not.toContain('google-analytics.com');
    expect(hostsFor('news.example')).toContain('google-analytics.com');
  });
});
