import { describe, expect, it } from 'vitest';
import { compileInfraSuffixes, suffixKey, type TrackerDbHosting } from './compile-suffixes';
import { FIXTURE_OPERATORS } from '../../tests/support/infra-fixtures';

const trackerdb: TrackerDbHosting = {
  patterns: {
    gamma_hosting: { category: 'hosting', domains: ['gamma-static.net', '*.Gamma-Img.com.'] },
    unrelated: { category: 'hosting', domains: ['nobody-claims-me.net'] },
  },
};

describe('compileInfraSuffixes', () => {
  it('maps each operator’s own suffixes and the trackerdb hosting patterns it claims, sorted', () => {
    const suffixes = compileInfraSuffixes(trackerdb, FIXTURE_OPERATORS);
    expect(suffixes).toEqual({
      'alpha-cdn.net': 'Alpha',
      'beta.example': 'Beta',
      'eu.alpha-cdn.net': 'Beta',
      'gamma-img.com': 'Gamma',
      'gamma-static.net': 'Gamma',
      'gamma.app': 'Gamma',
    });
    expect(Object.keys(suffixes)).toEqual(Object.keys(suffixes).sort());
  });

  it('works without trackerdb, and skips a claimed pattern that is missing or no longer hosting', () => {
    expect(compileInfraSuffixes(null, FIXTURE_OPERATORS)['gamma-static.net']).toBeUndefined();
    const moved = { patterns: { gamma_hosting: { category: 'advertising', domains: ['gamma-static.net'] } } };
    expect(compileInfraSuffixes(moved, FIXTURE_OPERATORS)['gamma-static.net']).toBeUndefined();
  });

  it('refuses a suffix claimed by two operators', () => {
    const clash = [...FIXTURE_OPERATORS, { ...FIXTURE_OPERATORS[0]!, name: 'Delta', asns: [], suffixes: ['ALPHA-cdn.net'] }];
    expect(() => compileInfraSuffixes(null, clash)).toThrow(/"alpha-cdn.net" claimed by both Alpha and Delta/);
  });
});

describe('suffixKey', () => {
  it('normalises wildcards, leading and trailing dots and case', () => {
    expect(suffixKey('*.CloudFront.net.')).toBe('cloudfront.net');
    expect(suffixKey('.fastly.net')).toBe('fastly.net');
  });
  it('never keys a single label or an ICANN public suffix, which would claim whole TLDs', () => {
    for (const entry of ['net', 'co.uk', 'com.', '*.com', '']) expect(suffixKey(entry), entry).toBeNull();
    // A private-section suffix is an operator's own domain: appspot.com customers are served by Google.
    expect(suffixKey('appspot.com')).toBe('appspot.com');
  });
  it('refuses what is not a DNS name', () => {
    for (const entry of ['a b.com', 'exa_mple.com', '-x.com', 'x..com', '1.2.3.4/8']) expect(suffixKey(entry), entry).toBeNull();
  });
});
