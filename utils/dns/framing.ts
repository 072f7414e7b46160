/**
 * A DNS message's framing (RFC 1035 §4.1): the header's counts, every name (labels, compression pointers into
 * the message), every record's RDLENGTH inside the message and the records ending exactly at its end. Inside
 * RDATA it checks the types the parser reads (rdataError below): the wire library reads those by their own
 * layout and ignores RDLENGTH, so a record whose RDATA does not fill RDLENGTH exactly makes the library read
 * octets the framing assigns to another record. parseResponse runs it before decoding because the library trusts
 * RDLENGTH and announced counts (found by `npm run fuzz:dns`: overrunning records were accepted, an OPT
 * announcing 65,535 bytes cost up to 30 ms, an A with RDLENGTH 16 hid a record). The fuzzer judges framing with
 * its own check (bench/dns-fuzz-framing.ts), not this one.
 */
export function framingError(message: Uint8Array): string | undefined {
  if (message.length < 12) return 'shorter than a header';
  const count = (at: number) => ((message[at] ?? 0) << 8) | (message[at + 1] ?? 0);
  let offset = 12;
  for (let i = count(4); i > 0; i--) {
    const end = skipName(message, offset);
    if (end === PAST_END) return `a question at ${offset} runs past the end`;
    if (end === undefined) return `bad name in a question at ${offset}`;
    offset = end + 4;
    if (offset > message.length) return 'question runs past the end';
  }
  const [answers, authorities] = [count(6), count(8)];
  const records = answers + authorities + count(10);
  for (let i = 0; i < records; i++) {
    const start = offset;
    const end = skipName(message, offset);
    if (end === PAST_END) return `a record at ${offset} runs past the end`;
    if (end === undefined) return `bad owner name at ${offset}`;
    if (end + 10 > message.length) return `record header at ${end} runs past the end`;
    const rdlength = count(end + 8);
    offset = end + 10 + rdlength;
    if (offset > message.length) return `RDLENGTH ${rdlength} at ${end + 8} runs past the end`;
    const type = count(end);
    const wrong = rdataError(message, type, end + 10, offset);
    if (wrong === undefined) continue;
    const which = i < answers ? `answer ${i + 1}` : i < answers + authorities ? `authority record ${i - answers + 1}` : `additional record ${i - answers - authorities + 1}`;
    return `${which}, ${TYPES[type]} at ${start}, ${wrong}`;
  }
  return offset === message.length ? undefined : `${message.length - offset} stray bytes after the records`;
}

/** The types the parser reads (CNAME chains, addresses, negative TTL, EDNS), whose RDATA the library reads by layout. */
const TYPES: Record<number, string> = { 1: 'A', 5: 'CNAME', 6: 'SOA', 28: 'AAAA', 41: 'OPT' };

/**
 * What is wrong with the RDATA from `start` to `end` of a record of `type`, if it is one of TYPES and does not
 * fill RDLENGTH exactly (RFC 1035 §4.1.3: RDLENGTH is the length of RDATA; §3.3 and §3.4.1 give their layouts).
 * Other types are opaque here, stepped over by RDLENGTH (the library reads a few of those by layout too, MX and
 * PTR among them: docs/dns.md, "Response parser fuzz").
 */
function rdataError(message: Uint8Array, type: number, start: number, end: number): string | undefined {
  const rdlength = end - start;
  if (type === 1 && rdlength !== 4) return `has RDLENGTH ${rdlength}; an IPv4 address is 4 octets`; // RFC 1035 §3.4.1
  if (type === 28 && rdlength !== 16) return `has RDLENGTH ${rdlength}; an IPv6 address is 16 octets`; // RFC 3596 §2.2
  if (type === 5 || type === 6) {
    // RFC 1035 §3.3.1: a CNAME's RDATA is one name; §3.3.13: an SOA's is MNAME, RNAME and five 32-bit fields.
    // Names may end in a compression pointer (§4.1.4); the field ends at the pointer, wherever it points.
    let at = start;
    for (let names = type === 5 ? 1 : 2; names > 0; names--) {
      const next = skipName(message, at, end);
      if (next === PAST_END) return `has a name running over its RDLENGTH of ${rdlength}`;
      if (next === undefined) return `has a bad name in its RDATA at ${at}`;
      at = next;
    }
    const left = end - at;
    if (type === 5 && left !== 0) return `has ${left} octets after its name, inside its RDLENGTH of ${rdlength}`;
    if (type === 6 && left !== 20) return `has ${left} octets after its names where its RDLENGTH of ${rdlength} should leave 20`;
  }
  if (type === 41) {
    // RFC 6891 §6.1.2: OPT's RDATA is options of {OPTION-CODE, OPTION-LENGTH, OPTION-LENGTH octets}, back to back.
    for (let at = start, n = 1; at < end; n++) {
      if (at + 4 > end) return `has ${end - at} octets after its options, too few for another option`;
      at += 4 + (((message[at + 2] ?? 0) << 8) | (message[at + 3] ?? 0));
      if (at > end) return `has option ${n} running over its RDLENGTH of ${rdlength}`;
    }
  }
  return undefined;
}

/** skipName's answer for a name cut off by the end of the message (a truncated answer, not a malformed one). */
const PAST_END = -1;

/**
 * The offset after the name at `offset`, PAST_END if `limit` (by default the end of the message) comes inside
 * it, undefined if it is malformed.
 */
function skipName(message: Uint8Array, offset: number, limit = message.length): number | undefined {
  let at = offset;
  for (let guard = 0; guard < 128; guard++) {
    if (at >= limit) return PAST_END;
    const length = message[at]!;
    if (length === 0) return at + 1;
    if ((length & 0xc0) === 0xc0) {
      if (at + 1 >= limit) return PAST_END;
      const target = ((length & 0x3f) << 8) | message[at + 1]!;
      // RFC 1035 §4.1.4 says a pointer refers to a prior occurrence; decoders commonly accept any target
      // inside the message (loops are the decoder's to catch), so only a target outside it counts here.
      if (target >= message.length) return undefined;
      return at + 2; // the rest of the name lies elsewhere; this field ends here (its target is checked when read)
    }
    if ((length & 0xc0) !== 0) return undefined; // 0x40 and 0x80 label types are obsolete or unassigned
    at += 1 + length;
  }
  return undefined;
}
