/**
 * The server side of a SOCKS5 handshake (RFC 1928) with username/password authentication (RFC 1929), as a state
 * machine over buffers: bytes in, bytes to send and an outcome out. No sockets, so every path (and random input)
 * is tested without a network. Only CONNECT is served: BIND and UDP ASSOCIATE are refused (the browsers' SOCKS5
 * carries TCP only), and so is anything malformed. A first octet of 4 is a SOCKS4a request instead (socks4a.ts),
 * Firefox's one-round-trip form, with the password and the site in its user id (utils/companion/socks-user-id.ts).
 */
import { parseIpv4, parseIpv6 } from '../utils/infra/ip-parse';
import { splitSocksUserId } from '../utils/companion/socks-user-id';
import type { ConnectRequest, Destination } from './socks-request';
import { parseSocks4a, SOCKS4_VERSION, socks4Reply } from './socks4a';

export const SOCKS_VERSION = 0x05;
/** RFC 1929 §2: the sub-negotiation's own version number. */
const AUTH_VERSION = 0x01;

/** RFC 1928 §3 method numbers. */
export const METHOD = { none: 0x00, password: 0x02, noAcceptable: 0xff } as const;

/** RFC 1928 §6 reply codes. */
export const REPLY = {
  succeeded: 0x00,
  generalFailure: 0x01,
  notAllowed: 0x02,
  networkUnreachable: 0x03,
  hostUnreachable: 0x04,
  connectionRefused: 0x05,
  ttlExpired: 0x06,
  commandNotSupported: 0x07,
  addressTypeNotSupported: 0x08,
} as const;

const COMMAND_CONNECT = 0x01;
const ATYP = { ipv4: 0x01, domain: 0x03, ipv6: 0x04 } as const;

/**
 * Which methods the server accepts:
 * - `password`: only RFC 1929 (Firefox, with the site as username);
 * - `none`: only no authentication (Chrome);
 * - `any`: whichever the client offers, username/password first (before the extension's `configure`, when the
 *   mode is not yet known: the CONNECT is then refused anyway, with a proper reply).
 */
export type MethodPolicy = 'password' | 'none' | 'any';

export type { ConnectRequest, Destination } from './socks-request';

export type HandshakeOutcome =
  /** Needs more bytes; send `send` first. */
  | { kind: 'more'; send: Buffer[] }
  /** A CONNECT to serve: the caller answers with `replyFor` and relays; `rest` is data the client sent early. */
  | { kind: 'connect'; send: Buffer[]; request: ConnectRequest; rest: Buffer }
  /** Send `send` (maybe nothing), then close the connection. */
  | { kind: 'reject'; send: Buffer[]; reason: string };

export interface HandshakeOptions {
  policy: MethodPolicy;
  /** RFC 1929 credentials check (the caller compares the password in constant time). */
  verify: (username: string, password: string) => boolean;
}

type Stage = 'greeting' | 'auth' | 'request' | 'done';

export class SocksHandshake {
  private stage: Stage = 'greeting';
  private buffered: Buffer = Buffer.alloc(0);
  private username: string | undefined;

  constructor(private readonly options: HandshakeOptions) {}

  /**
   * Octets held while waiting for the rest of a message. Never more than the longest message less one: every
   * message is parsed as soon as it is whole (a SOCKS4a request with a 255-octet user id and name is the longest).
   */
  get pending(): number {
    return this.buffered.length;
  }

  /** Feeds bytes; never throws, and consumes at most one greeting, one sub-negotiation and one request. */
  push(chunk: Buffer): HandshakeOutcome {
    if (this.stage === 'done') return { kind: 'reject', send: [], reason: 'the handshake is already over' };
    this.buffered = this.buffered.length > 0 ? Buffer.concat([this.buffered, chunk]) : chunk;
    const send: Buffer[] = [];
    for (;;) {
      const step = this.step();
      if (step === 'more') return { kind: 'more', send };
      if (step.kind === 'send') {
        send.push(step.bytes);
        continue;
      }
      this.stage = 'done';
      this.buffered = Buffer.alloc(0);
      if (step.kind === 'reject') return { kind: 'reject', send: [...send, ...(step.bytes ? [step.bytes] : [])], reason: step.reason };
      return { kind: 'connect', send, request: step.request, rest: step.rest };
    }
  }

