import net from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import type { PoolAnswer } from '../utils/dns/pool/pool';
import { ResolutionError } from '../utils/dns/wire/errors';
import { createRoute, type RouteDeps } from './connect-route';
import { destinationPolicy } from './destination-policy';
import type { LookupMessage } from './protocol';
import type { ConnectRequest } from './socks5';
import { REPLY } from './socks5';

type Zone = Record<string, { A?: string[]; AAAA?: string[]; nx?: boolean }>;

function setUp(zone: Zone, options: { auth?: 'password' | 'none'; configured?: boolean; connectFails?: string } = {}) {
  const asked: { name: string; type: string; site: string | undefined }[] = [];
  const pool = {
    resolve: vi.fn(async (name: string, type: 'A' | 'AAAA', context: { site?: string } = {}): Promise<PoolAnswer> => {
      asked.push({ name, type, site: context.site });
      const entry = zone[name];
      if (!entry) throw new ResolutionError(name, type, []);
      return { name, type, site: context.site ?? name, rcode: entry.nx ? 'NXDOMAIN' : 'NOERROR', addresses: entry[type] ?? [], cnameChain: [], ttl: 60, resolver: 'https://r.example/dns-query', fromCache: false };
    }),
  };
  const reports: LookupMessage[] = [];
  const connected: string[][] = [];
  const deps: RouteDeps = {
    current: () => (options.configured === false ? undefined : { pool, auth: options.auth ?? 'password' }),
    allowed: destinationPolicy(false),
    connect: async (addresses) => {
      connected.push([...addresses]);
      return options.connectFails ? { ok: false, code: options.connectFails, message: 'nope' } : { ok: true, socket: new net.Socket(), address: addresses[0] ?? '' };
    },
    report: (lookup) => reports.push(lookup),
    now: () => 1234,
  };
  return { route: createRoute(deps), asked, reports, connected };
}

const toName = (host: string, username?: string): ConnectRequest => ({ destination: { kind: 'domain', host, port: 443 }, version: 5, ...(username ? { username } : {}) });

describe('createRoute', () => {
  it('looks the name up for the username’s site, both families, connects and reports', async () => {
    const { route, asked, reports, connected } = setUp({ 'cdn.example.net': { A: ['93.184.215.14'], AAAA: ['2606:2800::1'] } });
    const result = await route(toName('cdn.example.net', 'news.example.com'));
    expect(result.ok).toBe(true);
    expect(asked).toEqual([
      { name: 'cdn.example.net', type: 'A', site: 'news.example.com' },
      { name: 'cdn.example.net', type: 'AAAA', site: 'news.example.com' },
    ]);
    expect(connected).toEqual([['93.184.215.14', '2606:2800::1']]);
    expect(reports).toEqual([
      { type: 'lookup', site: 'news.example.com', name: 'cdn.example.net', resolver: 'https://r.example/dns-query', addresses: ['93.184.215.14', '2606:2800::1'], connected: '93.184.215.14', at: 1234 },
    ]);
  });

  it('under auth none (Chrome) leaves the site to the pool: the name’s own registrable domain', async () => {
    const { route, asked } = setUp({ 'cdn.example.net': { A: ['93.184.215.14'] } }, { auth: 'none' });
    await route(toName('cdn.example.net', 'ignored.example'));
    expect(asked.map((a) => a.site)).toEqual([undefined, undefined]);
  });

  it('refuses every CONNECT before configure with a general failure, asking nobody', async () => {
    const { route, asked } = setUp({}, { configured: false });
    expect(await route(toName('a.example.com'))).toEqual({ ok: false, reply: REPLY.generalFailure });
    expect(asked).toEqual([]);
  });

  it('refuses a loopback or private literal with reply 2 (not allowed), and a name that resolves to one', async () => {
    const { route, reports, connected } = setUp({ 'rebind.example.com': { A: ['127.0.0.1'], AAAA: ['fd00::1'] } });
    expect(await route({ destination: { kind: 'ipv4', host: '127.0.0.1', port: 22 }, version: 5 })).toEqual({ ok: false, reply: REPLY.notAllowed });
    expect(await route({ destination: { kind: 'ipv6', host: '::1', port: 22 }, version: 5 })).toEqual({ ok: false, reply: REPLY.notAllowed });
    expect(await route({ destination: { kind: 'domain', host: '192.168.1.1', port: 80 }, version: 5 })).toEqual({ ok: false, reply: REPLY.notAllowed });
    expect(await route(toName('rebind.example.com', 'a.com'))).toEqual({ ok: false, reply: REPLY.notAllowed });
    expect(connected).toEqual([]);
    expect(reports.at(-1)).toMatchObject({ connected: null, error: expect.stringMatching(/refused/) });
  });

  it('connects to a public IP literal without a lookup or a report', async () => {
    const { route, asked, reports, connected } = setUp({});
    expect((await route({ destination: { kind: 'ipv4', host: '93.184.215.14', port: 80 }, version: 5 })).ok).toBe(true);
    expect(asked).toEqual([]);
    expect(reports).toEqual([]);
    expect(connected).toEqual([['93.184.215.14']]);
  });

  it('never sends a special-use or non-public name to a resolver', async () => {
    const { route, asked, reports } = setUp({});
    for (const name of ['printer.local', 'localhost', 'nas.home.arpa', 'wiki.corp']) {
      expect(await route(toName(name, 'a.com'))).toEqual({ ok: false, reply: REPLY.hostUnreachable });
    }
    expect(asked).toEqual([]);
    expect(reports.map((r) => r.error)).toEqual([expect.stringMatching(/special-use/), expect.stringMatching(/special-use/), expect.stringMatching(/special-use/), expect.stringMatching(/not-icann/)]);
  });

  it('answers host unreachable for NXDOMAIN and for a failed lookup, and reports why', async () => {
    const { route, reports } = setUp({ 'gone.example.com': { nx: true } });
    expect(await route(toName('gone.example.com', 'a.com'))).toEqual({ ok: false, reply: REPLY.hostUnreachable });
    expect(await route(toName('broken.example.com', 'a.com'))).toEqual({ ok: false, reply: REPLY.hostUnreachable });
    expect(reports.map((r) => [r.resolver, r.error])).toEqual([
      ['https://r.example/dns-query', 'no such name (NXDOMAIN)'],
      [null, expect.any(String)],
    ]);
  });

  it('answers the connect failure’s reply code and reports no connection', async () => {
    const { route, reports } = setUp({ 'www.example.com': { A: ['93.184.215.14'] } }, { connectFails: 'ECONNREFUSED' });
    expect(await route(toName('www.example.com', 'example.com'))).toEqual({ ok: false, reply: REPLY.connectionRefused });
    expect(reports[0]).toMatchObject({ connected: null, error: 'nope', addresses: ['93.184.215.14'] });
  });
});
