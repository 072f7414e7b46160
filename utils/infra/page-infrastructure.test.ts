import { describe, expect, it } from 'vitest';
import { buildInfrastructureView } from './page-infrastructure';
import type { InfraAttribution } from './operator-lookup';

describe('page infrastructure', () => {
  it('shares of all requests per operator, the site itself included; unknown and pending apart', () => {
    const known: Record<string, InfraAttribution | null> = {
      'www.shop.example': { operator: 'Cloudflare', via: 'address', evidence: '104.16.0.1' },
      'img.shop.example': { operator: 'Cloudflare', via: 'cname', evidence: 'img.shop.example.cdn.cloudflare.net' },
      'cdn.other.example': { operator: 'Fastly', via: 'address', evidence: '151.101.1.1' },
      'x.hoster.example': null,
    };
    const view = buildInfrastructureView(
      'www.shop.example',
      [
        { host: 'www.shop.example', requests: 2 },
        { host: 'img.shop.example', requests: 4 },
        { host: 'cdn.other.example', requests: 3 },
        { host: 'x.hoster.example', requests: 1 },
        { host: 'slow.example', requests: 2 },
      ],
      (host) => (host in known ? known[host] : undefined),
    );
    expect(view.site).toEqual({ host: 'www.shop.example', operator: 'Cloudflare' });
    expect(view.operators.map((o) => [o.name, o.requests, o.share, o.hosts.length])).toEqual([
      ['Cloudflare', 6, 0.5, 2],
      ['Fastly', 3, 0.25, 1],
    ]);
    expect(view.unattributed).toEqual({ hosts: 1, requests: 1 }); // x.hoster.example
    expect(view.pending).toBe(1);
  });
});
