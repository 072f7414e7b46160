import { describe, expect, it } from 'vitest';
import { summarizePageLookups } from './page-lookups';

const QUAD9 = 'https://dns.quad9.net/dns-query{?dns}';
const MULLVAD = 'https://dns.mullvad.net/dns-query{?dns}';
const LOCAL = 'http://127.0.0.1:8053/dns-query{?dns}';

describe('summarizePageLookups', () => {
  it('counts each resolver’s host names, most first, named by operator when Diffuse knows it', () => {
    const view = summarizePageLookups([
      { resolvers: [QUAD9] },
      { resolvers: [QUAD9] },
      { resolvers: [LOCAL] },
      { resolvers: [] }, // an address: nothing was looked up
    ]);
    expect(view).toEqual({
      hosts: 3,
      failed: 0,
      resolvers: [
        { url: QUAD9, label: 'dns.quad9.net', operator: 'Quad9 Foundation', country: 'CH', hosts: 2 },
        { url: LOCAL, label: '127.0.0.1:8053', operator: null, country: null, hosts: 1 },
      ],
    });
  });

  it('counts a failed lookup for every resolver it was sent to (the query may have arrived), and as failed', () => {
    const view = summarizePageLookups([
      { resolvers: [QUAD9, MULLVAD], error: 'Could not resolve x.example (A): timeouts' },
      { resolvers: [], error: 'Could not resolve y.example (A): no resolver is configured.' },
      { resolvers: [MULLVAD, MULLVAD] }, // A and AAAA through one resolver: one host
    ]);
    expect(view.hosts).toBe(3);
    expect(view.failed).toBe(2);
    expect(view.resolvers.map((r) => [r.operator, r.hosts])).toEqual([['Mullvad VPN AB', 2], ['Quad9 Foundation', 1]]);
  });

  it('says nothing was looked up for a page of addresses only', () => {
    expect(summarizePageLookups([{ resolvers: [] }])).toEqual({ hosts: 0, failed: 0, resolvers: [] });
  });
});
