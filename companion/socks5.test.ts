import { describe, expect, it } from 'vitest';
import { MAX_SOCKS4A_REQUEST } from './socks4a';
import { ipv6Text, METHOD, REPLY, replyFor, SocksHandshake, type HandshakeOutcome, type MethodPolicy } from './socks5';

const PASSWORD = 'session-password';
const handshake = (policy: MethodPolicy = 'password') => new SocksHandshake({ policy, verify: (_user, password) => password === PASSWORD });

const greeting = (...methods: number[]) => Buffer.from([5, methods.length, ...methods]);
function credentials(user: string, password: string): Buffer {
  const u = Buffer.from(user);
  const p = Buffer.from(password);
  return Buffer.concat([Buffer.from([1, u.length]), u, Buffer.from([p.length]), p]);
}
function connectDomain(name: string, port: number, command = 1): Buffer {
  const n = Buffer.from(name, 'latin1');
  const tail = Buffer.alloc(2);
  tail.writeUInt16BE(port);
  return Buffer.concat([Buffer.from([5, command, 0, 3, n.length]), n, tail]);
}
const connectIpv4 = (octets: number[], port: number) => Buffer.from([5, 1, 0, 1, ...octets, port >> 8, port & 0xff]);
const connectIpv6 = (bytes: number[], port: number) => Buffer.from([5, 1, 0, 4, ...bytes, port >> 8, port & 0xff]);

const sent = (outcome: HandshakeOutcome) => outcome.send.map((b) => [...b]);

