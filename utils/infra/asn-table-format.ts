/**
 * The shipped IP-range → operator table and its encoding. Plain JSON so the build writes it once and the
 * extension loads it like any other asset; the ranges are base64 of little-endian uint32 words because
 * tens of thousands of ranges as JSON number arrays would be several times larger and slower to parse.
 */

export interface AsnTable {
  /** Bumped when the layout changes, so a stale table fails loudly instead of misreading. */
  version: 1;
  /** Operator display names; ranges refer to them by index. */
  operators: string[];
  /** Words per range: start, end (inclusive), sorted, disjoint, adjacent ranges of one operator merged. */
  ipv4: EncodedRanges;
  /**
   * Upper 64 bits of IPv6 addresses (the /64 prefix: one network, never split between operators in
   * practice): words per range startHi, startLo, endHi, endLo, sorted and merged like IPv4.
   */
  ipv6: EncodedRanges;
}

export interface EncodedRanges {
  /** Number of ranges. */
  count: number;
  /** base64 of the little-endian uint32 words, 2 per IPv4 range, 4 per IPv6 range. */
  words: string;
  /** base64 of one byte per range: the index into `operators`. */
  operators: string;
}

/** Decoded ranges, ready for binary search. */
export interface RangeArrays {
  words: Uint32Array;
  operators: Uint8Array;
}

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  // String.fromCharCode over chunks: one call per byte would be slow, one call for all overflows the stack.
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeRanges(words: readonly number[], operators: readonly number[]): EncodedRanges {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((w, i) => view.setUint32(i * 4, w, true));
  return { count: operators.length, words: bytesToBase64(bytes), operators: bytesToBase64(Uint8Array.from(operators)) };
}

/** Throws if the encoded lengths disagree with `count`, `wordsPerRange` or the operator list. */
export function decodeRanges(encoded: EncodedRanges, wordsPerRange: number, operatorCount: number): RangeArrays {
  const bytes = base64ToBytes(encoded.words);
  const operators = base64ToBytes(encoded.operators);
  if (bytes.length !== encoded.count * wordsPerRange * 4 || operators.length !== encoded.count) {
    throw new Error('ASN table: range data does not match its count');
  }
  const view = new DataView(bytes.buffer);
  // Read explicitly as little-endian so a big-endian host decodes the same numbers.
  const words = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  if (operators.some((o) => o >= operatorCount)) throw new Error('ASN table: range points outside the operator list');
  return { words, operators };
}
