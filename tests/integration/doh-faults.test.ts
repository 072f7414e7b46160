import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch, type NodeFetch } from '../../scripts/cli/node-fetch';
import { resolveOnce } from '../../utils/dns/pool/doh-client';
import { ResolverError, type FailureReason } from '../../utils/dns/wire/errors';
import { ResolutionError } from '../../utils/dns/wire/errors';
import { ResolverPool } from '../../utils/dns/pool/pool';
import { Selector } from '../../utils/dns/pool/selection';
import { DohServer, type Fault } from '../support/doh-server';

/**
 * The pool against three real local DoH servers (HTTPS, HTTP/1.1) with injected faults. Every fault is the
 * failing resolver's own failure, with its reason, and only the site's one fallback is asked; a dead resolver
 * loses its sites to their second choices and the circuit breaker takes it out.
 */
const SECRET = Uint8Array.from({ length: 32 }, (_, i) => (i * 17 + 3) & 0xff);
/** Short timeouts keep the hang case quick; the pool clamps them as it would in the browser. */
const HEALTH = { maxTimeoutMs: 300, minTimeoutMs: 100, failureThreshold: 3, baseBackoffMs: 60_000 };

/** Each server answers every name below example with its own address, so the answer says who gave it. */
async function startServers(count: number): Promise<DohServer[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => DohServer.start({ zone: [{ name: '*.example', type: 'A', data: `192.0.2.${i + 1}`, ttl: 60 }] })),
  );
}

/** The first site (s0.example, s1.example, …) whose first choice is `first`, and its preference order. */
function siteFirstOn(first: string, templates: string[], skip = 0): { site: string; order: readonly string[] } {
  const selector = new Selector({ strategy: 'site', secret: SECRET, random: Math.random, now: () => 0 });
  for (let i = 0, found = 0; i < 1000; i++) {
    const order = selector.order(`s${i}.example`, `s${i}.example`, templates);
    if (order[0] === first && found++ === skip) return { site: `s${i}.example`, order };
  }
  throw new Error('no site maps there');
}

const byTemplate = (servers: DohServer[], template: string) => servers.find((s) => s.template === template) as DohServer;

describe('faults of one resolver', () => {
  let servers: DohServer[];
  let fetch: NodeFetch;
  const templates = () => servers.map((s) => s.template);
  const newPool = () => new ResolverPool({ fetch, now: () => performance.now(), random: Math.random, secret: SECRET, resolvers: templates(), health: HEALTH });

  beforeAll(async () => {
    servers = await startServers(3);
    fetch = createNodeFetch({ extraCa: [servers[0]?.caPem ?? ''] });
  });
  afterEach(() => {
    for (const server of servers) {
      server.fault = undefined;
      server.log.length = 0;
    }
  });
  afterAll(async () => {
    fetch.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  const cases: [string, Fault, FailureReason, RegExp][] = [
    ['HTTP 500', { kind: 'status', status: 500 }, 'http-status', /answered HTTP 500/],
    ['HTTP 503', { kind: 'status', status: 503 }, 'http-status', /answered HTTP 503/],
    ['a wrong content type', { kind: 'content-type', contentType: 'text/html' }, 'content-type', /text\/html, not application\/dns-message/],
    ['a truncated body', { kind: 'truncate' }, 'unparsable', /truncated|announces more records|not a DNS message/],
    ['an answer to another question', { kind: 'mismatch' }, 'question-mismatch', /answer is for mismatch\./],
    ['a hang past the timeout', { kind: 'hang' }, 'timeout', /no answer within 300 ms/],
    ['a connection cut mid-body', { kind: 'reset' }, 'network', /connection|fetch failed/],
  ];

  it.each(cases)('%s is that resolver’s failure with its reason, and the site’s single fallback answers', async (_, fault, reason, message) => {
    const pool = newPool();
    const target = templates()[1] as string;
    const { site, order } = siteFirstOn(target, templates());
    const [first, second, third] = order.map((t) => byTemplate(servers, t));
    (first as DohServer).fault = fault;

    const answer = await pool.resolve(`www.${site}`, 'A', { site });
    expect(answer.resolver).toBe(second?.template);
    expect(answer.addresses).toEqual([`192.0.2.${servers.indexOf(second as DohServer) + 1}`]);
    expect(first?.log.map((q) => q.name)).toEqual([`www.${site}`]);
    expect(second?.log.map((q) => q.name)).toEqual([`www.${site}`]);
    expect(third?.log).toEqual([]); // never fanned out
    const health = pool.health.snapshot(target);
    expect(health).toMatchObject({ failures: 1, consecutiveFailures: 1, state: 'closed', lastReason: reason });
    expect(health.lastError).toMatch(message);

    // The same fault seen by the client alone: a ResolverError carrying the reason and a readable message.
    const direct = resolveOnce({ fetch, template: target, name: `api.${site}`, type: 'A', timeoutMs: 300 });
    await expect(direct).rejects.toBeInstanceOf(ResolverError);
    await expect(direct).rejects.toMatchObject({ reason, resolver: target });
  });

  it('when the site’s first two choices fail, names both with their reasons and asks no third', async () => {
    const pool = newPool();
    const { site, order } = siteFirstOn(templates()[0] as string, templates());
    const [first, second, third] = order.map((t) => byTemplate(servers, t));
    (first as DohServer).fault = { kind: 'status', status: 502 };
    (second as DohServer).fault = { kind: 'mismatch' };
    const error = await pool.resolve(`www.${site}`, 'A', { site }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResolutionError);
    expect((error as ResolutionError).attempts.map((a) => [a.resolver, a.reason])).toEqual([
      [first?.template, 'http-status'],
      [second?.template, 'question-mismatch'],
    ]);
    expect(third?.log).toEqual([]);
  });

  it('keeps NXDOMAIN an answer, not a failure', async () => {
    const pool = newPool();
    const answer = await pool.resolve('nothing.elsewhere.test', 'A');
    expect(answer).toMatchObject({ rcode: 'NXDOMAIN', addresses: [] });
    expect(pool.health.snapshot(answer.resolver)).toMatchObject({ failures: 0, successes: 1 });
  });
});

describe('a dead resolver', () => {
  it('loses only its own sites, each to its second choice, and the breaker takes it out', async () => {
    const servers = await startServers(3);
    const fetch = createNodeFetch({ extraCa: [servers[0]?.caPem ?? ''] });
    try {
      const templates = servers.map((s) => s.template);
      const pool = new ResolverPool({ fetch, now: () => performance.now(), random: Math.random, secret: SECRET, resolvers: templates, health: HEALTH });
      const dead = templates[2] as string;
      const deadSites = [0, 1, 2, 3, 4].map((skip) => siteFirstOn(dead, templates, skip));
      const liveSite = siteFirstOn(templates[0] as string, templates);
      await pool.resolve(`www.${deadSites[0]?.site}`, 'A', { site: deadSites[0]?.site }); // warm: connections open
      await servers[2]?.close();

      for (const { site, order } of deadSites) {
        const answer = await pool.resolve(`img.${site}`, 'A', { site });
        expect(answer.resolver).toBe(order[1]);
      }
      const health = pool.health.snapshot(dead);
      expect(health.state).toBe('open');
      expect(health.failures).toBe(HEALTH.failureThreshold); // after opening, the dead one is not tried again
      expect(health.lastReason).toBe('network');
      // Sites of live resolvers do not move.
      expect((await pool.resolve(`www.${liveSite.site}`, 'A', { site: liveSite.site })).resolver).toBe(templates[0]);
    } finally {
      fetch.close();
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
