import { decodeMessage } from './framing';
import { encode, RECURSION_DESIRED, type Answer, type Packet } from '@dnsquery/dns-packet';
import { InvalidNameError, type FailureReason } from './errors';

export { base64url, fromBase64url } from './base64url';

import type { RecordType } from './record-type';


/** RFC 8467 §4.1: clients pad queries to the closest multiple of 128 octets. */
export const QUERY_BLOCK = 128;

/**
 * Longest time an answer is kept, whatever its TTL says. RFC 8767 §4 suggests capping at 7 days; a day keeps
 * answers fresh and the cache small, at the cost of one more query a day for long-lived names.
 */
export const MAX_CACHE_TTL = 86_400;

export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** Addresses of the last name in the chain, in the resolver's order, without duplicates. */
  addresses: string[];
  /** CNAME targets in order, from the name asked for (not included) to the last alias. */
  cnameChain: string[];
  /** Seconds this answer may be kept (RFC 1035 §4.1.3 for answers, RFC 2308 §5 for negative answers). */
  ttl: number;
}

export type ParseResult =
  | { ok: true; answer: DnsAnswer }
  | { ok: false; reason: FailureReason; message: string };

/**
 * Lower case, without the trailing dot, checked against RFC 1035 §2.3.4 limits (63-octet labels, 255 octets on
 * the wire). Only ASCII: internationalised names must arrive as A-labels (RFC 5890), as URL hosts already do.
 */
export function normalizeName(input: string): string {
  const name = input.trim().toLowerCase().replace(/\.$/, '');
  if (name === '') throw new InvalidNameError('The name is empty.');
  if (!/^[\x21-\x7e]+$/.test(name)) throw new InvalidNameError(`"${input}" has characters a DNS name cannot carry (use its punycode form).`);
  if (name.length > 253) throw new InvalidNameError(`"${input}" is longer than the 253 characters a DNS name may have.`);
  for (const label of name.split('.')) {
    if (label === '') throw new InvalidNameError(`"${input}" has an empty label.`);
    if (label.length > 63) throw new InvalidNameError(`"${input}" has a label longer than 63 characters.`);
  }
  return name;
}

/** Padding needed so that a message of `length` octets (option header included) fills whole blocks. */
export function paddingFor(length: number, block = QUERY_BLOCK): number {
  return (block - (length % block)) % block;
}

/**
 * The query for one name and type: id 0 so HTTP caches can share it (RFC 8484 §4.1), RD set, one EDNS(0) OPT
 * record (RFC 6891) whose only option is Padding (RFC 7830) sized so the whole message is a multiple of 128
 * octets counting the option's 4-octet header (RFC 8467 §4.1). No Client Subnet option: the resolver is then
 * not asked to pass the user's network on (RFC 7871 §7.1.2).
 */
export function buildQuery(name: string, type: RecordType): Uint8Array {
  const packet = (padding: number): Packet => ({
    type: 'query',
    id: 0,
    flags: RECURSION_DESIRED,
    questions: [{ type, name: normalizeName(name), class: 'IN' }],
    // The library encodes OPT from `options` although its types declare `data`; udpPayloadSize means nothing
    // over HTTPS, 1232 is the DNS Flag Day 2020 value.
    additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: 0, options: [{ code: 'PADDING', length: padding }] } as unknown as Answer],
  });
  const unpadded = encode(packet(0)).length;
  return encode(packet(paddingFor(unpadded)));
}

/**
 * Reads a DoH response body and checks it answers `name`/`type`. Never throws: any malformed input becomes
 * `{ ok: false }`, so a hostile or broken resolver cannot crash the caller.
 */
export function parseResponse(body: Uint8Array, name: string, type: RecordType): ParseResult {
  if (body.length < 12) return fail('unparsable', 'the answer is shorter than a DNS header');
  const decoded = decodeMessage(body);
  if ('error' in decoded) return fail('unparsable', decoded.error);
  try {
    return check(decoded.packet, normalizeName(name), type);
  } catch (error) {
    return fail('unparsable', `the DNS message is malformed (${error instanceof Error ? error.message : 'bad record'})`);
  }
}

