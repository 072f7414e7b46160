import { describe, expect, it } from 'vitest';
import { MAX_POLICIES } from '../rules/policy-limits';
import type { SideTable } from '../rules/side-table';
import { checkPolicyCompanies, parseSettingsFile, settingsFileText } from './settings-file';

const NOW = Date.UTC(2026, 0, 31);
const good = {
  history: { retentionDays: 7, off: true },
  privacy: { topics: true, webRtcIpHandling: false },
  policies: [{ site: 'example.com', mode: 'off' as const, companies: { google: 'allow' as const } }],
  dns: { resolvers: ['https://dns.quad9.net/dns-query', 'https://doh.diffuse-dns.net/dns-query'], strategy: 'name' as const, rekeyDays: 7, preferFast: true, lookupsVia: 'pool' as const },
  companion: { enabled: true, onLoss: 'block' as const },
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
    expect(parseSettingsFile(text)).toEqual({ schema: 'diffuse-settings/3', exportedAt: '2026-01-31T00:00:00.000Z', ...good });
    expect(parseSettingsFile('{"schema":"diffuse-settings/3"}')).toEqual({ schema: 'diffuse-settings/3' });
    expect(reason(edited((f) => ((f.history as Record<string, unknown>).off = 'yes')))).toBe('history.off: expected true or false, got "yes"');
  });

  it('still reads version 2, which has no "keep no history"', () => {
    const v2 = { ...good, history: { retentionDays: 7 } };
    expect(parseSettingsFile(JSON.stringify({ schema: 'diffuse-settings/2', ...v2 }))).toEqual({ schema: 'diffuse-settings/2', ...v2 });
    expect(reason(JSON.stringify({ schema: 'diffuse-settings/2', history: { retentionDays: 7, off: true } }))).toMatch(/^history\.off: unknown field/);
  });

  it('still reads version 1, which has no DNS or companion section', () => {
    const { dns, companion, ...rest } = good;
    const v1 = { ...rest, history: { retentionDays: 7 } };
    const text = JSON.stringify({ schema: 'diffuse-settings/1', ...v1 });
    expect(parseSettingsFile(text)).toEqual({ schema: 'diffuse-settings/1', ...v1 });
    expect(reason(JSON.stringify({ schema: 'diffuse-settings/1', dns }))).toMatch(/^dns: unknown field/);
    expect(reason(JSON.stringify({ schema: 'diffuse-settings/1', companion }))).toMatch(/^companion: unknown field/);
  });

  it('checks the DNS and companion sections as the options page does, naming the field', () => {
    expect(reason(edited((f) => ((f.dns as Record<string, unknown>).resolvers = ['http://dns.diffuse-dns.net/dns-query'])))).toMatch(/^dns\.resolvers: /);
    expect(reason(edited((f) => ((f.dns as Record<string, unknown>).resolvers = [])))).toMatch(/^dns\.resolvers: Keep at least one resolver/);
    expect(reason(edited((f) => ((f.dns as Record<string, unknown>).strategy = 'fastest')))).toMatch(/^dns\.strategy: Unknown strategy "fastest"/);
    expect(reason(edited((f) => ((f.dns as Record<string, unknown>).rekeyDays = 1000)))).toMatch(/^dns\.rekeyDays: /);
    expect(reason(edited((f) => ((f.dns as Record<string, unknown>).servers = [])))).toMatch(/^dns\.servers: unknown field/);
    expect(reason(edited((f) => ((f.companion as Record<string, unknown>).onLoss = 'drop')))).toBe('companion.onLoss: expected one of "direct", "block", got "drop"');
    // Only the fields given are carried: the rest keep their value on import.
    expect(parseSettingsFile('{"schema":"diffuse-settings/3","dns":{"strategy":"single"}}').dns).toEqual({ strategy: 'single' });
  });

  it('refuses an invalid file naming the wrong field', () => {
    expect(reason('not json')).toMatch(/^not a JSON file/);
    expect(reason('[]')).toBe('expected an object, got a list');
    expect(reason('{"schema":"diffuse-settings/4"}')).toBe('schema: expected one of "diffuse-settings/3", "diffuse-settings/2", "diffuse-settings/1", got "diffuse-settings/4"');
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

  it('carries the domains a user gave a site, each checked and named by its place', () => {
    const withOwn = { policies: [{ site: 'telecom-shop.de', mode: 'default' as const, companies: {}, ownDomains: ['tcs-assets.net'] }] };
    expect(parseSettingsFile(settingsFileText(withOwn, NOW)).policies).toEqual(withOwn.policies);
    const bad = (ownDomains: unknown) => reason(JSON.stringify({ schema: 'diffuse-settings/1', policies: [{ site: 'telecom-shop.de', mode: 'default', ownDomains }] }));
    expect(bad('tcs-assets.net')).toMatch(/^policies\[0\]\.ownDomains: expected a list/);
    expect(bad(['tcs-assets.net', 'img.tcs-assets.net'])).toMatch(/^policies\[0\]\.ownDomains\[1\]: .*use "tcs-assets\.net"/);
    expect(bad(['telecom-shop.de'])).toMatch(/^policies\[0\]\.ownDomains\[0\]: the site itself/);
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
