import DnsOverHttpResolver from 'dns-over-http-resolver';
import { createNodeFetch, type NodeFetch } from '../scripts/cli/node-fetch';
import { ResolverPool } from '../utils/dns/pool/pool';
import type { Strategy } from '../utils/dns/pool/selection';
import { DohServer } from '../tests/support/doh-server';
import { ascending } from './dns-stats';

/**
 * The latency benchmark's test rig: local DoH servers with injected delays (HTTPS, keep-alive HTTP/1.1), the
 * pool or a peer library in front of them, and a bounded load generator that records each lookup's latency.
 */
export const DELAYS_MS = [5, 20, 60] as const;

export interface Rig {
  servers: DohServer[];
  fetch: NodeFetch;
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  // Every name under .test answers, so each lookup can use a fresh name and miss every cache.
  const zone = [{ name: '*.test', type: 'A' as const, data: '192.0.2.1', ttl: 300 }];
  const servers = await Promise.all(DELAYS_MS.map((delayMs) => DohServer.start({ zone, delayMs })));
  const fetch = createNodeFetch({ extraCa: [servers[0]?.caPem ?? ''] });
  return {
    servers,
    fetch,
    async close() {
      fetch.close();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

export function poolOver(rig: Rig, templates: readonly string[], strategy: Strategy, preferFast = false): ResolverPool {
  const secret = crypto.getRandomValues(new Uint8Array(32));
  return new ResolverPool({ fetch: rig.fetch, now: () => performance.now(), random: Math.random, secret, resolvers: templates, strategy, preferFast });
}

/** dns-over-http-resolver on the same servers and transport (its JSON API requests through our fetch). */
export function peerOver(rig: Rig, urls: readonly string[]): DnsOverHttpResolver {
  const peer = new DnsOverHttpResolver({
    maxCache: 1000,
    request: async (resource, signal) => {
      const response = await rig.fetch(resource, { method: 'GET', headers: { accept: 'application/dns-json' }, signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as never;
    },
  });
  peer.setServers([...urls]);
  return peer;
}

export interface Sample {
  /** Latencies of the lookups that succeeded, ascending, in ms. */
  ms: number[];
  failed: number;
}

/**
 * `count` lookups, `concurrency` at a time, each of a name nobody asked before (the pool's own cache would
 * otherwise answer). Every lookup is cut off after `limitMs` and counted as failed: the run always ends.
 */
export async function sample(lookup: (i: number) => Promise<unknown>, count: number, concurrency: number, limitMs = 3000): Promise<Sample> {
  const ms: number[] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const started = performance.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('limit')), limitMs)));
      try {
        await Promise.race([lookup(i), limit]);
        ms.push(performance.now() - started);
      } catch {
        failed++;
      } finally {
        clearTimeout(timer);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: ascending(ms), failed };
}