function check(packet: Packet, qname: string, qtype: RecordType): ParseResult {
  if (packet.type !== 'response') return fail('unparsable', 'the message is a query, not a response');
  if (packet.opcode !== 'QUERY') return fail('unparsable', `the message has opcode ${String(packet.opcode)}, not QUERY`);
  if (packet.id !== 0) return fail('question-mismatch', `the answer has id ${String(packet.id)}, the query had id 0`);
  const questions = packet.questions ?? [];
  const question = questions[0];
  // RFC 4343: names compare case-insensitively (resolvers may echo 0x20-randomised case).
  if (questions.length !== 1 || !question || lower(question.name) !== qname || question.type !== qtype || (question.class ?? 'IN') !== 'IN') {
    const asked = question ? `${lower(question.name)} ${question.type}` : 'no question';
    return fail('question-mismatch', `the answer is for ${asked}, not ${qname} ${qtype}`);
  }
  // Over HTTPS there is no size limit, so a truncated answer is a broken server (RFC 8484 §4.1).
  if (packet.flag_tc) return fail('unparsable', 'the answer is marked truncated (TC)');
  // RFC 6891 §6.1.3: the OPT record carries the upper 8 bits of a 12-bit RCODE (BADVERS and others).
  const opt = (packet.additionals ?? []).find((r) => r.type === 'OPT') as { extendedRcode?: number } | undefined;
  if (opt?.extendedRcode) return fail('rcode', `the resolver declined to answer (extended RCODE ${opt.extendedRcode * 16 + rcodeNumber(packet)})`);
  const rcode = packet.rcode;
  if (rcode === 'SERVFAIL') return fail('server-failure', 'the resolver could not get an answer (SERVFAIL)');
  if (rcode !== 'NOERROR' && rcode !== 'NXDOMAIN') return fail('rcode', `the resolver declined to answer (${String(rcode)})`);
  return { ok: true, answer: readAnswer(packet, qname, qtype, rcode) };
}

/** Hops before a CNAME chain is declared a loop; resolvers stop well before (BIND: 16 restarts). */
const MAX_CHAIN = 16;

function readAnswer(packet: Packet, qname: string, qtype: RecordType, rcode: 'NOERROR' | 'NXDOMAIN'): DnsAnswer {
  const answers = packet.answers ?? [];
  const ttls: number[] = [];
  const cnameChain: string[] = [];
  // Follow the chain from the name asked for, only through records owned by the current name, so records
  // about unrelated names (stuffed into the answer) are never believed (RFC 5452 §6, "bailiwick").
  let current = qname;
  const seen = new Set([qname]);
  for (let hop = 0; hop < MAX_CHAIN; hop++) {
    const record = answers.find((r) => r.type === 'CNAME' && lower(r.name) === current);
    if (!record || typeof record.data !== 'string') break;
    const target = lower(record.data);
    ttls.push(recordTtl(record));
    if (seen.has(target)) break; // loop: keep the chain up to here, no addresses
    seen.add(target);
    cnameChain.push(target);
    current = target;
  }
  const addresses: string[] = [];
  for (const record of answers) {
    if (record.type !== qtype || lower(record.name) !== current) continue;
    if (typeof record.data !== 'string' || !isAddress(record.data, qtype)) throw new Error(`bad ${qtype} record`);
    ttls.push(recordTtl(record));
    if (!addresses.includes(record.data)) addresses.push(record.data);
  }
  if (rcode === 'NOERROR' && addresses.length > 0) return { rcode, addresses, cnameChain, ttl: Math.min(...ttls, MAX_CACHE_TTL) };
  // NXDOMAIN or NODATA: RFC 2308 §5, cache for min(SOA TTL, SOA MINIMUM); without an SOA, do not cache.
  ttls.push(negativeTtl(packet));
  return { rcode, addresses: [], cnameChain, ttl: Math.min(...ttls, MAX_CACHE_TTL) };
}

function negativeTtl(packet: Packet): number {
  const soa = (packet.authorities ?? []).find((r) => r.type === 'SOA');
  if (!soa || soa.type !== 'SOA') return 0;
  const minimum = clampTtl(soa.data.minimum);
  return Math.min(recordTtl(soa), minimum);
}

/** RFC 2181 §8: a TTL with the top bit set is to be treated as zero. */
function clampTtl(ttl: number | undefined): number {
  return typeof ttl === 'number' && Number.isInteger(ttl) && ttl >= 0 && ttl < 2 ** 31 ? ttl : 0;
}

function recordTtl(record: Answer): number {
  return clampTtl(record.ttl);
}

function lower(name: string): string {
  return String(name).toLowerCase().replace(/\.$/, '');
}

function isAddress(text: string, type: RecordType): boolean {
  if (type === 'A') return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text);
  return /^[0-9a-f:.]+$/i.test(text) && text.includes(':');
}

function rcodeNumber(packet: Packet): number {
  return (packet.flags ?? 0) & 0xf;
}

function fail(reason: FailureReason, message: string): ParseResult {
  return { ok: false, reason, message };
}
