/**
 * Runtime side of infrastructure attribution: which operator serves a host, from its name, its CNAME chain
 * and the addresses it resolved to. Names answer first: a CNAME into cloudfront.net says "Amazon CloudFront"
 * more precisely than an address does, and it names operators (Vercel, Netlify) that own no address space.
 * Unknown stays unknown: no heuristics, no nearest range.
 */
import { decodeRanges, type AsnTable } from './asn-table-format';
import type { InfraSuffixes } from './compile-suffixes';
import { embeddedIpv4, parseIpv4, parseIpv6 } from './ip-parse';

export interface InfraInput {
  /** The host the page contacted. */
  host: string;
  /** CNAME targets in resolution order (host → first target → … → last target). */
  cnameChain: readonly string[];
  /** Text IPv4 and IPv6 addresses of the final answer. */
  addresses: readonly string[];
}

export interface InfraAttribution {
  operator: string;
  /** What matched: a CNAME target's name, the host's own name, or an address in the operator's ranges. */
  via: 'cname' | 'address' | 'host';
  /** The name or address that matched, as given (names lower-cased, without a trailing dot). */
  evidence: string;
}

export type InfraAttributor = (input: InfraInput) => InfraAttribution | null;

/** Index of the IPv4 range holding `ip`, or -1. `words` holds start, end pairs sorted by start. */
function findIpv4(words: Uint32Array, ip: number): number {
  let lo = 0;
  let hi = (words.length >>> 1) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid * 2]! <= ip) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found >= 0 && ip <= words[found * 2 + 1]! ? found : -1;
}

/** Index of the IPv6 range holding the /64 prefix (ipHi, ipLo), or -1. Four words per range. */
function findIpv6(words: Uint32Array, ipHi: number, ipLo: number): number {
  let lo = 0;
  let hi = (words.length >>> 2) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const sHi = words[mid * 4]!;
    if (sHi < ipHi || (sHi === ipHi && words[mid * 4 + 1]! <= ipLo)) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return -1;
  const eHi = words[found * 4 + 2]!;
  return ipHi < eHi || (ipHi === eHi && ipLo <= words[found * 4 + 3]!) ? found : -1;
}

/** DNS names as the suffix map keys them; answers often carry the root's trailing dot. */
function cleanName(name: string): string {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  return n.toLowerCase();
}

/**
 * Decodes the table once (throws if it is not a version this code reads or its data is inconsistent), then
 * answers from typed arrays: a lookup allocates only the label walk of the names and its result.
 */
export function createInfraAttributor(table: AsnTable, suffixes: InfraSuffixes): InfraAttributor {
  if (table.version !== 1) throw new Error(`ASN table: unsupported version ${String(table.version)}`);
  const v4 = decodeRanges(table.ipv4, 2, table.operators.length);
  const v6 = decodeRanges(table.ipv6, 4, table.operators.length);
  const bySuffix = new Map(Object.entries(suffixes).map(([suffix, operator]) => [cleanName(suffix), operator]));
  const groups = new Uint16Array(8);

  /** Longest listed suffix of `name` (by labels): a.b.cloudfront.net tries itself, then b.cloudfront.net, … */
  const nameOperator = (name: string): string | undefined => {
    for (let start = 0; ; ) {
      const hit = bySuffix.get(start === 0 ? name : name.slice(start));
      if (hit !== undefined) return hit;
      const dot = name.indexOf('.', start);
      // Single labels are never keys (compile-suffixes.ts): stop before the last one.
      if (dot < 0 || name.indexOf('.', dot + 1) < 0) return undefined;
      start = dot + 1;
    }
  };

  const addressOperator = (address: string): string | undefined => {
    let v4ip = parseIpv4(address);
    if (v4ip < 0) {
      if (!parseIpv6(address, groups)) return undefined;
      v4ip = embeddedIpv4(groups);
      if (v4ip < 0) {
        const i = findIpv6(v6.words, groups[0]! * 0x10000 + groups[1]!, groups[2]! * 0x10000 + groups[3]!);
        return i < 0 ? undefined : table.operators[v6.operators[i]!];
      }
    }
    const i = findIpv4(v4.words, v4ip);
    return i < 0 ? undefined : table.operators[v4.operators[i]!];
  };

  return ({ host, cnameChain, addresses }) => {
    // The last CNAME target is the name the serving infrastructure answers for; earlier ones and the host
    // are often a customer's or a platform's names placed in front of it.
    for (let i = cnameChain.length - 1; i >= 0; i--) {
      const name = cleanName(cnameChain[i]!);
      const operator = nameOperator(name);
      if (operator !== undefined) return { operator, via: 'cname', evidence: name };
    }
    const name = cleanName(host);
    const byHost = nameOperator(name);
    if (byHost !== undefined) return { operator: byHost, via: 'host', evidence: name };
    for (const address of addresses) {
      const operator = addressOperator(address);
      if (operator !== undefined) return { operator, via: 'address', evidence: address };
    }
    // A page may contact an IP literal (URL.hostname brackets IPv6 ones): it is its own address.
    const literal = name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
    const byLiteral = literal === '' ? undefined : addressOperator(literal);
    return byLiteral === undefined ? null : { operator: byLiteral, via: 'address', evidence: literal };
  };
}
