import { InvalidNameError } from '../../utils/dns/wire/errors';
import { ResolutionError } from '../../utils/dns/wire/errors';
import type { PoolAnswer, ResolverPool } from '../../utils/dns/pool/pool';

/** One line of the CLI's output: both address families of one name, as the pool answered them. */
export interface LookupLine {
  name: string;
  /** The group the lookup was routed by (the --site's registrable domain, else the name's). */
  site: string;
  /** URL template of the resolver that answered (A's, when A and AAAA came from different ones). */
  resolver: string;
  /** Only when AAAA was answered by another resolver than A (a failover between the two queries). */
  resolverAAAA?: string;
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** A addresses, then AAAA addresses, of the last name in the chain. */
  addresses: string[];
  /** CNAME targets in order, from the name asked for (excluded) to the last alias. */
  cname: string[];
  /** Seconds the whole line stays valid: the smaller of the two answers' TTLs. */
  ttl: number;
  /** Wall time for the name, both queries (sent together), in ms. */
  ms: number;
  /** Both answers came from the pool's cache. */
  cached: boolean;
}

export type LookupOutcome = { ok: true; line: LookupLine } | { ok: false; name: string; message: string };

/**
 * Looks up A and AAAA together (the pool sends both to the same resolver, the site's first choice). A name is
 * answered when both families are, NXDOMAIN included; one family failing fails the name, so a partial list of
 * addresses is never presented as the whole.
 */
export async function lookupName(pool: ResolverPool, name: string, site: string | undefined, now: () => number): Promise<LookupOutcome> {
  const started = now();
  const context = site === undefined ? {} : { site };
  const [a, aaaa] = await Promise.allSettled([pool.resolve(name, 'A', context), pool.resolve(name, 'AAAA', context)]);
  const ms = Math.round((now() - started) * 10) / 10;
  if (a.status === 'rejected' || aaaa.status === 'rejected') {
    const errors = [a, aaaa].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    return { ok: false, name, message: describeFailures(errors) };
  }
  return { ok: true, line: combine(a.value, aaaa.value, ms) };
}

function combine(a: PoolAnswer, aaaa: PoolAnswer, ms: number): LookupLine {
  return {
    name: a.name,
    site: a.site,
    resolver: a.resolver,
    ...(aaaa.resolver !== a.resolver ? { resolverAAAA: aaaa.resolver } : {}),
    // RFC 6604: NXDOMAIN is about the last name of the chain; either family seeing it means it does not exist.
    rcode: a.rcode === 'NXDOMAIN' || aaaa.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'NOERROR',
    addresses: [...a.addresses, ...aaaa.addresses],
    cname: a.cnameChain.length >= aaaa.cnameChain.length ? a.cnameChain : aaaa.cnameChain,
    ttl: Math.min(a.ttl, aaaa.ttl),
    ms,
    cached: a.fromCache && aaaa.fromCache,
  };
}

/** 0 all answered; 3 some name does not exist (its line is printed); 1 some name could not be resolved. */
export function exitCodeFor(outcomes: readonly LookupOutcome[]): number {
  if (outcomes.some((o) => !o.ok)) return 1;
  return outcomes.some((o) => o.ok && o.line.rcode === 'NXDOMAIN') ? 3 : 0;
}

/** One sentence when both families failed for the same reasons (the usual case: a dead resolver, a bad name). */
function describeFailures(errors: readonly unknown[]): string {
  const [first, second] = errors;
  if (first instanceof ResolutionError && second instanceof ResolutionError) {
    const why = (e: ResolutionError) => e.attempts.map((attempt) => attempt.message).join('; ');
    if (why(first) === why(second)) return `Could not resolve ${first.qname} (A and AAAA): ${why(first) || 'no resolver is configured'}.`;
  }
  return [...new Set(errors.map(describe))].join(' ');
}

function describe(error: unknown): string {
  if (error instanceof ResolutionError || error instanceof InvalidNameError) return error.message;
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
