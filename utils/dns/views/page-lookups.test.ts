import { describe, expect, it } from 'vitest';
import { summarizePageLookups } from './page-lookups';

const QUAD9 = 'https://dns.quad9.net/dns-query{?dns}';
const MULLVAD = 'https://dns.mullvad.net/dns-query{?dns}';
const LOCAL = 'http://127.0.0.1:8053/dns-query{?dns}';

describe('summarizePageLookups', () => {
  it('counts each resolver’s host names, most first, named by operator when Diffuse knows it', () => {
    const view = summarizePageLookups([
      { via: 'pool', resolvers: [QUAD9] },
      { via: 'pool', resolvers: [QUAD9] },
      { via: 'pool', resolvers: [LOCAL] },
    ]);
    expect(view).toEqual({
      hosts: 3,
      failed: 0,
      resolvers: [
        { url: QUAD9, label: 'dns.quad9.net', operator: 'Quad9 Foundation', country: 'CH', hosts: 2 },
        { url: LOCAL, label: '127.0.0.1:8053', operator: null, country: null, hosts: 1 },
      ],
      browser: 0,
      kept: {},
    });
  });

  it('counts a failed lookup for every resolver it was sent to (the query may have arrived), and as failed', () => {
    const view = summarizePageLookups([
      { via: 'pool', resolvers: [QUAD9, MULLVAD], error: 'Could not resolve x.example (A): timeouts' },
      { via: 'pool', resolvers: [], error: 'Could not resolve y.example (A): no resolver is configured.' },
      { via: 'pool', resolvers: [MULLVAD, MULLVAD] }, // A and AAAA through one resolver: one host
    ]);
    expect(view.hosts).toBe(3);
    expect(view.failed).toBe(2);
    expect(view.resolvers.map((r) => [r.operator, r.hosts])).toEqual([['Mullvad VPN AB', 2], ['Quad9 Foundation', 1]]);
  });

  it('counts names asked of the browser’s own resolver as looked up, but names no resolver of the pool', () => {
    const view = summarizePageLookups([
      { via: 'browser', resolvers: [] },
      { via: 'browser', resolvers: [], error: 'NS_ERROR_UNKNOWN_HOST' },
      { via: 'pool', resolvers: [QUAD9] },
    ]);
    expect(view.hosts).toBe(3);
    expect(view.browser).toBe(2);
    expect(view.failed).toBe(1);
    expect(view.resolvers.map((r) => [r.url, r.hosts])).toEqual([[QUAD9, 1]]);
  });

  it('says Firefox’s resolver alone answered when no pool resolver was sent anything', () => {
    const view = summarizePageLookups([
      { via: 'browser', resolvers: [] },
      { via: 'none', kept: 'page-host', resolvers: [] },
    ]);
    expect(view).toEqual({ hosts: 1, failed: 0, resolvers: [], browser: 1, kept: { 'page-host': 1 } });
  });

  it('groups the names kept back by why, and counts none of them as looked up', () => {
    const view = summarizePageLookups([
      { via: 'none', kept: 'third-party', resolvers: [] }, // cdn.other.example
      { via: 'none', kept: 'third-party', resolvers: [] }, // ads.tracker.example
      { via: 'none', kept: 'third-party', resolvers: [] }, // fonts.other.example
      { via: 'none', kept: 'page-host', resolvers: [] }, // www.shop.example
      { via: 'none', kept: 'known-tracker', resolvers: [] }, // metrics.shop.example
      { via: 'none', kept: 'private-page', resolvers: [] }, // wiki.corp.example
      { via: 'none', kept: 'never-sent', neverSent: 'special-use', resolvers: [] },
      { via: 'none', kept: 'never-sent', neverSent: 'single-label', resolvers: [] },
      { via: 'none', kept: 'never-sent', neverSent: 'ip-literal', resolvers: [] },
      { via: 'none', kept: 'never-sent', neverSent: 'ip-literal', resolvers: [] },
      { via: 'pool', resolvers: [QUAD9] }, // img.shop.example
    ]);
    expect(view.kept).toEqual({ 'third-party': 3, 'page-host': 1, 'known-tracker': 1, private: 3, address: 2 });
    expect(view.hosts).toBe(1);
    expect(view.browser).toBe(0);
    expect(view.resolvers.map((r) => [r.url, r.hosts])).toEqual([[QUAD9, 1]]);
  });

  it('counts a never-sent name without its reason as private, not as an address', () => {
    expect(summarizePageLookups([{ via: 'none', kept: 'never-sent', resolvers: [] }]).kept).toEqual({ private: 1 });
  });

  it('says nothing was looked up for a page whose names were all kept back', () => {
    expect(summarizePageLookups([{ via: 'none', kept: 'never-sent', neverSent: 'ip-literal', resolvers: [] }])).toEqual({
      hosts: 0,
      failed: 0,
      resolvers: [],
      browser: 0,
      kept: { address: 1 },
    });
  });

  it('counts neither hosts nor kept names for a lookup with no reason given', () => {
    expect(summarizePageLookups([{ via: 'none', resolvers: [] }])).toEqual({ hosts: 0, failed: 0, resolvers: [], browser: 0, kept: {} });
  });
});
