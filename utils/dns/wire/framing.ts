import { answer as recordCodec, decode, name as nameCodec, type Answer, type Packet } from '@dnsquery/dns-packet';

/**
 * A DoH response body decoded by the wire library and held to the message's framing (RFC 1035 §4.1), or why it
 * is refused, phrased for the user ("the DNS message is truncated (…)", "… malformed (…)"). The framing is
 * walked first (frame, below) because the library trusts the announced counts and RDLENGTH (found by `npm run
 * fuzz:dns`: overrunning records were accepted, an OPT announcing 65,535 bytes cost up to 30 ms). Then the
 * library decodes the header and questions, and each record from its framed start, and must stop exactly at its
 * framed end. It reads the RDATA of many types by their own layout whatever RDLENGTH says (A, AAAA, CNAME, SOA,
 * OPT, MX, PTR, DNAME, RP, HINFO, SSHFP; partly DNSKEY, DS, RRSIG, NSEC, NSEC3), so RDATA that does not fill
 * RDLENGTH exactly (§4.1.3: RDLENGTH is the length of the RDATA) would otherwise have it read the following
 * records from octets the framing gives to others: an MX with RDLENGTH 32 carried a whole A record. One check
 * for every type, at the cost of the decoding the library does anyway. The fuzzer judges framing with its own
 * check (bench/dns-fuzz-framing.ts), not this one.
 */
export function decodeMessage(message: Uint8Array): { packet: Packet } | { error: string } {
  const framing = frame(message);
  if ('error' in framing) return { error: `the DNS message is ${/past the end/.test(framing.error) ? 'truncated' : 'malformed'} (${framing.error})` };
  try {
    const packet = decodeFramed(message, framing.bounds);
    return typeof packet === 'string' ? { error: `the DNS message is malformed (${packet})` } : { packet };
  } catch (error) {
    return { error: `the answer is not a DNS message (${error instanceof Error ? error.message : 'decode error'})` };
  }
}

/**
 * Where the framing puts a message's parts: the questions end at bounds[0]; record i (answers, then authority,
 * then additional records) spans bounds[i] to bounds[i + 1], the last one ending at the end of the message.
 */
export type Framing = { bounds: number[] } | { error: string };

/**
 * Walks a DNS message's framing (RFC 1035 §4.1): the header's counts, every name (labels, compression pointers
 * into the message), every record's fixed fields and RDLENGTH inside the message, and the records ending
 * exactly at its end. It steps over RDATA by RDLENGTH (§4.1.3) without looking inside: decodeMessage holds the
 * library's reading of each record to these bounds, whatever its type.
 */
export function frame(message: Uint8Array): Framing {
  if (message.length < 12) return { error: 'shorter than a header' };
  let offset = 12;
  for (let i = count(message, 4); i > 0; i--) {
    const end = skipName(message, offset);
    if (end === PAST_END) return { error: `a question at ${offset} runs past the end` };
    if (end === undefined) return { error: `bad name in a question at ${offset}` };
    offset = end + 4;
    if (offset > message.length) return { error: 'question runs past the end' };
  }
  const bounds = [offset];
  for (let i = count(message, 6) + count(message, 8) + count(message, 10); i > 0; i--) {
    const end = skipName(message, offset);
    if (end === PAST_END) return { error: `a record at ${offset} runs past the end` };
    if (end === undefined) return { error: `bad owner name at ${offset}` };
    if (end + 10 > message.length) return { error: `record header at ${end} runs past the end` };
    const rdlength = count(message, end + 8);
    offset = end + 10 + rdlength;
    if (offset > message.length) return { error: `RDLENGTH ${rdlength} at ${end + 8} runs past the end` };
    bounds.push(offset);
  }
  return offset === message.length ? { bounds } : { error: `${message.length - offset} stray bytes after the records` };
}

/** The library's decoding of `message`, part by part at the framing's bounds, or which part it reads otherwise. */
function decodeFramed(message: Uint8Array, bounds: number[]): Packet | string {
  const questionsEnd = bounds[0]!;
  // The header and questions, from a copy that announces no records (ANCOUNT, NSCOUNT, ARCOUNT zeroed).
  const head = message.slice(0, questionsEnd);
  head.fill(0, 6, 12);
  const packet = decode(head);
  if (bytesRead(decode) !== questionsEnd) return `the questions end at ${bytesRead(decode)} as decoded, at ${questionsEnd} as framed`;
  const records: Answer[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = [bounds[i]!, bounds[i + 1]!];
    let record: Answer;
    try {
      record = recordCodec.decode(message, start);
    } catch (error) {
      const type = count(message, skipName(message, start)!); // the framing has read this owner name
      return `${recordLabel(message, i)}, type ${type} at ${start}, cannot be decoded (${error instanceof Error ? error.message : 'decode error'})`;
    }
    const readTo = start + bytesRead(recordCodec.decode);
    if (readTo !== end) return misread(message, i, record.type, start, end, readTo);
    records.push(record);
  }
  const [answers, authorities] = [count(message, 6), count(message, 8)];
  packet.answers = records.slice(0, answers);
  packet.authorities = records.slice(answers, answers + authorities);
  packet.additionals = records.slice(answers + authorities);
  return packet;
}

/** Why record `index`, framed from `start` to `end`, was decoded up to `readTo`: its RDLENGTH against its layout. */
function misread(message: Uint8Array, index: number, type: string, start: number, end: number, readTo: number): string {
  nameCodec.decode(message, start); // the owner (read once already); TYPE, CLASS, TTL and RDLENGTH follow it
  const rdata = start + bytesRead(nameCodec.decode) + 10;
  const what = `${recordLabel(message, index)}, ${type} at ${start}, has RDLENGTH ${end - rdata} but its RDATA read as ${type}`;
  // The library reads octets past the end of the message as undefined, which makes its count NaN.
  if (Number.isNaN(readTo)) return `${what} runs past the end of the message`;
  const octets = `${what} is ${readTo - rdata} octets`;
  return readTo < end ? `${octets}; the other ${end - readTo} would be read as records` : `${octets}, running ${readTo - end} past the record's end`;
}

/** Record `index` (from 0, in message order) as a reader would name it: "answer 2", "authority record 1". */
function recordLabel(message: Uint8Array, index: number): string {
  const [answers, authorities] = [count(message, 6), count(message, 8)];
  if (index < answers) return `answer ${index + 1}`;
  if (index < answers + authorities) return `authority record ${index - answers + 1}`;
  return `additional record ${index - answers - authorities + 1}`;
}

/** How many octets the library's last call of `decoder` read (its codecs note it on the function). */
function bytesRead(decoder: unknown): number {
  return (decoder as { bytes: number }).bytes;
}

/** The 16-bit big-endian number at `at` (a header count, a TYPE, an RDLENGTH). */
function count(message: Uint8Array, at: number): number {
  return ((message[at] ?? 0) << 8) | (message[at + 1] ?? 0);
}

/** skipName's answer for a name cut off by the end of the message (a truncated answer, not a malformed one). */
const PAST_END = -1;

/** The offset after the name at `offset`, PAST_END if the message ends inside it, undefined if it is malformed. */
function skipName(message: Uint8Array, offset: number): number | undefined {
  let at = offset;
  for (let guard = 0; guard < 128; guard++) {
    if (at >= message.length) return PAST_END;
    const length = message[at]!;
    if (length === 0) return at + 1;
    if ((length & 0xc0) === 0xc0) {
      if (at + 1 >= message.length) return PAST_END;
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
