/**
 * The fuzzer's framing oracle, written from the RFCs apart from the parser's own check (utils/dns/framing.ts),
 * so that "accepted although misframed" does not ask the code under test. A message is well framed when:
 * - RFC 1035 §4.1.1: it has a 12-octet header, followed by QDCOUNT questions and ANCOUNT + NSCOUNT + ARCOUNT records;
 * - §4.1.2: a question is a name, QTYPE and QCLASS (4 octets);
 * - §4.1.3: a record is a name, TYPE, CLASS, TTL, RDLENGTH (10 octets) and RDLENGTH octets of RDATA;
 * - §4.1.4: a name is labels of 0-63 octets ending with the empty label or with a pointer to a prior octet;
 *   followed through its pointers, it stays inside the message (a pointer to a prior octet cannot loop);
 * - the records end where the message ends (a DoH body is one message, RFC 8484 §4.2.1);
 * - in the records the parser reads, RDATA is exactly what RDLENGTH says: A 4 octets (RFC 1035 §3.4.1), AAAA 16
 *   (RFC 3596 §2.2), CNAME one name (§3.3.1), SOA two names and 20 octets (§3.3.13), OPT whole options (RFC 6891
 *   §6.1.2).
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

/** What is wrong with the RDATA from `start` to `end` of a record of `type`, for the types the parser reads. */
function rdataError(message: Uint8Array, type: number, start: number, end: number): string | undefined {
  const length = end - start;
  if (type === 1 && length !== 4) return `A with RDLENGTH ${length}`;
  if (type === 28 && length !== 16) return `AAAA with RDLENGTH ${length}`;
  let at = start;
  if (type === 5 || type === 6) {
    for (const field of type === 5 ? ['CNAME'] : ['SOA MNAME', 'SOA RNAME']) {
      const next = nameEnd(message, at);
      if (typeof next === 'string') return `${field}: ${next}`;
      at = next;
    }
    if (type === 6) at += 20;
  } else if (type === 41) {
    while (at + 4 <= end) at += 4 + (message[at + 2] ?? 0) * 256 + (message[at + 3] ?? 0);
  } else return undefined;
  return at === end ? undefined : `${type === 5 ? 'CNAME' : type === 6 ? 'SOA' : 'OPT'} RDATA is not RDLENGTH ${length}`;
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
