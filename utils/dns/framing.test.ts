import { describe, expect, it } from 'vitest';
import { encodeResponse, rr } from './fake-doh';
import { framingError } from './framing';
import { parseResponse } from './wire';

const q = { name: 'www.example.com', type: 'A' as const };
const good = encodeResponse(q, { answers: [rr.a('www.example.com', '192.0.2.1')] });

describe('DNS message framing (RFC 1035 §4.1), checked before the wire library decodes', () => {
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
  // at 12 (so "example.com" at 16); owners point to it. The library reads A, AAAA, CNAME, SOA and OPT by their
  // own layout, so RDATA that does not fill RDLENGTH exactly would have it read records the framing does not see.
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
  const refused = (bytes: Uint8Array, type: 'A' | 'AAAA', why: RegExp) => {
    expect(framingError(bytes)).toMatch(why);
    const result = parseResponse(bytes, 'www.example.com', type);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^the DNS message is malformed \(.+\)$/);
  };

  it('an A with RDLENGTH 16 hiding a record in its last 12 octets is refused (the library alone accepted 192.0.2.1)', () => {
    // The library reads 4 octets of address, then c0 0c ff 00 … as the header of a type-0xff00 record whose
    // RDLENGTH of 16 swallows the second A; the framing sees the first A's RDATA as 16 octets.
    const hidden = [...record(0xff00, [], 16)];
    const bytes = message(1, [2, 0, 0], [record(1, [192, 0, 2, 1, ...hidden]), record(1, [203, 0, 113, 9])]);
    refused(bytes, 'A', /^answer 1, A at 33, has RDLENGTH 16; an IPv4 address is 4 octets$/);
  });

  it('an AAAA with RDLENGTH 4 is refused', () => {
    refused(message(28, [1, 0, 0], [record(28, [192, 0, 2, 1])]), 'AAAA', /^answer 1, AAAA at 33, has RDLENGTH 4; an IPv6 address is 16 octets$/);
  });

  it('a CNAME whose name ends before or after RDLENGTH is refused', () => {
    const target = [...label('cdn'), ...EXAMPLE_COM]; // cdn.example.com, 6 octets
    refused(message(1, [1, 0, 0], [record(5, [...target, 0, 0])]), 'A', /^answer 1, CNAME at 33, has 2 octets after its name, inside its RDLENGTH of 8$/);
    // RDLENGTH 4 ends inside the pointer; the 2 octets left would be the start of the next record.
    refused(message(1, [1, 0, 0], [record(5, target, 4)]), 'A', /^answer 1, CNAME at 33, has a name running over its RDLENGTH of 4$/);
  });

  it('an SOA with 19 or 21 octets after its names is refused, with 20 it is read', () => {
    const nx = (fields: number) => message(1, [0, 1, 0], [record(6, soa(fields), undefined, EXAMPLE_COM)], 3);
    refused(nx(19), 'A', /^authority record 1, SOA at 33, has 19 octets after its names where its RDLENGTH of 37 should leave 20$/);
    refused(nx(21), 'A', /^authority record 1, SOA at 33, has 21 octets after its names where its RDLENGTH of 39 should leave 20$/);
    expect(framingError(nx(20))).toBeUndefined();
    expect(parseResponse(nx(20), 'www.example.com', 'A')).toMatchObject({ ok: true, answer: { rcode: 'NXDOMAIN' } });
  });

  it('an OPT whose options do not tile RDLENGTH is refused', () => {
    const padding = (length: number, present = length) => [...u16(12), ...u16(length), ...new Array<number>(present).fill(0)];
    const withOpt = (rdata: number[], rdlength?: number) => message(1, [1, 0, 1], [record(1, [192, 0, 2, 1]), opt(rdata, rdlength)]);
    refused(withOpt(padding(8, 4)), 'A', /^additional record 1, OPT at 49, has option 1 running over its RDLENGTH of 8$/);
    refused(withOpt([...padding(2), 0, 12, 0]), 'A', /^additional record 1, OPT at 49, has 3 octets after its options, too few for another option$/);
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
});