describe('SocksHandshake', () => {
  it('Firefox’s path: both methods offered, username/password chosen, the site as username, CONNECT to a name', () => {
    const h = handshake('password');
    expect(sent(h.push(greeting(METHOD.none, METHOD.password)))).toEqual([[5, 2]]);
    expect(sent(h.push(credentials('news.example.com', PASSWORD)))).toEqual([[1, 0]]);
    const outcome = h.push(connectDomain('cdn.example.net', 443));
    expect(outcome).toMatchObject({ kind: 'connect', request: { username: 'news.example.com', destination: { kind: 'domain', host: 'cdn.example.net', port: 443 } } });
  });

  it('Chrome’s path: no authentication, CONNECT to a name, in one chunk with early data behind it', () => {
    const outcome = handshake('none').push(Buffer.concat([greeting(METHOD.none), connectDomain('example.org', 80), Buffer.from('GET /')]));
    expect(sent(outcome)).toEqual([[5, 0]]);
    expect(outcome).toMatchObject({ kind: 'connect', request: { destination: { kind: 'domain', host: 'example.org', port: 80 } } });
    if (outcome.kind === 'connect') {
      expect(outcome.request.username).toBeUndefined();
      expect(outcome.rest.toString()).toBe('GET /');
    }
  });

  it('reads IPv4 and IPv6 destinations', () => {
    const v4 = handshake('none');
    v4.push(greeting(0));
    expect(v4.push(connectIpv4([93, 184, 215, 14], 8443))).toMatchObject({ kind: 'connect', request: { destination: { kind: 'ipv4', host: '93.184.215.14', port: 8443 } } });
    const v6 = handshake('none');
    v6.push(greeting(0));
    const bytes = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(v6.push(connectIpv6(bytes, 443))).toMatchObject({ kind: 'connect', request: { destination: { kind: 'ipv6', host: '2001:db8::1', port: 443 } } });
  });

  it('asks for more bytes at every cut of a whole handshake, then completes', () => {
    const whole = Buffer.concat([greeting(0, 2), credentials('a.com', PASSWORD), connectDomain('www.a.com', 443)]);
    for (let cut = 1; cut < whole.length; cut++) {
      const h = handshake();
      expect(h.push(whole.subarray(0, cut)).kind).toBe('more');
      expect(h.push(whole.subarray(cut)).kind).toBe('connect');
    }
  });

  it('refuses a wrong password with status 1 (RFC 1929 §2), and the connection is to close', () => {
    const h = handshake('password');
    h.push(greeting(2));
    const outcome = h.push(credentials('a.com', 'guess'));
    expect(outcome).toMatchObject({ kind: 'reject', reason: 'wrong password' });
    expect(sent(outcome)).toEqual([[1, 1]]);
  });

  it('refuses a client without credentials when a password is required, and one with only credentials when none is', () => {
    const noAuth = handshake('password').push(greeting(0));
    expect(noAuth.kind).toBe('reject');
    expect(sent(noAuth)).toEqual([[5, 0xff]]);
    expect(sent(handshake('none').push(greeting(2)))).toEqual([[5, 0xff]]);
  });

  it('before configure (any), takes what the client offers, username/password first', () => {
    expect(sent(handshake('any').push(greeting(0, 2)))).toEqual([[5, 2]]);
    expect(sent(handshake('any').push(greeting(0)))).toEqual([[5, 0]]);
    expect(sent(handshake('any').push(greeting(1)))).toEqual([[5, 0xff]]);
  });

  it.each([
    ['BIND', 2],
    ['UDP ASSOCIATE', 3],
  ])('answers %s with reply 7, command not supported', (_, command) => {
    const h = handshake('none');
    h.push(greeting(0));
    const outcome = h.push(connectDomain('a.com', 1, command));
    expect(outcome.kind).toBe('reject');
    expect(outcome.send[0]?.[1]).toBe(REPLY.commandNotSupported);
  });

  it('answers an unknown address type with reply 8', () => {
    const h = handshake('none');
    h.push(greeting(0));
    const outcome = h.push(Buffer.from([5, 1, 0, 9, 1, 2, 3, 4]));
    expect(outcome.kind).toBe('reject');
    expect(outcome.send[0]?.[1]).toBe(REPLY.addressTypeNotSupported);
  });

  it.each([
    // SOCKS4 has its own replies (socks4a.test.ts); any other version is closed without one.
    ['a version neither 4 nor 5', [6, 1, 0, 80, 1, 2, 3, 4, 0]],
    ['a greeting with no method', [5, 0]],
    ['an HTTP request', [...Buffer.from('GET / HTTP/1.1\r\n')]],
  ])('closes on %s without a reply', (_, bytes) => {
    expect(handshake('any').push(Buffer.from(bytes))).toMatchObject({ kind: 'reject', send: [] });
  });

  it.each([
    ['a sub-negotiation of another version', [5, 1, 2], [2, 1, 0x61, 1, 0x62]],
    ['a request of another version', [5, 1, 0], [4, 1, 0, 1, 1, 2, 3, 4, 0, 80]],
    ['a non-zero reserved octet', [5, 1, 0], [5, 1, 1, 1, 1, 2, 3, 4, 0, 80]],
    ['an empty domain name', [5, 1, 0], [5, 1, 0, 3, 0, 0, 80]],
  ])('closes on %s', (_, hello, next) => {
    const h = handshake('any');
    h.push(Buffer.from(hello));
    expect(h.push(Buffer.from(next)).kind).toBe('reject');
  });

  it('is over once it has an outcome', () => {
    const h = handshake('none');
    h.push(Buffer.concat([greeting(0), connectDomain('a.com', 1)]));
    expect(h.push(Buffer.from([5]))).toMatchObject({ kind: 'reject', reason: 'the handshake is already over' });
  });
});

describe('replyFor', () => {
  it('writes the code with the bound address, IPv4 or IPv6, or 0.0.0.0:0', () => {
    expect([...replyFor(REPLY.succeeded, { address: '127.0.0.1', port: 5000 })]).toEqual([5, 0, 0, 1, 127, 0, 0, 1, 0x13, 0x88]);
    expect([...replyFor(REPLY.succeeded, { address: '::1', port: 1 })]).toEqual([5, 0, 0, 4, ...Array(15).fill(0), 1, 0, 1]);
    expect([...replyFor(REPLY.notAllowed)]).toEqual([5, 2, 0, 1, 0, 0, 0, 0, 0, 0]);
  });
});

