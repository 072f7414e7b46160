import { describe, expect, it } from 'vitest';
import { MAX_POLICIES } from '../rules/policy-limits';
import type { SideTable } from '../rules/side-table';
import { checkPolicyCompanies, parseSettingsFile, settingsFileText } from './settings-file';

const NOW = Date.UTC(2026, 0, 31);
const good = {
  history: { retentionDays: 7 },
  privacy: { topics: true, webRtcIpHandling: false },
  policies: [{ site: 'example.com', mode: 'off' as const, companies: { google: 'allow' as const } }],
};
const reason = (text: string): string => {
  try {
    parseSettingsFile(text);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
};
const edited = (change: (f: Record<string, unknown>) => void): string => {
  const file = JSON.parse(settingsFileText(good, NOW));
  change(file);
  return JSON.stringify(file);
};

describe('settings file', () => {
  it('round-trips what it exports', () => {
    const text = settingsFileText(good, NOW);
    expect(parseSettingsFile(text)).toEqual({ schema: 'diffuse-settings/1', exportedAt: '2026-01-31T00:00:00.000Z', ...good });
    expect(parseSettingsFile('{"schema":"diffuse-settings/1"}')).toEqual({ schema: 'diffuse-settings/1' });
  });

  it('refuses an invalid file naming the wrong field', () => {
    expect(reason('not json')).toMatch(/^not a JSON file/);
    expect(reason('[]')).toBe('expected an object, got a list');
    expect(reason('{"schema":"diffuse-settings/2"}')).toBe('schema: expected one of "diffuse-settings/1", got "diffuse-settings/2"');
    expect(reason(edited((f) => ((f.policies as { mode: string }[])[0]!.mode = 'sometimes')))).toBe(
      'policies[0].mode: expected one of "default", "off", "strict", got "sometimes"',
    );
    expect(reason(edited((f) => ((f.history as { retentionDays: number }).retentionDays = 0)))).toMatch(/^history\.retentionDays: /);
    expect(reason(edited((f) => ((f.privacy as Record<string, unknown>).topics = 'yes')))).toBe('privacy.topics: expected true or false, got "yes"');
    expect(reason(edited((f) => ((f.privacy as Record<string, unknown>).cookies = true)))).toMatch(/^privacy\.cookies: unknown field/);
    expect(reason(edited((f) => ((f.policies as { site: string }[])[0]!.site = 'www.example.com')))).toMatch(/^policies\[0\]\.site: .*use "example\.com"/);
    expect(reason(edited((f) => (f.policies = [good.policies[0], good.policies[0]])))).toMatch(/^policies\[1\]\.site: "example\.com" is also policies\[0\]/);
    expect(reason(edited((f) => ((f.policies as { companies: Record<string, string> }[])[0]!.companies.google = 'maybe')))).toMatch(/^policies\[0\]\.companies\.google: /);
    expect(reason(edited((f) => (f.retention = 7)))).toMatch(/^retention: unknown field/);
  });

  it('refuses more policies than Diffuse keeps, before reading each one', () => {
    const many = Array.from({ length: MAX_POLICIES + 1 }, (_, i) => ({ site: `site${i}.com`, mode: 'off' }));
    expect(reason(edited((f) => (f.policies = many)))).toBe('policies: 2,001 sites have a policy; Diffuse keeps at most 2,000, so that their rules fit in every browser.');
    expect(reason(edited((f) => (f.policies = many.slice(1))))).toBe('accepted');
  });

  it('checks company ids against the packaged rule table', () => {
    const table: SideTable = { version: 1, rules: {}, companies: { google: { name: 'Google', ownDomains: ['google.com'] }, empty: { name: 'Empty', ownDomains: [] } } };
    expect(() => checkPolicyCompanies(good.policies, table)).not.toThrow();
    expect(() => checkPolicyCompanies([{ site: 'a.com', mode: 'default', companies: { nope: 'block' } }], table)).toThrow(/^policies\[0\]\.companies\.nope: /);
    expect(() => checkPolicyCompanies([{ site: 'a.com', mode: 'default', companies: { empty: 'block' } }], table)).toThrow(/Empty/);
  });
});
