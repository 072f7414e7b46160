import { decode, encode, RECURSION_DESIRED, type Answer } from '@dnsquery/dns-packet';
import { describe, expect, it } from 'vitest';
import { InvalidNameError } from './errors';
import { encodeResponse, rr } from '../../../tests/support/fake-doh';
import { base64url, buildQuery, fromBase64url, MAX_CACHE_TTL, normalizeName, paddingFor, parseResponse } from './dns-message';

/** A name whose dotted form is exactly `length` characters (labels of at most 63). */
function nameOfLength(length: number): string {
  const labels: string[] = [];
  let left = length;
  while (left > 0) {
    const size = Math.min(63, left === 65 ? 62 : left); // never leave a 1-char remainder after the dot
    labels.push('a'.repeat(size));
    left -= size + 1;
  }
  return labels.join('.');
}

function optionsOf(query: Uint8Array) {
  const opt = decode(query).additionals?.find((r) => r.type === 'OPT') as unknown as { options: { code: number; data: Uint8Array }[] };
  return opt.options;
}

describe('buildQuery', () => {
  // Unpadded size with the 4-byte padding option header = 12 header + (len+2) name + 4 + 11 OPT + 4 = len + 33.
  it.each([
    [94, 127, 128],
    [95, 128, 128],
    [96, 129, 256],
  ])('a name of %i chars (unpadded %i bytes incl. option header) pads to %i bytes', (length, unpadded, padded) => {
    const name = nameOfLength(length);
    expect(name.length).toBe(length);
    const query = buildQuery(name, 'A');
    expect(query.length).toBe(padded);
    expect(optionsOf(query)[0]?.data.length).toBe(padded - unpadded);
  });

  it('pads every name length from 1 to 253, A and AAAA, to a multiple of 128 bytes', () => {
    for (let length = 1; length <= 253; length++) {
      if (length === 64) continue; // nameOfLength cannot build 64 (63 + dot + nothing)
      for (const type of ['A', 'AAAA'] as const) expect(buildQuery(nameOfLength(length), type).length % 128).toBe(0);
    }
  });

  it('sends id 0, RD, one IN question lower-cased, and a single OPT with only the padding option (no client subnet)', () => {
    const packet = decode(buildQuery('WWW.Example.COM.', 'AAAA'));
    expect(packet.id).toBe(0);
    expect(packet.flag_rd).toBe(true);
    expect(packet.questions).toEqual([{ name: 'www.example.com', type: 'AAAA', class: 'IN' }]);
    expect(packet.additionals).toHaveLength(1);
    const options = optionsOf(buildQuery('www.example.com', 'AAAA'));
    expect(options.map((o) => o.code)).toEqual([12]);
    expect([...(options[0]?.data ?? [])].every((b) => b === 0)).toBe(true);
  });

  it('computes padding so that length + padding is a whole number of blocks', () => {
    expect([paddingFor(127), paddingFor(128), paddingFor(129), paddingFor(1)]).toEqual([1, 0, 127, 127]);
  });
});

describe('normalizeName', () => {
  it('rejects empty, over-long, empty-label, long-label and non-ASCII names with InvalidNameError', () => {
    for (const bad of ['', '.', 'a'.repeat(254), 'a..b', `${'x'.repeat(64)}.com`, 'bücher.de', 'has space.com']) {
      expect(() => normalizeName(bad), bad).toThrow(InvalidNameError);
    }
    expect(normalizeName(' Example.COM. ')).toBe('example.com');
  });
});

describe('base64url', () => {
  it('never contains "=", "+" or "/" for 2000 random byte strings of every length mod 3, and round-trips', () => {
    const bad: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const bytes = Uint8Array.from({ length: i % 300 }, () => Math.floor(Math.random() * 256));
      const text = base64url(bytes);
      if (/[=+/]/.test(text) || fromBase64url(text).join() !== bytes.join()) bad.push(text);
    }
    expect(bad).toEqual([]);
  });

  it('encodes bytes 0xfb 0xff (which plain base64 writes as "+/8=") as "-_8"', () => {
    expect(base64url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });
});