  private step(): 'more' | { kind: 'send'; bytes: Buffer } | { kind: 'reject'; bytes?: Buffer; reason: string } | { kind: 'connect'; request: ConnectRequest; rest: Buffer } {
    const b = this.buffered;
    switch (this.stage) {
      case 'greeting': {
        if (b.length > 0 && b[0] === SOCKS4_VERSION) return this.socks4a(b);
        // RFC 1928 §3: VER, NMETHODS, METHODS (1 to 255 octets).
        if (b.length < 2) return 'more';
        if (b[0] !== SOCKS_VERSION) return { kind: 'reject', reason: `not SOCKS5 (version ${b[0]})` };
        const count = b[1] ?? 0;
        if (count === 0) return { kind: 'reject', reason: 'the greeting offers no method' };
        if (b.length < 2 + count) return 'more';
        const offered = b.subarray(2, 2 + count);
        this.consume(2 + count);
        const method = this.choose(offered);
        if (method === METHOD.noAcceptable) return { kind: 'reject', bytes: Buffer.from([SOCKS_VERSION, METHOD.noAcceptable]), reason: 'no acceptable method offered' };
        this.stage = method === METHOD.password ? 'auth' : 'request';
        return { kind: 'send', bytes: Buffer.from([SOCKS_VERSION, method]) };
      }
      case 'auth': {
        // RFC 1929 §2: VER (1), ULEN, UNAME, PLEN, PASSWD.
        if (b.length < 2) return 'more';
        if (b[0] !== AUTH_VERSION) return { kind: 'reject', reason: `not RFC 1929 (version ${b[0]})` };
        const userLength = b[1] ?? 0;
        if (b.length < 3 + userLength) return 'more';
        const passwordLength = b[2 + userLength] ?? 0;
        if (b.length < 3 + userLength + passwordLength) return 'more';
        const username = b.subarray(2, 2 + userLength).toString('utf8');
        const password = b.subarray(3 + userLength, 3 + userLength + passwordLength).toString('utf8');
        this.consume(3 + userLength + passwordLength);
        // §2: a status other than X'00' means failure, and the server MUST close the connection.
        if (!this.options.verify(username, password)) return { kind: 'reject', bytes: Buffer.from([AUTH_VERSION, 0x01]), reason: 'wrong password' };
        this.username = username;
        this.stage = 'request';
        return { kind: 'send', bytes: Buffer.from([AUTH_VERSION, 0x00]) };
      }
      case 'request':
        return this.request(b);
      case 'done':
        return { kind: 'reject', reason: 'the handshake is already over' };
    }
  }

  /** RFC 1928 §4: VER, CMD, RSV, ATYP, DST.ADDR, DST.PORT. */
  private request(b: Buffer): 'more' | { kind: 'reject'; bytes?: Buffer; reason: string } | { kind: 'connect'; request: ConnectRequest; rest: Buffer } {
    if (b.length < 4) return 'more';
    if (b[0] !== SOCKS_VERSION) return { kind: 'reject', reason: `request is not SOCKS5 (version ${b[0]})` };
    if (b[2] !== 0x00) return { kind: 'reject', reason: 'request has a non-zero reserved octet' };
    const command = b[1];
    const atyp = b[3];
    let address: { kind: Destination['kind']; host: string } | undefined;
    let end: number;
    if (atyp === ATYP.ipv4) {
      end = 4 + 4;
      if (b.length < end + 2) return 'more';
      address = { kind: 'ipv4', host: [...b.subarray(4, 8)].join('.') };
    } else if (atyp === ATYP.ipv6) {
      end = 4 + 16;
      if (b.length < end + 2) return 'more';
      address = { kind: 'ipv6', host: ipv6Text(b.subarray(4, 20)) };
    } else if (atyp === ATYP.domain) {
      if (b.length < 5) return 'more';
      const length = b[4] ?? 0;
      if (length === 0) return { kind: 'reject', reason: 'request names an empty domain' };
      end = 5 + length;
      if (b.length < end + 2) return 'more';
      address = { kind: 'domain', host: b.subarray(5, end).toString('latin1') };
    } else {
      return { kind: 'reject', bytes: replyFor(REPLY.addressTypeNotSupported), reason: `address type ${atyp} not supported` };
    }
    if (command !== COMMAND_CONNECT) return { kind: 'reject', bytes: replyFor(REPLY.commandNotSupported), reason: `command ${command} not supported` };
    const port = b.readUInt16BE(end);
    const rest = Buffer.from(b.subarray(end + 2));
    const request: ConnectRequest = { destination: { ...address, port }, version: 5, ...(this.username !== undefined ? { username: this.username } : {}) };
    return { kind: 'connect', request, rest };
  }

