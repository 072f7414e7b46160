import { describe, expect, it } from 'vitest';
import { socksUserId } from '../utils/companion/socks-user-id';
import { MAX_SOCKS4A_REQUEST, parseSocks4a, socks4Reply } from './socks4a';
import { SocksHandshake, type MethodPolicy } from './socks5';

const PASSWORD = '0123456789abcdef0123456789abcdef';
const handshake = (policy: MethodPolicy = 'password') => new SocksHandshake({ policy, verify: (_site, password) => password === PASSWORD });

/** What Firefox writes for a "socks4" proxy with proxyDNS (nsSOCKSIOLayer.cpp WriteV4ConnectRequest). */
function socks4a(userId: string, name: string, port = 443, command = 1): Buffer {
  return Buffer.concat([Buffer.from([4, command, port >> 8, port & 0xff, 0, 0, 0, 1]), Buffer.from(userId), Buffer.from([0]), Buffer.from(name, 'latin1'), Buffer.from([0])]);
}
const socks4 = (userId: string, ip: number[], port: number) => Buffer.concat([Buffer.from([4, 1, port >> 8, port & 0xff, ...ip]), Buffer.from(userId), Buffer.from([0])]);
const granted = [0, 0x5a, 0, 0, 0, 0, 0, 0];
const rejected = [0, 0x5b, 0, 0, 0, 0, 0, 0];

describe('SOCKS4a (Firefox’s one-round-trip form)', () => {
  it('reads Firefox’s request: the site from the user id, the name to look up, early data kept', () => {
    const outcome = handshake().push(Buffer.concat([socks4a(socksUserId(PASSWORD, 'news.example.com')!, 'cdn.example.net'), Buffer.from('GET /')]));
    expect(outcome).toMatchObject({ kind: 'connect', send: [], request: { version: 4, username: 'news.example.com', destination: { kind: 'domain', host: 'cdn.example.net', port: 443 } } });
    if (outcome.kind === 'connect') expect(outcome.rest.toString()).toBe('GET /');
  });

  it('keeps a site that holds a colon (an IPv6 page) whole: only the first colon ends the password', () => {
    const outcome = handshake().push(socks4a(`${PASSWORD}:2001:db8::1`, 'cdn.example.net'));
    expect(outcome).toMatchObject({ kind: 'connect', request: { username: '2001:db8::1' } });
  });

  it('reads a plain SOCKS4 request to an IPv4 address', () => {
    expect(handshake().push(socks4(`${PASSWORD}:a.com`, [93, 184, 215, 14], 8443))).toMatchObject({ kind: 'connect', request: { version: 4, destination: { kind: 'ipv4', host: '93.184.215.14', port: 8443 } } });
  });

  it('refuses with the SOCKS4 "rejected" reply: a wrong password, no password, another command, an empty name', () => {
    for (const input of [socks4a('not-the-password:a.com', 'x.com'), socks4a('a.com', 'x.com'), socks4a(`${PASSWORD}:a.com`, 'x.com', 443, 2), socks4a(`${PASSWORD}:a.com`, '')]) {
      const outcome = handshake().push(input);
      expect(outcome.kind).toBe('reject');
      expect(outcome.send.map((b) => [...b])).toEqual([rejected]);
    }
  });

  it('is refused where the mode has no password (Chrome’s SOCKS5 without authentication): no second way in', () => {
    expect(handshake('none').push(socks4a(`${PASSWORD}:a.com`, 'x.com'))).toMatchObject({ kind: 'reject', send: [Buffer.from(rejected)] });
  });

  it('asks for more at every cut of a whole request, then completes', () => {
    const whole = socks4a(`${PASSWORD}:a.com`, 'www.a.com');
    for (let cut = 1; cut < whole.length; cut++) {
      const h = handshake();
      expect(h.push(whole.subarray(0, cut)).kind).toBe('more');
      expect(h.push(whole.subarray(cut)).kind).toBe('connect');
    }
  });

  it('closes on a user id or a name longer than Firefox sends, without holding more than the longest request', () => {
    const longId = Buffer.concat([Buffer.from([4, 1, 1, 187, 0, 0, 0, 1]), Buffer.alloc(300, 0x61)]);
    expect(parseSocks4a(longId)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/user id too long/) });
    const longName = Buffer.concat([Buffer.from([4, 1, 1, 187, 0, 0, 0, 1]), Buffer.from('id\0'), Buffer.alloc(300, 0x61)]);
    expect(parseSocks4a(longName)).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/name too long/) });
    const h = handshake();
    const longest = socks4a(`${PASSWORD}:${'s'.repeat(255 - 33)}`, 'n'.repeat(255));
    expect(longest.length).toBe(MAX_SOCKS4A_REQUEST);
    expect(h.push(longest.subarray(0, -1)).kind).toBe('more');
    expect(h.pending).toBe(MAX_SOCKS4A_REQUEST - 1);
    expect(h.push(longest.subarray(-1)).kind).toBe('connect');
  });

  it('writes the 8-octet reply: VN 0, then 90 granted or 91 rejected', () => {
    expect([...socks4Reply(true)]).toEqual(granted);
    expect([...socks4Reply(false)]).toEqual(rejected);
  });

  it('builds no user id that Firefox could not send (255 octets), so the extension falls back to SOCKS5 there', () => {
    expect(socksUserId(PASSWORD, 'a.com')).toBe(`${PASSWORD}:a.com`);
    expect(socksUserId(PASSWORD, 's'.repeat(255 - 33))).not.toBeNull();
    expect(socksUserId(PASSWORD, 's'.repeat(256 - 33))).toBeNull();
  });
});