const q = { name: 'www.example.com', type: 'A' as const };
const parse = (reply: Parameters<typeof encodeResponse>[1], name = 'www.example.com', type: 'A' | 'AAAA' = 'A') =>
  parseResponse(encodeResponse({ name, type }, reply), name, type);

describe('parseResponse', () => {
  it('follows a CNAME chain of three hops and takes the minimum TTL of every record used', () => {
    const result = parse({
      answers: [
        rr.cname('www.example.com', 'shop.example.net', 600),
        rr.cname('shop.example.net', 'edge.cdn.test', 120),
        rr.cname('edge.cdn.test', 'node7.cdn.test', 900),
        rr.a('node7.cdn.test', '192.0.2.7', 60),
        rr.a('node7.cdn.test', '192.0.2.8', 3000),
      ],
    });
    expect(result).toEqual({
      ok: true,
      answer: { rcode: 'NOERROR', cnameChain: ['shop.example.net', 'edge.cdn.test', 'node7.cdn.test'], addresses: ['192.0.2.7', '192.0.2.8'], ttl: 60 },
    });
  });

  it('reads AAAA answers', () => {
    const result = parse({ answers: [rr.aaaa('www.example.com', '2001:db8::1', 50)] }, 'www.example.com', 'AAAA');
    expect(result.ok && result.answer.addresses).toEqual(['2001:db8::1']);
  });

  it('ignores address records for names outside the chain (stuffed answers)', () => {
    const result = parse({ answers: [rr.a('evil.test', '203.0.113.66', 9999), rr.a('www.example.com', '192.0.2.1', 30)] });
    expect(result.ok && result.answer).toMatchObject({ addresses: ['192.0.2.1'], ttl: 30 });
  });

  it('treats NXDOMAIN with an SOA as an answer cached for min(SOA TTL, SOA MINIMUM) (RFC 2308)', () => {
    expect(parse({ rcode: 'NXDOMAIN', authorities: [rr.soa('example.com', 900, 300)] })).toEqual({
      ok: true,
      answer: { rcode: 'NXDOMAIN', addresses: [], cnameChain: [], ttl: 300 },
    });
    expect(parse({ rcode: 'NXDOMAIN', authorities: [rr.soa('example.com', 100, 300)] })).toMatchObject({ answer: { ttl: 100 } });
  });

  it('does not cache NXDOMAIN without an SOA (ttl 0) and caps an NXDOMAIN after a CNAME by the CNAME TTL', () => {
    expect(parse({ rcode: 'NXDOMAIN' })).toMatchObject({ ok: true, answer: { ttl: 0 } });
    const result = parse({ rcode: 'NXDOMAIN', answers: [rr.cname('www.example.com', 'gone.test', 30)], authorities: [rr.soa('test', 900, 900)] });
    expect(result).toMatchObject({ ok: true, answer: { rcode: 'NXDOMAIN', cnameChain: ['gone.test'], ttl: 30 } });
  });

  it('treats NOERROR with no address (NODATA) as a negative answer with the SOA TTL', () => {
    expect(parse({ authorities: [rr.soa('example.com', 3600, 120)] })).toMatchObject({ ok: true, answer: { rcode: 'NOERROR', addresses: [], ttl: 120 } });
  });

  it('reports SERVFAIL as server-failure and REFUSED as rcode', () => {
    expect(parse({ rcode: 'SERVFAIL' })).toMatchObject({ ok: false, reason: 'server-failure' });
    expect(parse({ rcode: 'REFUSED' })).toMatchObject({ ok: false, reason: 'rcode', message: expect.stringContaining('REFUSED') });
  });

  it('reports an EDNS extended RCODE (BADVERS = 16, RFC 6891) as rcode, not as NOERROR', () => {
    const message = encode({
      type: 'response', id: 0, flags: RECURSION_DESIRED, questions: [q],
      additionals: [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 1, options: [] } as unknown as Answer],
    });
    expect(parseResponse(message, q.name, 'A')).toMatchObject({ ok: false, reason: 'rcode', message: expect.stringContaining('16') });
  });

  it('reports a question for another name or another type as question-mismatch', () => {
    expect(parse({ question: { name: 'other.example', type: 'A' } })).toMatchObject({ ok: false, reason: 'question-mismatch' });
    expect(parse({ question: { name: 'www.example.com', type: 'AAAA' } })).toMatchObject({ ok: false, reason: 'question-mismatch' });
  });

  it('accepts a question echoed in mixed case (0x20 randomisation, RFC 4343)', () => {
    expect(parse({ question: { name: 'wWw.ExAmple.cOm', type: 'A' }, answers: [rr.a('WWW.example.com', '192.0.2.1')] })).toMatchObject({ ok: true });
  });

  it('rejects garbage, a truncated body, stray trailing bytes, a query and a non-zero id as unparsable/mismatch', () => {
    const good = encodeResponse(q, { answers: [rr.a('www.example.com', '192.0.2.1')] });
    expect(parseResponse(Uint8Array.of(1, 2, 3), q.name, 'A')).toMatchObject({ ok: false, reason: 'unparsable' });
    expect(parseResponse(good.subarray(0, good.length - 2), q.name, 'A')).toMatchObject({ ok: false, reason: 'unparsable' });
    expect(parseResponse(Uint8Array.of(...good, 0, 0), q.name, 'A')).toMatchObject({ ok: false, reason: 'unparsable', message: expect.stringContaining('stray') });
    expect(parseResponse(buildQuery(q.name, 'A'), q.name, 'A')).toMatchObject({ ok: false, reason: 'unparsable' });
    const withId = encode({ type: 'response', id: 7, flags: RECURSION_DESIRED, questions: [q] });
    expect(parseResponse(withId, q.name, 'A')).toMatchObject({ ok: false, reason: 'question-mismatch' });
  });

  it('stops at a CNAME loop with no addresses instead of hanging', () => {
    const result = parse({ answers: [rr.cname('www.example.com', 'b.test', 60), rr.cname('b.test', 'www.example.com', 60)] });
    expect(result).toMatchObject({ ok: true, answer: { cnameChain: ['b.test'], addresses: [], ttl: 0 } });
  });

  it('treats a TTL with the top bit set as 0 (RFC 2181 §8) and caps long TTLs at MAX_CACHE_TTL', () => {
    expect(parse({ answers: [rr.a('www.example.com', '192.0.2.1', 2 ** 31 + 5)] })).toMatchObject({ answer: { ttl: 0 } });
    expect(parse({ answers: [rr.a('www.example.com', '192.0.2.1', 10 * MAX_CACHE_TTL)] })).toMatchObject({ answer: { ttl: MAX_CACHE_TTL } });
  });

  it('returns { ok: false } and never throws for 20 000 random and byte-mutated inputs', () => {
    const seeds: Uint8Array[] = [
      encodeResponse(q, { answers: [rr.cname('www.example.com', 'x.test'), rr.a('x.test', '192.0.2.1')] }),
      encodeResponse(q, { rcode: 'NXDOMAIN', authorities: [rr.soa('example.com', 60, 60)] as Answer[] }),
    ];
    let answered = 0;
    for (let i = 0; i < 20_000; i++) {
      let input: Uint8Array;
      if (i % 4 === 0) input = Uint8Array.from({ length: Math.floor(Math.random() * 80) }, () => Math.floor(Math.random() * 256));
      else {
        input = Uint8Array.from(seeds[i % 2] ?? []);
        for (let m = 0; m < 1 + (i % 5); m++) input[Math.floor(Math.random() * input.length)] = Math.floor(Math.random() * 256);
        if (i % 7 === 0) input = input.subarray(0, Math.floor(Math.random() * input.length));
      }
      const result = parseResponse(input, q.name, 'A');
      if (result.ok) answered++;
      else expect(typeof result.message).toBe('string');
    }
    expect(answered).toBeLessThan(20_000);
  });
});