describe('ipv6Text', () => {
  it.each([
    ['2001:db8::1', [0x20, 0x01, 0x0d, 0xb8, ...Array(11).fill(0), 1]],
    ['::', Array(16).fill(0)],
    ['::ffff:7f00:1', [...Array(10).fill(0), 0xff, 0xff, 0x7f, 0, 0, 1]],
    ['1:0:1:0:1:0:1:0', [0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0]],
    ['2001:db8:0:1::', [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, ...Array(8).fill(0)]],
  ])('writes %s per RFC 5952', (text, bytes) => {
    expect(ipv6Text(Buffer.from(bytes))).toBe(text);
  });
});

describe('fuzz: 100 000 random and mutated handshakes', () => {
  /** A small deterministic PRNG (mulberry32), so a failure is reproducible from its seed. */
  function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('never throws, never holds more than one message, and ends in more, connect or reject', () => {
    const random = rng(0x5eed);
    const int = (n: number) => Math.floor(random() * n);
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
    const valid = (): Buffer => {
      const parts: Buffer[] = [greeting(...(random() < 0.5 ? [0, 2] : [int(256)]))];
      // A SOCKS4a request instead, as Firefox sends it (socks4a.ts), its user id right or wrong.
      if (random() < 0.25) {
        const id = Buffer.from(`${random() < 0.7 ? PASSWORD : 'x'}:site.example`);
        const name = Buffer.from('www.example.com'.slice(0, int(16)), 'latin1');
        return Buffer.concat([Buffer.from([4, random() < 0.9 ? 1 : int(256), 1, 187, 0, 0, 0, random() < 0.8 ? 1 : int(256)]), id, Buffer.from([0]), name, Buffer.from([0]), bytes(int(16))]);
      }
      if (random() < 0.6) parts.push(credentials('site.example', random() < 0.7 ? PASSWORD : 'x'));
      const kind = int(3);
      parts.push(kind === 0 ? connectDomain('www.example.com'.slice(0, 1 + int(15)), int(65536), random() < 0.9 ? 1 : int(256)) : kind === 1 ? connectIpv4([1, 2, 3, 4], 80) : connectIpv6(Array(16).fill(1), 443));
      if (random() < 0.3) parts.push(bytes(int(64)));
      return Buffer.concat(parts);
    };
    const mutate = (input: Buffer): Buffer<ArrayBufferLike> => {
      const out = Buffer.from(input);
      switch (int(5)) {
        case 0: // flip a few octets
          for (let i = 0, n = 1 + int(3); i < n && out.length > 0; i++) out[int(out.length)] = int(256);
          return out;
        case 1: // truncate
          return out.subarray(0, int(out.length + 1));
        case 2: // insert garbage
          return Buffer.concat([out.subarray(0, int(out.length + 1)), bytes(1 + int(8)), out.subarray(int(out.length + 1))]);
        case 3: // all random
          return bytes(int(600));
        default:
          return out;
      }
    };
    const counts = { more: 0, connect: 0, reject: 0 };
    const policies: MethodPolicy[] = ['password', 'none', 'any'];
    for (let i = 0; i < 100_000; i++) {
      const input = random() < 0.15 ? valid() : mutate(valid());
      const h = handshake(policies[i % 3]);
      let outcome: HandshakeOutcome = { kind: 'more', send: [] };
      let offset = 0;
      // Cut into random chunks, as TCP may deliver them; stop at the first outcome that ends the handshake.
      while (offset < input.length && outcome.kind === 'more') {
        const size = 1 + int(Math.min(64, input.length - offset));
        outcome = h.push(input.subarray(offset, offset + size));
        offset += size;
        if (h.pending >= MAX_SOCKS4A_REQUEST) throw new Error(`case ${i}: ${h.pending} octets held`);
      }
      counts[outcome.kind]++;
    }
    expect(counts.more + counts.connect + counts.reject).toBe(100_000);
    // Every path was exercised.
    expect(counts.more).toBeGreaterThan(1000);
    expect(counts.connect).toBeGreaterThan(1000);
    expect(counts.reject).toBeGreaterThan(1000);
  });
});
