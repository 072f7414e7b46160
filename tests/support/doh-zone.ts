import { RECURSION_AVAILABLE, type Answer, type Packet, type Question } from '@dnsquery/dns-packet';
import { registrableDomain } from '../../utils/site/registrable-domain';

/**
 * The data a test DoH server answers from, and the answering itself: what a recursive resolver would return
 * for A/AAAA queries, CNAME chains followed within the zone, NXDOMAIN and NODATA with an SOA (RFC 2308), so
 * the client's negative caching is exercised too.
 */
export interface ZoneRecord {
  /** Owner name; `*.example.test` matches any name below example.test (not example.test itself). */
  name: string;
  type: 'A' | 'AAAA' | 'CNAME';
  data: string;
  ttl?: number;
}

export interface ZoneAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: Answer[];
  authorities: Answer[];
}

/** RFC 1034 §4.3.2 step 3: resolvers stop following a chain after a few hops; loops must end. */
const MAX_HOPS = 16;

export function answerFromZone(zone: readonly ZoneRecord[], question: Question, negativeTtl: number): ZoneAnswer {
  const answers: Answer[] = [];
  let current = lower(question.name);
  const seen = new Set([current]);
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const alias = recordsAt(zone, current).find((r) => r.type === 'CNAME');
    if (!alias || question.type === 'CNAME') break;
    answers.push(toAnswer(alias, current));
    current = lower(alias.data);
    if (seen.has(current)) return { rcode: 'NOERROR', answers, authorities: [] };
    seen.add(current);
  }
  const here = recordsAt(zone, current);
  for (const record of here) if (record.type === question.type) answers.push(toAnswer(record, current));
  if (answers.some((a) => a.type === question.type)) return { rcode: 'NOERROR', answers, authorities: [] };
  // RFC 6604: the RCODE is about the last name of the chain; NODATA when that name exists with other types.
  return { rcode: here.length > 0 ? 'NOERROR' : 'NXDOMAIN', answers, authorities: [soaFor(current, negativeTtl)] };
}

/** A full response message as a resolver sends it: id and RD copied, RA set, OPT echoed if the query had one. */
export function responsePacket(query: Packet, question: Question, answer: ZoneAnswer): Packet {
  const rcodes = { NOERROR: 0, NXDOMAIN: 3 } as const;
  const hadOpt = (query.additionals ?? []).some((r) => r.type === 'OPT');
  return {
    type: 'response',
    id: query.id ?? 0,
    flags: ((query.flags ?? 0) & 0x0100) | RECURSION_AVAILABLE | rcodes[answer.rcode],
    questions: [question],
    answers: answer.answers,
    authorities: answer.authorities,
    additionals: hadOpt ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, flags: 0, options: [] } as unknown as Answer] : [],
  };
}

/** Google's JSON API shape (what dns-over-http-resolver reads), for running that library as a peer. */
export function jsonAnswer(name: string, type: 'A' | 'AAAA', answer: ZoneAnswer): object {
  const types: Record<string, number> = { A: 1, AAAA: 28, CNAME: 5, SOA: 6 };
  const rows = (list: Answer[]) => list.map((a) => ({ name: a.name, type: types[a.type] ?? 0, TTL: a.ttl ?? 0, data: typeof a.data === 'string' ? a.data : '' }));
  return {
    Status: answer.rcode === 'NOERROR' ? 0 : 3,
    TC: false, RD: true, RA: true, AD: false, CD: false,
    Question: [{ name, type: types[type] }],
    Answer: rows(answer.answers),
    ...(answer.authorities.length ? { Authority: rows(answer.authorities) } : {}),
  };
}

function recordsAt(zone: readonly ZoneRecord[], name: string): ZoneRecord[] {
  const exact = zone.filter((r) => lower(r.name) === name);
  if (exact.length > 0) return exact;
  // RFC 4592, simplified: the closest wildcard above the name (a test zone has no empty non-terminals).
  const labels = name.split('.');
  for (let i = 1; i < labels.length; i++) {
    const wildcard = `*.${labels.slice(i).join('.')}`;
    const matches = zone.filter((r) => lower(r.name) === wildcard);
    if (matches.length > 0) return matches;
  }
  return [];
}

function toAnswer(record: ZoneRecord, owner: string): Answer {
  return { name: owner, type: record.type, ttl: record.ttl ?? 300, data: record.data } as Answer;
}

function soaFor(name: string, ttl: number): Answer {
  const zone = registrableDomain(name);
  return {
    name: zone,
    type: 'SOA',
    ttl,
    data: { mname: `ns.${zone}`, rname: `hostmaster.${zone}`, serial: 1, refresh: 3600, retry: 600, expire: 86_400, minimum: ttl },
  };
}

function lower(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}
