import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch, type NodeFetch } from '../../scripts/cli/node-fetch';
import { ResolverPool } from '../../utils/dns/pool/pool';
import { buildQuery, parseResponse } from '../../utils/dns/wire/dns-message';
import { runResolveCli, type CliRun } from '../support/run-resolve-cli';
import { startUnbound, type RunningUnbound } from '../support/unbound';

/**
 * A real resolver, Debian's unbound, serving DoH over HTTP/2 on 127.0.0.1 from zones written here:
 * local-data for plain A/AAAA and NXDOMAIN; auth zones for a CNAME chain across two zones (unbound does not
 * follow CNAMEs in local-data). Checked through the pool with the CLI's HTTP/2 fetch, and through the CLI.
 */
const ZONES = {
  local: [
    {
      zone: 'plain.test',
      records: [
        'plain.test. 3600 IN SOA ns.plain.test. hostmaster.plain.test. 1 3600 600 86400 45',
        'v4.plain.test. 300 IN A 192.0.2.10',
        'v4.plain.test. 300 IN A 192.0.2.11',
        'v6.plain.test. 200 IN AAAA 2001:db8::10',
        'both.plain.test. 120 IN A 192.0.2.12',
        'both.plain.test. 100 IN AAAA 2001:db8::12',
      ],
    },
  ],
  auth: [
    {
      zone: 'shop.test',
      zonefile: ['$ORIGIN shop.test.', '$TTL 300', '@ 3600 IN SOA ns hostmaster 1 3600 600 86400 50', '@ IN NS ns', 'ns IN A 127.0.0.1', 'www 250 IN CNAME edge.cdn.test.', ''].join('\n'),
    },
    {
      zone: 'cdn.test',
      zonefile: ['$ORIGIN cdn.test.', '$TTL 300', '@ 3600 IN SOA ns hostmaster 1 3600 600 86400 50', '@ IN NS ns', 'ns IN A 127.0.0.1',
        'edge 200 IN CNAME pop1', 'pop1 90 IN A 192.0.2.30', 'pop1 80 IN AAAA 2001:db8::30', ''].join('\n'),
    },
  ],
};

let unbound: RunningUnbound;
let fetch: NodeFetch;
let pool: ResolverPool;

beforeAll(async () => {
  unbound = await startUnbound(ZONES);
  fetch = createNodeFetch({ extraCa: [unbound.caPem] });
  pool = new ResolverPool({ fetch, now: () => performance.now(), random: Math.random, secret: crypto.getRandomValues(new Uint8Array(32)), resolvers: [unbound.url] });
});

afterAll(async () => {
  fetch?.close();
  await unbound?.stop();
});

describe('the pool against unbound (DoH over HTTP/2)', () => {
  it('fails, never skips, when unbound is missing, and says how to install it', async () => {
    await expect(startUnbound(ZONES, '/nonexistent/unbound')).rejects.toThrow(/apt-get install unbound/);
  });

  it('gets A records from local-data, over HTTP/2', async () => {
    const answer = await pool.resolve('v4.plain.test', 'A');
    expect(answer).toMatchObject({ rcode: 'NOERROR', cnameChain: [], resolver: unbound.url, fromCache: false, site: 'plain.test' });
    expect([...answer.addresses].sort()).toEqual(['192.0.2.10', '192.0.2.11']);
    expect(answer.ttl).toBeLessThanOrEqual(300);
    expect(fetch.protocolOf(new URL(unbound.url).origin)).toBe('h2');
  });

  it('gets AAAA records, and NODATA (no addresses, SOA-bounded TTL) for a type the name lacks', async () => {
    expect(await pool.resolve('v6.plain.test', 'AAAA')).toMatchObject({ rcode: 'NOERROR', addresses: ['2001:db8::10'] });
    const nodata = await pool.resolve('v6.plain.test', 'A');
    expect(nodata).toMatchObject({ rcode: 'NOERROR', addresses: [] });
    expect(nodata.ttl).toBeLessThanOrEqual(45);
  });

  it('returns the whole CNAME chain across two zones, in order, with the last name’s addresses', async () => {
    const a = await pool.resolve('www.shop.test', 'A', { site: 'shop.test' });
    expect(a).toMatchObject({ rcode: 'NOERROR', cnameChain: ['edge.cdn.test', 'pop1.cdn.test'], addresses: ['192.0.2.30'] });
    expect(a.ttl).toBeLessThanOrEqual(90);
    const aaaa = await pool.resolve('www.shop.test', 'AAAA', { site: 'shop.test' });
    expect(aaaa).toMatchObject({ cnameChain: ['edge.cdn.test', 'pop1.cdn.test'], addresses: ['2001:db8::30'] });
  });

  it('reports NXDOMAIN as an answer, cached no longer than the SOA allows (RFC 2308)', async () => {
    const nx = await pool.resolve('missing.plain.test', 'A');
    expect(nx).toMatchObject({ rcode: 'NXDOMAIN', addresses: [], cnameChain: [] });
    expect(nx.ttl).toBeGreaterThan(0);
    expect(nx.ttl).toBeLessThanOrEqual(45);
    expect(await pool.resolve('missing.plain.test', 'A')).toMatchObject({ rcode: 'NXDOMAIN', fromCache: true });
    expect(await pool.resolve('nowhere.shop.test', 'AAAA')).toMatchObject({ rcode: 'NXDOMAIN' });
  });

  it('accepts a POST query too (RFC 8484 §4.1), as the client sends for long URLs', async () => {
    const response = await fetch(unbound.url, {
      method: 'POST',
      headers: { Accept: 'application/dns-message', 'Content-Type': 'application/dns-message' },
      body: buildQuery('both.plain.test', 'A') as BodyInit,
    });
    expect(response.headers.get('content-type')).toBe('application/dns-message');
    const parsed = parseResponse(new Uint8Array(await response.arrayBuffer()), 'both.plain.test', 'A');
    expect(parsed).toMatchObject({ ok: true, answer: { addresses: ['192.0.2.12'] } });
  });
});

function cli(...names: string[]): Promise<CliRun> {
  return runResolveCli(['--ca', unbound.caFile, '--resolver', unbound.url, ...names]);
}

describe('the CLI against unbound', () => {
  it('prints A and AAAA, the CNAME chain and the resolver for each name; exit 0', async () => {
    const run = await cli('both.plain.test', 'www.shop.test', 'both.plain.test');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(3);
    expect(run.lines[0]).toMatchObject({ name: 'both.plain.test', site: 'plain.test', resolver: unbound.url, rcode: 'NOERROR', addresses: ['192.0.2.12', '2001:db8::12'], cname: [], cached: false });
    expect(run.lines[1]).toMatchObject({ name: 'www.shop.test', addresses: ['192.0.2.30', '2001:db8::30'], cname: ['edge.cdn.test', 'pop1.cdn.test'] });
    expect(run.lines[1]?.ttl).toBeLessThanOrEqual(80);
    expect(typeof run.lines[1]?.ms).toBe('number');
    expect(run.lines[2]).toMatchObject({ name: 'both.plain.test', cached: true });
  });

  it('prints NXDOMAIN in the JSON line and on stderr, and exits 3', async () => {
    const run = await cli('missing.plain.test', 'v4.plain.test');
    expect(run.code).toBe(3);
    expect(run.lines[0]).toMatchObject({ name: 'missing.plain.test', rcode: 'NXDOMAIN', addresses: [] });
    expect(run.lines[1]).toMatchObject({ name: 'v4.plain.test', rcode: 'NOERROR' });
    expect(run.stderr).toContain('missing.plain.test: NXDOMAIN');
  });
});
