/**
 * A SOCKS4a CONNECT request (SOCKS 4 protocol, and its 4A extension for names the server resolves; neither is an
 * RFC: https://www.openssh.com/txt/socks4.protocol and socks4a.protocol), as Firefox sends it for a proxy of type
 * "socks4" with proxyDNS: VN 4, CD 1, DSTPORT, DSTIP 0.0.0.x (x ≠ 0: a name follows), USERID, NUL, the name, NUL.
 * A plain SOCKS4 request (a real IPv4 DSTIP, no name) is read too. One request, one 8-octet reply.
 */
import type { Destination } from './socks-request';

export const SOCKS4_VERSION = 0x04;
const COMMAND_CONNECT = 0x01;
/** The reply's codes: request granted; rejected or failed (the protocol has no finer reasons). */
const GRANTED = 0x5a;
const REJECTED = 0x5b;
/** Longest user id and name read, each then NUL-terminated: Firefox sends at most 255 octets of either. */
const MAX_FIELD = 255;

/** The longest request this reads: 8 fixed octets, then a user id and a name of 255 octets, each with its NUL. */
export const MAX_SOCKS4A_REQUEST = 8 + (MAX_FIELD + 1) * 2;

export type Socks4aParse =
  | 'more'
  | { kind: 'reject'; reply: boolean; reason: string }
  | { kind: 'connect'; destination: Destination; userId: string; length: number };

/** Reads one request from the start of `b` (its first octet is 4). `length` is how many octets it took. */
export function parseSocks4a(b: Buffer): Socks4aParse {
  if (b.length < 8) return 'more';
  const command = b[1];
  const port = b.readUInt16BE(2);
  const ip = [b[4], b[5], b[6], b[7]] as number[];
  const userEnd = b.indexOf(0, 8);
  if (userEnd < 0) return b.length - 8 > MAX_FIELD ? { kind: 'reject', reply: false, reason: 'SOCKS4 user id too long' } : 'more';
  const userId = b.subarray(8, userEnd).toString('utf8');
  let destination: Destination;
  let length: number;
  // 4A: 0.0.0.x with x ≠ 0 says a name follows the user id.
  if (ip[0] === 0 && ip[1] === 0 && ip[2] === 0 && ip[3] !== 0) {
    const nameEnd = b.indexOf(0, userEnd + 1);
    if (nameEnd < 0) return b.length - (userEnd + 1) > MAX_FIELD ? { kind: 'reject', reply: false, reason: 'SOCKS4a name too long' } : 'more';
    if (nameEnd === userEnd + 1) return { kind: 'reject', reply: true, reason: 'SOCKS4a request names an empty domain' };
    destination = { kind: 'domain', host: b.subarray(userEnd + 1, nameEnd).toString('latin1'), port };
    length = nameEnd + 1;
  } else {
    destination = { kind: 'ipv4', host: ip.join('.'), port };
    length = userEnd + 1;
  }
  if (command !== COMMAND_CONNECT) return { kind: 'reject', reply: true, reason: `SOCKS4 command ${command} not supported` };
  return { kind: 'connect', destination, userId, length };
}

/** The 8-octet reply: VN 0, the code, then DSTPORT and DSTIP, which a CONNECT client ignores (zero here). */
export function socks4Reply(granted: boolean): Buffer {
  const reply = Buffer.alloc(8);
  reply[1] = granted ? GRANTED : REJECTED;
  return reply;
}
