import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileParamList } from './param-list-compiler';

const SAMPLE = [
  '! Title: AdGuard URL Tracking filter',
  '! Version: 2.0.13.20',
  '! Oracle Eloqua',
  '$removeparam=elqTrackId\r',
  '$removeparam=fb_source',
  '$removeparam=fb_source',
  '$removeparam=/^at_custom/',
  '$removeparam',
  '?from=glia^$removeparam=from',
  '||coloso.co.kr^$removeparam=fb_asc',
  '$removeparam=gclid,domain=shop.com',
  '$denyallow=tix.axs.com,removeparam=irclickid',
  '$denyallow=glavnoe.life|metabase.com,removeparam=utm_term',
  '$denyallow=metabase.com,removeparam=utm_term',
  '@@||xe.com^$removeparam',
  '||ads.com^$third-party',
].join('\n');

describe('compileParamList (AdGuard URL Tracking filter → names and exceptions)', () => {
  const list = compileParamList(SAMPLE);

  it('keeps the generic exact names, sorted and once each, and reads the version', () => {
    // Tried: plain rules, a duplicate, a CR line ending, denyallow rules.
    expect(list.params).toEqual(['elqTrackId', 'fb_source', 'irclickid', 'utm_term']);
    expect(list.version).toBe('2.0.13.20');
  });

  it('turns $denyallow hosts into exceptions, merged per parameter', () => {
    // Tried: two denyallow rules for one name.
    expect(list.exceptions).toEqual([
      { param: 'irclickid', domains: ['tix.axs.com'] },
      { param: 'utm_term', domains: ['glavnoe.life', 'metabase.com'] },
    ]);
  });

  it('leaves out what removeParams cannot express everywhere, and says why', () => {
    // Tried: regex, bare removeparam, URL patterns, a domain= option, site exceptions; non-removeparam rules are not rules of this list.
    const reasons = Object.fromEntries(list.skipped.map((s) => [s.rule, s.reason]));
    expect(reasons).toEqual({
      '$removeparam=/^at_custom/': 'not an exact name (regex or negation)',
      '$removeparam': 'removes every parameter',
      '?from=glia^$removeparam=from': 'tied to a URL pattern',
      '||coloso.co.kr^$removeparam=fb_asc': 'tied to a URL pattern',
      '$removeparam=gclid,domain=shop.com': 'limited by options removeParams cannot express',
      '@@||xe.com^$removeparam': expect.stringContaining('site exception'),
    });
  });

  it('refuses a list with no generic rule, with a message that names the likely cause', () => {
    // Tried: an empty file and one of comments only.
    expect(() => compileParamList('')).toThrow(/no generic \$removeparam rule found; has the package or the list format changed\?/);
    expect(() => compileParamList('! Title: x\n||a.com^$removeparam=x')).toThrow(/no generic/);
  });
});

describe('compileParamList on the installed @adguard/dnr-rulesets', () => {
  const ruleset = JSON.parse(readFileSync(new URL('../../node_modules/@adguard/dnr-rulesets/dist/filters/declarative/ruleset_17/ruleset_17.json', import.meta.url), 'utf8')) as { metadata: { rawFilterList: string } }[];
  const list = compileParamList(ruleset[0]!.metadata.rawFilterList);

  it('yields the well-known click ids and campaign tags, and a few hundred names in all', () => {
    // Tried: names every tracking-parameter list has, and the size (too few means the format changed).
    expect(list.params).toEqual(expect.arrayContaining(['utm_source', 'utm_medium', 'fbclid', 'gclid', 'msclkid', 'fb_source', 'fb_ref', 'yclid']));
    expect(list.params.length).toBeGreaterThan(200);
    expect(list.params.every((p) => /^[A-Za-z0-9_.[\]-]+$/.test(p))).toBe(true);
  });

  it('keeps its functional exceptions as hosts', () => {
    // Tried: every exception names real host names.
    expect(list.exceptions.length).toBeGreaterThan(5);
    for (const e of list.exceptions) expect(e.domains.every((d) => /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(d)), e.param).toBe(true);
  });
});
