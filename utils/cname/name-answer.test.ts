import { describe, expect, it } from 'vitest';
import { browserAnswer, BROWSER_ANSWER_TTL, poolAnswer } from './name-answer';

describe('name answers', () => {
  it('keeps the pool resolvers that were sent the name: both families when a failover split them', () => {
    const view = { name: 'm.shop.com', site: 'shop.com', rcode: 'NOERROR' as const, addresses: ['192.0.2.1'], cnameChain: ['x.omtrdc.net'], ttl: 30, resolver: 'https://a/dns', fromCache: false };
    expect(poolAnswer(view)).toEqual({ cnameChain: ['x.omtrdc.net'], addresses: ['192.0.2.1'], ttl: 30, via: 'pool', resolvers: ['https://a/dns'] });
    expect(poolAnswer({ ...view, resolverAAAA: 'https://b/dns' }).resolvers).toEqual(['https://a/dns', 'https://b/dns']);
  });

  it("reads Firefox's canonical name as a one-link chain, and no chain when the name is its own canonical name", () => {
    expect(browserAnswer('metrics.shop.com', { addresses: ['192.0.2.10'], canonicalName: 'Shop.com.sc.omtrdc.net.' })).toEqual({
      cnameChain: ['shop.com.sc.omtrdc.net'],
      addresses: ['192.0.2.10'],
      ttl: BROWSER_ANSWER_TTL,
      via: 'browser',
      resolvers: [],
    });
    expect(browserAnswer('www.shop.com', { addresses: ['192.0.2.1'], canonicalName: 'www.shop.com' }).cnameChain).toEqual([]);
    expect(browserAnswer('www.shop.com', { addresses: [] }).cnameChain).toEqual([]);
  });
});
