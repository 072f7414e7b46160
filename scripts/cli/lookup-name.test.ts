import { describe, expect, it } from 'vitest';
import { fakeDoh, rr, type Reply, type SeenQuery } from '../../tests/support/fake-doh';
import { ResolverPool } from '../../utils/dns/pool/pool';
import { exitCodeFor, lookupName, type LookupOutcome } from './lookup-name';

const SECRET = new Uint8Array(32).fill(7);
const R1 = 'https://r1.test/dns-query';

function poolAnswering(answer: (seen: SeenQuery) => Reply) {
  const clock = { t: 0 };
  const fetch = fakeDoh(answer);
  const pool = new ResolverPool({ fetch, now: () => clock.t, random: () => 0, secret: SECRET, resolvers: [R1] });
  return { pool, fetch, now: () => clock.t };
}

describe('lookupName', () => {
  it('joins A and AAAA into one line: addresses of both, the chain, the smaller TTL', async () => {
    const { pool, now } = poolAnswering((seen) => ({
      answers: [
        rr.cname('www.shop.test', 'edge.cdn.test', 120),
        seen.type === 'A' ? rr.a('edge.cdn.test', '192.0.2.1', 50) : rr.aaaa('edge.cdn.test', '2001:db8::1', 40),
      ],
    }));
    const outcome = await lookupName(pool, 'WWW.shop.test.', undefined, now);
    expect(outcome).toEqual({
      ok: true,
      line: {
        name: 'www.shop.test', site: 'shop.test', resolver: R1, rcode: 'NOERROR', addresses: ['192.0.2.1', '2001:db8::1'],
        cname: ['edge.cdn.test'], ttl: 40, ms: 0, cached: false,
      },
    });
    const again = await lookupName(pool, 'www.shop.test', 'news.test', now);
    expect(again).toMatchObject({ ok: true, line: { cached: true, site: 'news.test' } });
  });

  it('reports NXDOMAIN as an answer, with exit status 3', async () => {
    const { pool, now } = poolAnswering(() => ({ rcode: 'NXDOMAIN', authorities: [rr.soa('shop.test', 60, 30)] }));
    const outcome = await lookupName(pool, 'gone.shop.test', undefined, now);
    expect(outcome).toMatchObject({ ok: true, line: { rcode: 'NXDOMAIN', addresses: [], ttl: 30 } });
    expect(exitCodeFor([outcome])).toBe(3);
  });

  it('fails the name in one sentence when no resolver answers, with exit status 1', async () => {
    const { pool, now } = poolAnswering(() => ({ status: 503 }));
    const outcome = await lookupName(pool, 'www.shop.test', undefined, now);
    expect(outcome).toEqual({ ok: false, name: 'www.shop.test', message: 'Could not resolve www.shop.test (A and AAAA): r1.test: answered HTTP 503.' });
    expect(exitCodeFor([outcome])).toBe(1);
  });

  it('rejects a name that cannot be sent without asking anyone', async () => {
    const { pool, fetch, now } = poolAnswering(() => ({}));
    const outcome = await lookupName(pool, 'bad..name', undefined, now);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/empty label/) });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('exitCodeFor', () => {
  const line = (rcode: 'NOERROR' | 'NXDOMAIN'): LookupOutcome => ({
    ok: true,
    line: { name: 'x', site: 'x', resolver: R1, rcode, addresses: [], cname: [], ttl: 0, ms: 0, cached: false },
  });
  it('puts a failure before NXDOMAIN before success', () => {
    expect(exitCodeFor([line('NOERROR')])).toBe(0);
    expect(exitCodeFor([line('NOERROR'), line('NXDOMAIN')])).toBe(3);
    expect(exitCodeFor([line('NXDOMAIN'), { ok: false, name: 'y', message: 'no' }])).toBe(1);
  });
});
