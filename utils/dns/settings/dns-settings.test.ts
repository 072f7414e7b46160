import { describe, expect, it } from 'vitest';
import { checkDnsConfig, DEFAULT_DNS_SETTINGS, MAX_RESOLVERS, parseStoredDnsSettings, type DnsSettings } from './dns-settings';

const current: DnsSettings = { resolvers: ['https://a.test/dns-query{?dns}', 'https://b.test/dns-query{?dns}'], strategy: 'site', rekeyDays: 0, preferFast: false, lookupsVia: 'browser' };

describe('checkDnsConfig', () => {
  it('applies the fields given, keeps the others, and names the resolvers new to the list', () => {
    const check = checkDnsConfig({ resolvers: [' https://b.test/dns-query{?dns}', 'http://127.0.0.1:8053/dns-query'], rekeyDays: 7 }, current);
    expect(check).toEqual({
      ok: true,
      settings: { resolvers: ['https://b.test/dns-query{?dns}', 'http://127.0.0.1:8053/dns-query'], strategy: 'site', rekeyDays: 7, preferFast: false, lookupsVia: 'browser' },
      added: ['http://127.0.0.1:8053/dns-query'],
    });
  });

  it('ignores the message envelope’s own fields', () => {
    expect(checkDnsConfig({ type: 'dns.configure', strategy: 'name' }, current)).toMatchObject({ ok: true, settings: { strategy: 'name' }, added: [] });
  });

  it('refuses an empty list, a plain-http resolver off this machine, repeats and junk, with a message per field', () => {
    expect(checkDnsConfig({ resolvers: [] }, current)).toEqual({ ok: false, errors: { resolvers: expect.stringContaining('at least one resolver') } });
    const http = checkDnsConfig({ resolvers: ['https://a.test/dns-query{?dns}', 'http://dns.example/dns-query'] }, current);
    expect(http).toEqual({ ok: false, errors: { resolvers: expect.stringMatching(/^Resolver 2 \(http:\/\/dns\.example\/dns-query\): The resolver must use https:\/\//) } });
    expect(checkDnsConfig({ resolvers: ['https://a.test/dns-query{?dns}', 'https://A.test/dns-query{?dns}'] }, current)).toEqual({
      ok: false,
      errors: { resolvers: 'https://a.test/dns-query{?dns} is already in the list.' },
    });
    expect(checkDnsConfig({ resolvers: 'https://a.test' }, current)).toMatchObject({ ok: false, errors: { resolvers: 'The resolver list must be a list of URLs.' } });
    const many = Array.from({ length: MAX_RESOLVERS + 1 }, (_, i) => `https://r${i}.test/dns-query`);
    expect(checkDnsConfig({ resolvers: many }, current)).toMatchObject({ ok: false, errors: { resolvers: `At most ${MAX_RESOLVERS} resolvers.` } });
  });

  it('reports every bad field at once and changes nothing', () => {
    const check = checkDnsConfig({ resolvers: ['ftp://x.test/'], strategy: 'fastest', rekeyDays: 1.5 }, current);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['rekeyDays', 'resolvers', 'strategy']);
    expect(check.errors.strategy).toBe('Unknown strategy "fastest": choose one of site, name, round-robin, random, single.');
    expect(check.errors.rekeyDays).toContain('whole number of days');
    expect(checkDnsConfig({ rekeyDays: -1 }, current).ok).toBe(false);
    expect(checkDnsConfig({ rekeyDays: 366 }, current).ok).toBe(false);
    expect(checkDnsConfig(null, current).ok).toBe(false);
    expect(checkDnsConfig({ preferFast: 'yes' }, current)).toEqual({ ok: false, errors: { preferFast: expect.stringContaining('on (true) or off (false)') } });
  });

  it('switches preferring faster resolvers on and off, and leaves it off by default', () => {
    expect(DEFAULT_DNS_SETTINGS.preferFast).toBe(false);
    expect(checkDnsConfig({ preferFast: true }, current)).toMatchObject({ ok: true, settings: { ...current, preferFast: true } });
    // Where uncloaking's lookups go on Firefox: its own resolver or the pool; anything else is refused by name.
    expect(checkDnsConfig({ lookupsVia: 'pool' }, current)).toMatchObject({ ok: true, settings: { ...current, lookupsVia: 'pool' } });
    expect(checkDnsConfig({ lookupsVia: 'system' }, current)).toEqual({ ok: false, errors: { lookupsVia: expect.stringContaining("browser's own resolver") } });
  });
});

describe('parseStoredDnsSettings', () => {
  it('nothing stored: the defaults, three resolvers by site, no re-keying, no problem', () => {
    expect(parseStoredDnsSettings(undefined)).toEqual({ settings: DEFAULT_DNS_SETTINGS, problem: null });
    expect(DEFAULT_DNS_SETTINGS).toMatchObject({ strategy: 'site', rekeyDays: 0 });
    expect(DEFAULT_DNS_SETTINGS.resolvers).toHaveLength(3);
  });

  it('reads back what was saved', () => {
    expect(parseStoredDnsSettings(current)).toEqual({ settings: current, problem: null });
    expect(parseStoredDnsSettings({ ...current, preferFast: true })).toEqual({ settings: { ...current, preferFast: true }, problem: null });
  });

  it('reads settings saved before preferFast existed as complete, with it off', () => {
    const { preferFast: _dropped, ...older } = current;
    expect(parseStoredDnsSettings(older)).toEqual({ settings: { ...current, preferFast: false }, problem: null });
  });

  it('unreadable or incomplete settings: the defaults, with a sentence saying so', () => {
    for (const bad of ['junk', { ...current, strategy: 7 }, { resolvers: current.resolvers }]) {
      const parsed = parseStoredDnsSettings(bad);
      expect(parsed.settings).toEqual(DEFAULT_DNS_SETTINGS);
      expect(parsed.problem).toMatch(/^The stored DNS settings could not be read \(.+\); the default resolvers/);
    }
  });
});
