/**
 * The fuzzer's framing oracle, written from the RFCs apart from the parser's own check (utils/dns/wire/framing.ts),
 * so that "accepted although misframed" does not ask the code under test. A message is well framed when:
 * - RFC 1035 §4.1.1: it has a 12-octet header, followed by QDCOUNT questions and ANCOUNT + NSCOUNT + ARCOUNT records;
 * - §4.1.2: a question is a name, QTYPE and QCLASS (4 octets);
 * - §4.1.3: a record is a name, TYPE, CLASS, TTL, RDLENGTH (10 octets) and RDLENGTH octets of RDATA;
 * - §4.1.4: a name is labels of 0-63 octets ending with the empty label or with a pointer to a prior octet;
 *   followed through its pointers, it stays inside the message (a pointer to a prior octet cannot loop);
 * - the records end where the message ends (a DoH body is one message, RFC 8484 §4.2.1);
 * - RDATA is exactly what RDLENGTH says (§4.1.3) for the types whose RDATA a decoder may read by layout (LAYOUTS
 *   below: A, AAAA, CNAME, SOA, OPT, which the parser reads, and MX, PTR, DNAME, RP, HINFO, TXT, SSHFP and the
 *   DNSSEC types, where a misread would shift the records after them).
 * The walk is written for clarity, not speed: it only judges inputs the parser accepted, and slow ones.
 */
export function referenceFramingError(message: Uint8Array): string | undefined {
  const u16 = (at: number) => (message[at] ?? 0) * 256 + (message[at + 1] ?? 0);
  if (message.length < 12) return 'no complete header';
  let at = 12;
  for (let i = 0; i < u16(4); i++) {
    const end = nameEnd(message, at);
    if (typeof end === 'string') return `question ${i}: ${end}`;
    at = end + 4;
    if (at > message.length) return `question ${i}: QTYPE/QCLASS past the end`;
  }
  const records = u16(6) + u16(8) + u16(10);
  for (let i = 0; i < records; i++) {
    const end = nameEnd(message, at);
    if (typeof end === 'string') return `record ${i}: ${end}`;
    if (end + 10 > message.length) return `record ${i}: TYPE to RDLENGTH past the end`;
    const type = u16(end);
    const rdlength = u16(end + 8);
    const rdata = end + 10;
    at = rdata + rdlength;
    if (at > message.length) return `record ${i}: RDLENGTH ${rdlength} past the end`;
    const wrong = rdataError(message, type, rdata, at);
    if (wrong) return `record ${i}: ${wrong}`;
  }
  return at === message.length ? undefined : `${message.length - at} octets after the last record`;
}

/**
 * RDATA layouts, field by field, of the types whose RDATA a decoder may read by layout rather than by RDLENGTH:
 * a number is that many octets; 'name' a domain name (§4.1.4); 'string' a character-string (a length octet and
 * that many octets, §3.3); 'strings' character-strings to the end; 'options' EDNS options to the end (RFC 6891
 * §6.1.2: code, length, data); 'bitmap' NSEC type-bitmap window blocks to the end (RFC 4034 §4.1.2: window,
 * length, bitmap); 'rest' any octets to the end; 'fingerprint' an SSHFP fingerprint type and a fingerprint as long
 * as that type's digest (any length for an unknown type). Other types (NS, SRV, CAA, …) are not judged inside.
 */
const LAYOUTS: Record<number, [string, Field[]]> = {
  1: ['A', [4]], // RFC 1035 §3.4.1
  5: ['CNAME', ['name']], // §3.3.1
  6: ['SOA', ['name', 'name', 20]], // §3.3.13
  12: ['PTR', ['name']], // §3.3.12
  13: ['HINFO', ['string', 'string']], // §3.3.2
  15: ['MX', [2, 'name']], // §3.3.9
  16: ['TXT', ['strings']], // §3.3.14
  17: ['RP', ['name', 'name']], // RFC 1183 §2.2
  28: ['AAAA', [16]], // RFC 3596 §2.2
  39: ['DNAME', ['name']], // RFC 6672 §2.1
  41: ['OPT', ['options']], // RFC 6891 §6.1.2
  43: ['DS', [4, 'rest']], // RFC 4034 §5.1
  44: ['SSHFP', [1, 'fingerprint']], // RFC 4255 §3.1
  46: ['RRSIG', [18, 'name', 'rest']], // RFC 4034 §3.1
  47: ['NSEC', ['name', 'bitmap']], // RFC 4034 §4.1
  48: ['DNSKEY', [4, 'rest']], // RFC 4034 §2.1
  50: ['NSEC3', [4, 'string', 'string', 'bitmap']], // RFC 5155 §3.2: salt and hash each with a length octet
};

type Field = number | 'name' | 'string' | 'strings' | 'options' | 'bitmap' | 'rest' | 'fingerprint';

/** SSHFP fingerprint types and their digests' lengths: SHA-1 (RFC 4255 §3.1.2), SHA-256 (RFC 6594). */
const DIGEST_OCTETS: Record<number, number> = { 1: 20, 2: 32 };

/** What is wrong with the RDATA from `start` to `end` of a record of `type`, if LAYOUTS has it. */
function rdataError(message: Uint8Array, type: number, start: number, end: number): string | undefined {
  const layout = LAYOUTS[type];
  if (!layout) return undefined;
  const [label, fields] = layout;
  const u16 = (at: number) => (message[at] ?? 0) * 256 + (message[at + 1] ?? 0);
  let at = start;
  for (const field of fields) {
    if (typeof field === 'number') at += field;
    else if (field === 'name') {
      const next = nameEnd(message, at);
      if (typeof next === 'string') return `${label} RDATA: ${next}`;
      at = next;
    } else if (field === 'string') at += 1 + (message[at] ?? 0);
    else if (field === 'strings') while (at < end) at += 1 + (message[at] ?? 0);
    else if (field === 'options') while (at + 4 <= end) at += 4 + u16(at + 2);
    else if (field === 'bitmap') while (at + 2 <= end) at += 2 + (message[at + 1] ?? 0);
    else if (field === 'rest') at = end;
    else {
      const digest = DIGEST_OCTETS[message[at] ?? 0];
      at = digest === undefined ? Math.max(end, at + 1) : at + 1 + digest;
    }
    if (at > end) return `${label} RDATA runs past RDLENGTH ${end - start}`;
  }
  return at === end ? undefined : `${label} RDATA is ${at - start} octets, not RDLENGTH ${end - start}`;
}

/** The offset after the name at `start` (where it ends in place), or what is wrong with it. */
function nameEnd(message: Uint8Array, start: number): number | string {
  let at = start;
  let earliest = start; // a pointer must point before the name, and before the last octet it pointed to
  let end: number | undefined;
  for (;;) {
    const length = message[at];
    if (length === undefined) return 'name past the end';
    if (length === 0) return end ?? at + 1;
    if (length >> 6 === 3) {
      if (at + 1 >= message.length) return 'pointer past the end';
      const target = (length & 0x3f) * 256 + (message[at + 1] ?? 0);
      if (target >= earliest) return `pointer to ${target}, not to a prior octet`;
      end ??= at + 2;
      earliest = at = target;
    } else if (length >> 6 !== 0) return `label type ${length >> 6}`;
    else at += 1 + length;
  }
}
