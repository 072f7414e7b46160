import { describe, expect, it } from 'vitest';
import { DEFAULT_RESOLVERS, PRESET_RESOLVERS, validateResolverUrl } from './resolvers';

describe('resolver lists', () => {
  it('defaults: at least 3 operators in at least 2 jurisdictions, each a valid https template', () => {
    expect(new Set(DEFAULT_RESOLVERS.map((r) => r.operator)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(DEFAULT_RESOLVERS.map((r) => r.country)).size).toBeGreaterThanOrEqual(2);
    for (const r of [...DEFAULT_RESOLVERS, ...PRESET_RESOLVERS]) {
      expect(validateResolverUrl(r.url), r.url).toEqual({ ok: true, url: r.url });
      expect(r.url.startsWith('https://')).toBe(true);
      expect(r.policy.length).toBeGreaterThan(10);
    }
  });

  it('presets include AdGuard, DNS.SB, Cloudflare, Google and NextDNS, none repeating a default', () => {
    const hosts = PRESET_RESOLVERS.map((r) => new URL(r.url.replace('{?dns}', '')).host);
    expect(hosts).toEqual(['unfiltered.adguard-dns.com', 'doh.dns.sb', 'cloudflare-dns.com', 'dns.google', 'dns.nextdns.io']);
    const defaults = new Set(DEFAULT_RESOLVERS.map((r) => r.url));
    expect(PRESET_RESOLVERS.some((r) => defaults.has(r.url))).toBe(false);
  });
});

describe('validateResolverUrl', () => {
  it.each([
    ['https://dns.example/dns-query', 'https://dns.example/dns-query'],
    ['  https://dns.example/dns-query{?dns} ', 'https://dns.example/dns-query{?dns}'],
    ['https://dns.example/q?key=abc{&dns}', 'https://dns.example/q?key=abc{&dns}'],
    ['https://DNS.Example', 'https://dns.example/'],
    ['http://127.0.0.1:8053/dns-query', 'http://127.0.0.1:8053/dns-query'],
    ['http://localhost:8053/dns-query{?dns}', 'http://localhost:8053/dns-query{?dns}'],
  ])('accepts %s as %s', (input, url) => {
    expect(validateResolverUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'Enter the resolver'],
    ['dns.example/dns-query', 'is not a URL'],
    ['http://dns.example/dns-query', 'must use https://'],
    ['ftp://dns.example/', 'must use https://, not ftp:'],
    ['https://user:pw@dns.example/dns-query', 'user name or password'],
    ['https://dns.example/dns-query#x', 'fragment'],
    ['https://dns.example/dns-query?dns=AAAA', 'dns= parameter'],
    ['https://dns.example/{path}/dns-query', 'only template variable'],
    ['https://dns.example/dns-query{&dns}', 'use {?dns}'],
    ['https://dns.example/q?k=1{?dns}', 'end it with {&dns}'],
  ])('rejects %j with a message containing %j', (input, message) => {
    const result = validateResolverUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});
