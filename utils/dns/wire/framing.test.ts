import { encode, type Answer } from '@dnsquery/dns-packet';
import { describe, expect, it } from 'vitest';
import { encodeResponse, rr } from '../../../tests/support/fake-doh';
import { frame } from './framing';
import { parseResponse } from './dns-message';

const framingError = (message: Uint8Array) => {
  const framing = frame(message);
  return 'error' in framing ? framing.error : undefined;
};

const q = { name: 'www.example.com', type: 'A' as const };
const good = encodeResponse(q, { answers: [rr.a('www.example.com', '192.0.2.1')] });

describe('DNS message framing (RFC 1035 §4.1), and the wire library held to it', () => {
  it('a well-formed answer passes', () => {
    expect(framingError(good)).toBeUndefined();
    expect(parseResponse(good, q.name, 'A').ok).toBe(true);
  });

  it('an answer cut anywhere is reported as truncated, never accepted', () => {
    for (let cut = 12; cut < good.length; cut++) {
      const result = parseResponse(good.subarray(0, cut), q.name, 'A');
      expect(result.ok, `cut at ${cut}`).toBe(false);
      if (!result.ok) expect(result.message, `cut at ${cut}`).toMatch(/truncated|shorter/);
    }
  });

  it('an A record whose RDLENGTH claims 65535 bytes is refused (the library alone accepted it)', () => {
    const bad = good.slice();
    // RDLENGTH is the two bytes before the 4-byte address at the end.
    bad[bad.length - 6] = 0xff;
    bad[bad.length - 5] = 0xff;
    expect(framingError(bad)).toMatch(/RDLENGTH 65535/);
    expect(parseResponse(bad, q.name, 'A').ok).toBe(false);
  });

  it('stray bytes after the last record and a compression pointer outside the message are malformed', () => {
    expect(framingError(new Uint8Array([...good, 0]))).toMatch(/stray/);
    const pointer = good.slice();
    pointer[12] = 0xc0;
    pointer[13] = 0xff;
    expect(framingError(pointer)).toMatch(/bad name/);
  });

  // Hand-made messages: the wire library cannot write misframed records. The question, www.example.com, starts
  // at 12 (so "example.com" at 16); owners point to it. The library reads many types (A, AAAA, CNAME, SOA, OPT,
  // MX, PTR…) by their own layout, so RDATA that does not fill RDLENGTH exactly would have it read records the
  // framing does not see: the framing passes these, and the library's reading of some record differs from it.
  const label = (text: string) => [text.length, ...new TextEncoder().encode(text)];
  const u16 = (n: number) => [n >> 8, n & 0xff];
  const QNAME = [...label('www'), ...label('example'), ...label('com'), 0];
  const EXAMPLE_COM = [0xc0, 16];
  const record = (type: number, rdata: number[], rdlength = rdata.length, owner = [0xc0, 12]) =>
    [...owner, ...u16(type), 0, 1, 0, 0, 0, 60, ...u16(rdlength), ...rdata];
  const opt = (rdata: number[], rdlength = rdata.length) => [0, ...u16(41), ...u16(1232), 0, 0, 0, 0, ...u16(rdlength), ...rdata];
  const message = (qtype: number, [an, ns, ar]: number[], records: number[][], rcode = 0) =>
    Uint8Array.from([0, 0, 0x81, 0x80 | rcode, 0, 1, ...u16(an ?? 0), ...u16(ns ?? 0), ...u16(ar ?? 0), ...QNAME, ...u16(qtype), 0, 1, ...records.flat()]);
  const soa = (fields: number) => [...label('ns'), ...EXAMPLE_COM, ...label('hostmaster'), ...EXAMPLE_COM, ...new Array<number>(fields).fill(7)];
  const refused = (bytes: Uint8Array, type: 'A' | 'AAAA', why: string) => {
    expect(framingError(bytes)).toBeUndefined();
    expect(parseResponse(bytes, 'www.example.com', type)).toEqual({ ok: false, reason: 'unparsable', message: `the DNS message is malformed (${why})` });
  };

  it('an A with RDLENGTH 16 hiding a record in its last 12 octets is refused (the library alone accepted 192.0.2.1)', () => {
    // The library reads 4 octets of address, then c0 0c ff 00 … as the header of a type-0xff00 record whose
    // RDLENGTH of 16 swallows the second A; the framing sees the first A's RDATA as 16 octets.
    const hidden = [...record(0xff00, [], 16)];
    const bytes = message(1, [2, 0, 0], [record(1, [192, 0, 2, 1, ...hidden]), record(1, [203, 0, 113, 9])]);
    refused(bytes, 'A', 'answer 1, A at 33, has RDLENGTH 16 but its RDATA read as A is 4 octets; the other 12 would be read as records');
  });

  it('an MX with RDLENGTH 32 carrying an A record and a header that swallows two TXT records is refused', () => {
    // The framing sees three answers: the MX, then two TXT. The library reads the MX's 4 octets (preference,
    // exchange example.com), an A for 192.0.2.66, then a type-0xff00 record whose RDLENGTH covers both TXT;
    // it accepted 192.0.2.66 until each record had to end where its RDLENGTH says (RFC 1035 §4.1.3).
    const txt = record(16, label('abc'));
    const mx = record(15, [0, 10, ...EXAMPLE_COM, ...record(1, [192, 0, 2, 66]), ...record(0xff00, [], 2 * txt.length)]);
    refused(message(1, [3, 0, 0], [mx, txt, txt]), 'A', 'answer 1, MX at 33, has RDLENGTH 32 but its RDATA read as MX is 4 octets; the other 28 would be read as records');
  });

  it('a last record whose layout runs off the end of the message is named', () => {
    const last = (type: number, rdata: number[]) => message(1, [2, 0, 0], [record(1, [192, 0, 2, 1]), record(type, rdata)]);
    refused(last(13, []), 'A', 'answer 2, HINFO at 49, has RDLENGTH 0 but its RDATA read as HINFO runs past the end of the message');
    refused(last(15, [0, 10, 3]), 'A', 'answer 2, type 15 at 49, cannot be decoded (Cannot decode name (buffer overflow))');
  });

  it('an AAAA with RDLENGTH 4 is refused', () => {
    refused(message(28, [1, 0, 0], [record(28, [192, 0, 2, 1])]), 'AAAA', 'answer 1, AAAA at 33, has RDLENGTH 4 but its RDATA read as AAAA is 16 octets, running 12 past the record\'s end');
  });

  it('a CNAME whose name ends before or after RDLENGTH is refused', () => {
    const target = [...label('cdn'), ...EXAMPLE_COM]; // cdn.example.com, 6 octets
    refused(message(1, [1, 0, 0], [record(5, [...target, 0, 0])]), 'A', 'answer 1, CNAME at 33, has RDLENGTH 8 but its RDATA read as CNAME is 6 octets; the other 2 would be read as records');
    // RDLENGTH 4 ends before the pointer, which the framing reads as the owner of a second record, an A.
    const overrun = record(5, [...target, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 9], 4);
    refused(message(1, [2, 0, 0], [overrun]), 'A', 'answer 1, CNAME at 33, has RDLENGTH 4 but its RDATA read as CNAME is 6 octets, running 2 past the record\'s end');
  });

  it('an SOA with 19 or 21 octets after its names is refused, with 20 it is read', () => {
    const nx = (fields: number) => message(1, [0, 1, 0], [record(6, soa(fields), undefined, EXAMPLE_COM)], 3);
    refused(nx(19), 'A', 'authority record 1, SOA at 33, has RDLENGTH 37 but its RDATA read as SOA is 38 octets, running 1 past the record\'s end');
    refused(nx(21), 'A', 'authority record 1, SOA at 33, has RDLENGTH 39 but its RDATA read as SOA is 38 octets; the other 1 would be read as records');
    expect(framingError(nx(20))).toBeUndefined();
    expect(parseResponse(nx(20), 'www.example.com', 'A')).toMatchObject({ ok: true, answer: { rcode: 'NXDOMAIN' } });
  });

  it('an OPT whose options do not tile RDLENGTH is refused', () => {
    const padding = (length: number, present = length) => [...u16(12), ...u16(length), ...new Array<number>(present).fill(0)];
    const withOpt = (rdata: number[], rdlength?: number) => message(1, [1, 0, 1], [record(1, [192, 0, 2, 1]), opt(rdata, rdlength)]);
    refused(withOpt(padding(8, 4)), 'A', 'additional record 1, OPT at 49, has RDLENGTH 8 but its RDATA read as OPT is 12 octets, running 4 past the record\'s end');
    refused(withOpt([...padding(2), 0, 12, 0]), 'A', 'additional record 1, OPT at 49, has RDLENGTH 9 but its RDATA read as OPT is 10 octets, running 1 past the record\'s end');
    expect(framingError(withOpt([]))).toBeUndefined();
    expect(parseResponse(withOpt([...padding(2), ...padding(0)]), 'www.example.com', 'A').ok).toBe(true);
  });

  it('well-formed answers with compression pointers in owners and RDATA still pass', () => {
    // www.example.com CNAME cdn.example.com (the target's suffix a pointer), whose A owner points into that RDATA.
    const cname = record(5, [...label('cdn'), ...EXAMPLE_COM]);
    const bytes = message(1, [2, 1, 1], [cname, record(1, [192, 0, 2, 7], undefined, [0xc0, 45]), record(6, soa(20), undefined, EXAMPLE_COM), opt([])]);
    expect(bytes.slice(45, 49)).toEqual(Uint8Array.from(label('cdn')));
    expect(framingError(bytes)).toBeUndefined();
    expect(parseResponse(bytes, 'www.example.com', 'A')).toMatchObject({ ok: true, answer: { addresses: ['192.0.2.7'], cnameChain: ['cdn.example.com'] } });
    const encoded = encodeResponse(q, { answers: [rr.cname('www.example.com', 'cdn.example.com'), rr.a('cdn.example.com', '192.0.2.7')], authorities: [rr.soa('example.com', 60, 30)] });
    expect(framingError(encoded)).toBeUndefined();
    const aaaa = encodeResponse({ name: 'www.example.com', type: 'AAAA' }, { answers: [rr.aaaa('www.example.com', '2001:db8::1')] });
    expect(parseResponse(aaaa, 'www.example.com', 'AAAA').ok).toBe(true);
  });

  it('answers written by the library with records of every type it decodes, in every section, still parse', () => {
    const at = { name: 'example.com', ttl: 60 };
    const others = [
      { ...at, type: 'NS', data: 'ns1.example.com' },
      { ...at, type: 'MX', data: { preference: 10, exchange: 'mx.example.com' } },
      { ...at, type: 'TXT', data: ['v=spf1 -all', 'x'] },
      { ...at, type: 'HINFO', data: { cpu: 'x86', os: 'linux' } },
      { ...at, type: 'RP', data: { mbox: 'admin.example.com', txt: 'info.example.com' } },
      { ...at, type: 'SSHFP', data: { algorithm: 4, hash: 2, fingerprint: 'ab'.repeat(32) } },
      { ...at, type: 'SRV', data: { priority: 1, weight: 5, port: 443, target: 'svc.example.com' } },
      { ...at, type: 'CAA', data: { flags: 0, tag: 'issue', value: 'ca.example.net' } },
      { ...at, type: 'DS', data: { keyTag: 1, algorithm: 13, digestType: 2, digest: new Uint8Array(32) } },
      { ...at, type: 'DNSKEY', data: { flags: 257, algorithm: 13, key: new Uint8Array(64) } },
      { ...at, type: 'RRSIG', data: { typeCovered: 'A', algorithm: 13, labels: 3, originalTTL: 60, expiration: 2, inception: 1, keyTag: 1, signersName: 'example.com', signature: new Uint8Array(64) } },
      { ...at, type: 'NSEC', data: { nextDomain: 'z.example.com', rrtypes: ['A', 'MX', 'RRSIG', 'NSEC'] } },
      { ...at, type: 'NSEC3', data: { algorithm: 1, flags: 0, iterations: 0, salt: Uint8Array.of(1, 2), nextDomain: new Uint8Array(20), rrtypes: ['A', 'RRSIG'] } },
      { ...at, type: 'PTR', data: 'www.example.com' },
      { ...at, type: 'DNAME', data: 'example.net' },
      { ...at, type: 'NULL', data: Uint8Array.of(1, 2, 3) },
    ] as Answer[];
    const ednsOpt = { type: 'OPT', name: '.', udpPayloadSize: 1232, options: [{ code: 'PADDING', length: 17 }] } as unknown as Answer;
    const bytes = encode({
      type: 'response', id: 0, flags: 0x8180, questions: [{ name: 'www.example.com', type: 'A', class: 'IN' }],
      answers: [rr.cname('www.example.com', 'cdn.example.com', 60), ...others, rr.a('cdn.example.com', '192.0.2.7', 60)],
      authorities: [rr.soa('example.com', 60, 30), ...others],
      additionals: [...others, ednsOpt],
    });
    expect(parseResponse(bytes, 'www.example.com', 'A')).toEqual({ ok: true, answer: { rcode: 'NOERROR', addresses: ['192.0.2.7'], cnameChain: ['cdn.example.com'], ttl: 60 } });
  });
});
