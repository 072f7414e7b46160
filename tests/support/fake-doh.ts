/**
 * Test support: a fake `fetch` that plays one or more DoH resolvers and answers with real wire-format messages
 * built by @dnsquery/dns-packet, so the client's parsing is exercised exactly as against a real server. Used by
 * the unit tests; shipped code never imports it.
 */
import { decode, encode, RECURSION_AVAILABLE, RECURSION_DESIRED, type Answer, type Packet, type Question } from '@dnsquery/dns-packet';
import type { FetchLike } from '../../utils/dns/pool/doh-client';
import { fromBase64url } from '../../utils/dns/wire/dns-message';

export interface SeenQuery {
  url: string;
  /** Host of the URL: which resolver was asked. */
  host: string;
  method: string;
  init: RequestInit;
  /** The query as the server decoded it. */
  query: Packet;
  name: string;
  type: string;
}

export interface Reply {
  answers?: Answer[];
  authorities?: Answer[];
  rcode?: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  /** Question to echo instead of the one asked. */
  question?: Question;
  status?: number;
  contentType?: string;
  /** Raw body instead of an encoded message. */
  body?: Uint8Array;
  headers?: Record<string, string>;
  /** Never answer; rejects with AbortError when the request is aborted, unless `ignoreAbort`. */
  hang?: boolean;
  ignoreAbort?: boolean;
  /** Fail at the network level. */
  networkError?: boolean;
}

const RCODES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

/** Encodes a response to `question` as a DoH server would. */
export function encodeResponse(question: Question, reply: Reply = {}): Uint8Array {
  return encode({
    type: 'response',
    id: 0,
    flags: RECURSION_DESIRED | RECURSION_AVAILABLE | RCODES[reply.rcode ?? 'NOERROR'],
    questions: [reply.question ?? question],
    answers: reply.answers ?? [],
    authorities: reply.authorities ?? [],
  });
}

export function fakeDoh(answer: (seen: SeenQuery) => Reply | Promise<Reply>): FetchLike & { calls: SeenQuery[] } {
  const calls: SeenQuery[] = [];
  const fetchFn = async (url: string, init: RequestInit): Promise<Response> => {
    const parsed = new URL(url);
    const method = init.method ?? 'GET';
    const wire = method === 'POST' ? new Uint8Array(init.body as Uint8Array) : fromBase64url(parsed.searchParams.get('dns') ?? '');
    const query = decode(wire);
    const question = query.questions?.[0] ?? { name: '', type: 'A' };
    const seen: SeenQuery = { url, host: parsed.host, method, init, query, name: question.name, type: question.type };
    calls.push(seen);
    const reply = await answer(seen);
    if (reply.networkError) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    if (reply.hang) {
      return new Promise<Response>((_, reject) => {
        if (!reply.ignoreAbort) init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const body = reply.body ?? encodeResponse(question, reply);
    return new Response(body as BodyInit, {
      status: reply.status ?? 200,
      headers: { 'content-type': reply.contentType ?? 'application/dns-message', ...reply.headers },
    });
  };
  return Object.assign(fetchFn, { calls });
}

/** Record builders, to keep tests short. */
export const rr = {
  a: (name: string, data: string, ttl = 300): Answer => ({ type: 'A', name, data, ttl }),
  aaaa: (name: string, data: string, ttl = 300): Answer => ({ type: 'AAAA', name, data, ttl }),
  cname: (name: string, data: string, ttl = 300): Answer => ({ type: 'CNAME', name, data, ttl }),
  soa: (zone: string, ttl: number, minimum: number): Answer => ({
    type: 'SOA',
    name: zone,
    ttl,
    data: { mname: `ns.${zone}`, rname: `hostmaster.${zone}`, serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum },
  }),
};
