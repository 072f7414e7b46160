import type { PoolAnswer, ResolverPool } from '../pool/pool';
import type { RecordType } from '../wire/record-type';

/** `dns.resolve`'s answer: one name looked up on behalf of one site, both families unless one was asked for. */
export interface DnsAnswerView {
  name: string;
  /** The group the lookup was routed by: the site's registrable domain, else the name's. */
  site: string;
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** A addresses, then AAAA addresses, of the last name in the chain. */
  addresses: string[];
  /** CNAME targets in order, from the name asked for (excluded) to the last alias. */
  cnameChain: string[];
  /** Seconds the answer stays valid (the smaller of the two families' TTLs). */
  ttl: number;
  /** Template of the resolver that answered (A's when both families were asked). */
  resolver: string;
  /** Only when AAAA was answered by another resolver than A: a failover happened between the two queries. */
  resolverAAAA?: string;
  /** Every answer came from the pool's cache: no query was sent. */
  fromCache: boolean;
}

/**
 * Looks `name` up for `site`. Without a type, A and AAAA are asked together: the pool sends both to the site's
 * resolver. One family failing fails the lookup, so a partial address list is never presented as the whole.
 */
export async function lookUp(pool: Pick<ResolverPool, 'resolve'>, name: string, type: RecordType | undefined, site: string | undefined): Promise<DnsAnswerView> {
  const context = site === undefined ? {} : { site };
  if (type !== undefined) return single(await pool.resolve(name, type, context));
  const [a, aaaa] = await Promise.all([pool.resolve(name, 'A', context), pool.resolve(name, 'AAAA', context)]);
  return {
    name: a.name,
    site: a.site,
    // RFC 6604: NXDOMAIN is about the last name of the chain; either family seeing it means it does not exist.
    rcode: a.rcode === 'NXDOMAIN' || aaaa.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'NOERROR',
    addresses: [...a.addresses, ...aaaa.addresses],
    cnameChain: a.cnameChain.length >= aaaa.cnameChain.length ? a.cnameChain : aaaa.cnameChain,
    ttl: Math.min(a.ttl, aaaa.ttl),
    resolver: a.resolver,
    ...(aaaa.resolver !== a.resolver ? { resolverAAAA: aaaa.resolver } : {}),
    fromCache: a.fromCache && aaaa.fromCache,
  };
}

function single(answer: PoolAnswer): DnsAnswerView {
  const { name, site, rcode, addresses, cnameChain, ttl, resolver, fromCache } = answer;
  return { name, site, rcode, addresses, cnameChain, ttl, resolver, fromCache };
}

/** A message's `{name, recordType?, site?}`, checked: it crosses a process boundary. */
export function checkResolveRequest(request: unknown): { name: string; type: RecordType | undefined; site: string | undefined } {
  const { name, recordType, site } = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') throw new Error('dns.resolve needs a name to look up.');
  if (recordType !== undefined && recordType !== 'A' && recordType !== 'AAAA') throw new Error('dns.resolve: recordType must be A or AAAA (or left out for both).');
  if (site !== undefined && typeof site !== 'string') throw new Error('dns.resolve: site must be a host or URL.');
  return { name, type: recordType, site };
}
