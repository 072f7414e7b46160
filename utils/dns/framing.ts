/**
 * A DNS message's framing (RFC 1035 §4.1): the header's counts, every name (labels, compression pointers into
 * the message) and every record's RDLENGTH must fit, and the records must end exactly at the end of the
 * message. It looks at nothing inside RDATA. parseResponse runs it before decoding because the wire library
 * trusts RDLENGTH and announced counts (found by `npm run fuzz:dns`: overrunning records were accepted and an
 * OPT announcing 65,535 bytes cost up to 30 ms). The fuzzer judges framing with its own check
 * (bench/dns-fuzz-framing.ts), not this one.
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
  for (let i = count(6) + count(8) + count(10); i > 0; i--) {
    const end = skipName(message, offset);
    if (end === PAST_END) return `a record at ${offset} runs past the end`;
    if (end === undefined) return `bad owner name at ${offset}`;
    if (end + 10 > message.length) return `record header at ${end} runs past the end`;
    const rdlength = count(end + 8);
    offset = end + 10 + rdlength;
    if (offset > message.length) return `RDLENGTH ${rdlength} at ${end + 8} runs past the end`;
  }
  return offset === message.length ? undefined : `${message.length - offset} stray bytes after the records`;
}

/** skipName's answer for a name cut off by the end of the message (a truncated answer, not a malformed one). */
const PAST_END = -1;

/** The offset after the name at `offset`, PAST_END if the message ends inside it, undefined if it is malformed. */
function skipName(message: Uint8Array, offset: number): number | undefined {
  let at = offset;
  for (let guard = 0; guard < 128; guard++) {
    const length = message[at];
    if (length === undefined) return PAST_END;
    if (length === 0) return at + 1;
    if ((length & 0xc0) === 0xc0) {
      const target = ((length & 0x3f) << 8) | (message[at + 1] ?? 0x100);
      // RFC 1035 §4.1.4 says a pointer refers to a prior occurrence; decoders commonly accept any target
      // inside the message (loops are the decoder's to catch), so only a target outside it counts here.
      if (at + 1 >= message.length) return PAST_END;
      if (target >= message.length) return undefined;
      return at + 2; // the rest of the name lies elsewhere; this field ends here (its target is checked when read)
    }
    if ((length & 0xc0) !== 0) return undefined; // 0x40 and 0x80 label types are obsolete or unassigned
    at += 1 + length;
  }
  return undefined;
}
