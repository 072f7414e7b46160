/**
 * Text IP addresses → numbers, for the ASN table compiler (millions of CSV fields) and the lookup
 * (every address a page resolves). Both parse a slice of a larger string in place, so neither the
 * CSV scan nor a lookup creates substrings, arrays or BigInts.
 */

/** "a.b.c.d" between `from` and `to` → unsigned 32-bit value, or -1 when not a strict dotted quad. */
export function parseIpv4(s: string, from = 0, to = s.length): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // A leading zero ("010") reads as octal to some resolvers and libc: refuse rather than guess.
      if (digits === 1 && octet === 0) return -1;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return -1;
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else {
      return -1;
    }
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + octet;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * RFC 4291 text ("2001:db8::1", "::ffff:192.0.2.1") between `from` and `to` → the eight 16-bit groups,
 * written into `out`. Returns false, leaving `out` unspecified, for anything malformed (zone ids included:
 * DNS answers never carry them).
 */
export function parseIpv6(s: string, out: Uint16Array, from = 0, to = s.length): boolean {
  if (to - from < 2 || to - from > 45) return false;
  let groups = 0;
  let gap = -1;
  let i = from;
  if (s.charCodeAt(i) === 58) {
    if (s.charCodeAt(i + 1) !== 58) return false;
    gap = 0;
    i += 2;
  }
  while (i < to) {
    let value = 0;
    let j = i;
    for (; j < to && j - i <= 4; j++) {
      const h = hexValue(s.charCodeAt(j));
      if (h < 0) break;
      value = value * 16 + h;
    }
    if (j < to && s.charCodeAt(j) === 46) {
      // Embedded IPv4 tail: it fills the last two groups and must end the address.
      const v4 = groups <= 6 ? parseIpv4(s, i, to) : -1;
      if (v4 < 0) return false;
      out[groups++] = v4 >>> 16;
      out[groups++] = v4 & 0xffff;
      break;
    }
    if (j === i || j - i > 4 || groups === 8) return false;
    out[groups++] = value;
    if (j === to) break;
    if (s.charCodeAt(j) !== 58) return false;
    j++;
    if (j < to && s.charCodeAt(j) === 58) {
      if (gap >= 0) return false;
      gap = groups;
      j++;
    } else if (j === to) {
      return false; // a single trailing colon
    }
    i = j;
  }
  if (gap < 0) return groups === 8;
  if (groups > 7) return false;
  // Slide the groups after "::" to the end and zero the hole.
  const tail = groups - gap;
  for (let k = 0; k < tail; k++) out[7 - k] = out[groups - 1 - k]!;
  for (let k = gap; k < 8 - tail; k++) out[k] = 0;
  return true;
}

/**
 * An IPv6 address that carries an IPv4 one: IPv4-mapped (::ffff:0:0/96, how dual-stack sockets show v4
 * peers) and the NAT64 well-known prefix (64:ff9b::/96, RFC 6052). Returns the IPv4 value or -1.
 */
export function embeddedIpv4(g: Uint16Array): number {
  if (g[2] !== 0 || g[3] !== 0 || g[4] !== 0) return -1;
  const mapped = g[0] === 0 && g[1] === 0 && g[5] === 0xffff;
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g[5] === 0;
  return mapped || nat64 ? g[6]! * 0x10000 + g[7]! : -1;
}
