import { describe, expect, it } from 'vitest';
import { checkResolveRequest, lookUp } from './answer-view';
import { ResolutionError } from '../wire/errors';
import type { PoolAnswer } from '../pool/pool';
import type { RecordType } from '../wire/record-type';

const base = { name: 'www.news.test', site: 'news.test', rcode: 'NOERROR' as const, cnameChain: ['edge.cdn.test'], ttl: 60, resolver: 'https://a.test/dns-query', fromCache: false };
function fakePool(answers: Partial<Record<RecordType, Partial<PoolAnswer> | Error>>) {
  const asked: { type: RecordType; site?: string }[] = [];
  return {
    asked,
    resolve: async (name: string, type: RecordType, context: { site?: string } = {}): Promise<PoolAnswer> => {
      asked.push({ type, ...context });
      const answer = answers[type];
      if (answer instanceof Error) throw answer;
      return { ...base, name, type, addresses: [], ...answer };
    },
  };
}

describe('lookUp', () => {
  it('without a record type asks A and AAAA for the site and joins them: A first, the shorter TTL', async () => {
    const pool = fakePool({ A: { addresses: ['192.0.2.1'], ttl: 30 }, AAAA: { addresses: ['2001:db8::1'], fromCache: true } });
    expect(await lookUp(pool, 'www.news.test', undefined, 'news.test')).toEqual({ ...base, addresses: ['192.0.2.1', '2001:db8::1'], ttl: 30 });
    expect(pool.asked).toEqual([{ type: 'A', site: 'news.test' }, { type: 'AAAA', site: 'news.test' }]);
  });

  it('names AAAA’s resolver only when a failover put it elsewhere; NXDOMAIN on either side wins', async () => {
    const pool = fakePool({ AAAA: { resolver: 'https://b.test/dns-query', rcode: 'NXDOMAIN' } });
    expect(await lookUp(pool, 'www.news.test', undefined, undefined)).toMatchObject({ rcode: 'NXDOMAIN', resolver: base.resolver, resolverAAAA: 'https://b.test/dns-query' });
  });

  it('one record type: that answer alone; a failure is the pool’s error', async () => {
    const pool = fakePool({ AAAA: { addresses: ['2001:db8::2'] }, A: new ResolutionError('www.news.test', 'A', []) });
    expect(await lookUp(pool, 'www.news.test', 'AAAA', undefined)).toEqual({ ...base, addresses: ['2001:db8::2'] });
    await expect(lookUp(pool, 'www.news.test', undefined, undefined)).rejects.toThrow(ResolutionError);
  });
});

describe('checkResolveRequest', () => {
  it('takes name, recordType and site, and refuses anything else with a message', () => {
    expect(checkResolveRequest({ type: 'dns.resolve', name: 'a.test', recordType: 'AAAA', site: 'b.test' })).toEqual({ name: 'a.test', type: 'AAAA', site: 'b.test' });
    expect(() => checkResolveRequest({ name: ' ' })).toThrow('needs a name');
    expect(() => checkResolveRequest({ name: 'a.test', recordType: 'MX' })).toThrow('recordType must be A or AAAA');
    expect(() => checkResolveRequest({ name: 'a.test', site: 3 })).toThrow('site must be');
  });
});
