import { describe, expect, it } from 'vitest';
import { managedPolicySnippets } from './managed-policy';

describe('managedPolicySnippets', () => {
  it('Chrome gets every https template in order with mode secure; Firefox the first, as a plain URL', () => {
    const snippets = managedPolicySnippets(['http://127.0.0.1:8053/dns-query', 'https://dns.quad9.net/dns-query{?dns}', 'https://dns.example/q?x=1{&dns}']);
    expect(JSON.parse(snippets.chrome ?? '')).toEqual({
      DnsOverHttpsMode: 'secure',
      DnsOverHttpsTemplates: 'https://dns.quad9.net/dns-query{?dns} https://dns.example/q?x=1{&dns}',
    });
    expect(JSON.parse(snippets.firefox ?? '')).toEqual({
      policies: { DNSOverHTTPS: { Enabled: true, ProviderURL: 'https://dns.quad9.net/dns-query', Locked: false } },
    });
    expect(snippets.skipped).toEqual(['http://127.0.0.1:8053/dns-query']);
  });

  it('no https resolver: no snippet, rather than one the browsers would refuse', () => {
    expect(managedPolicySnippets(['http://127.0.0.1:1/dns-query'])).toEqual({ chrome: null, firefox: null, skipped: ['http://127.0.0.1:1/dns-query'] });
  });
});