  /**
   * A SOCKS4a request, authenticated by the password in its user id. Only Firefox sends one (Chrome's proxy is
   * SOCKS5 without authentication, policy `none`, which refuses SOCKS4 rather than open a second way in).
   */
  private socks4a(b: Buffer): 'more' | { kind: 'reject'; bytes?: Buffer; reason: string } | { kind: 'connect'; request: ConnectRequest; rest: Buffer } {
    const parsed = parseSocks4a(b);
    if (parsed === 'more') return 'more';
    const refuse = (reason: string) => ({ kind: 'reject' as const, bytes: socks4Reply(false), reason });
    if (parsed.kind === 'reject') return parsed.reply ? refuse(parsed.reason) : { kind: 'reject', reason: parsed.reason };
    if (this.options.policy === 'none') return refuse('SOCKS4 needs the password, and this mode has none');
    const id = splitSocksUserId(parsed.userId);
    // Before `configure` (policy `any`) a user id without a password is let through: its CONNECT is refused anyway.
    if (id ? !this.options.verify(id.site, id.password) : this.options.policy === 'password') return refuse('wrong password');
    const rest = Buffer.from(b.subarray(parsed.length));
    return { kind: 'connect', request: { destination: parsed.destination, version: 4, ...(id ? { username: id.site } : {}) }, rest };
  }

  private choose(offered: Buffer): number {
    const hasPassword = offered.includes(METHOD.password);
    const hasNone = offered.includes(METHOD.none);
    switch (this.options.policy) {
      case 'password':
        return hasPassword ? METHOD.password : METHOD.noAcceptable;
      case 'none':
        return hasNone ? METHOD.none : METHOD.noAcceptable;
      case 'any':
        return hasPassword ? METHOD.password : hasNone ? METHOD.none : METHOD.noAcceptable;
    }
  }

  private consume(count: number): void {
    this.buffered = this.buffered.subarray(count);
  }
}

/**
 * RFC 1928 §6 reply. BND.ADDR/BND.PORT are the server's address for the outbound connection when known (clients
 * for CONNECT ignore them: Firefox and Chrome read and drop them), else 0.0.0.0:0.
 */
export function replyFor(code: number, bound?: { address: string; port: number }): Buffer {
  const v4 = bound && parseIpv4(bound.address) >= 0 ? bound.address.split('.').map(Number) : undefined;
  const v6 = bound && !v4 ? ipv6Bytes(bound.address) : undefined;
  const address = v4 ? Buffer.from(v4) : v6 ?? Buffer.alloc(4);
  const reply = Buffer.alloc(4 + address.length + 2);
  reply[0] = SOCKS_VERSION;
  reply[1] = code;
  reply[3] = v6 ? ATYP.ipv6 : ATYP.ipv4;
  address.copy(reply, 4);
  reply.writeUInt16BE(v4 || v6 ? (bound?.port ?? 0) : 0, 4 + address.length);
  return reply;
}

/** 16 octets as RFC 5952 text: lower case, leading zeros dropped, the longest run (2+) of zero groups as `::`. */
export function ipv6Text(bytes: Buffer): string {
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  const hex = (list: number[]) => list.map((g) => g.toString(16)).join(':');
  if (best.start < 0) return hex(groups);
  return `${hex(groups.slice(0, best.start))}::${hex(groups.slice(best.start + best.length))}`;
}

/** IPv6 text (no zone) as 16 octets, or undefined when it is not one. */
function ipv6Bytes(text: string): Buffer | undefined {
  const groups = new Uint16Array(8);
  if (!parseIpv6(text, groups)) return undefined;
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(g, i * 2));
  return out;
}
