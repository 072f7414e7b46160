import { isIPv6 } from 'node:net';
import { describe, expect, it } from 'vitest';
import { embeddedIpv4, parseIpv4, parseIpv6 } from './ip-parse';

const groupsOf = (text: string): number[] | null => {
  const out = new Uint16Array(8);
  return parseIpv6(text, out) ? [...out] : null;
};

describe('parseIpv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['8.8.8.8', 0x08080808],
    ['255.255.255.255', 0xffffffff],
  ])('reads %s', (text, value) => expect(parseIpv4(text)).toBe(value));

  it.each(['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1..2.3', '1.2.3.4.', '.1.2.3', 'a.b.c.d', '1.2.3.-4', ' 1.2.3.4', '1.2.3.4 ', '1234.1.1.1', '::1'])(
    'refuses %j',
    (text) => expect(parseIpv4(text)).toBe(-1),
  );

  it('refuses leading zeros, which some stacks read as octal', () => {
    expect(parseIpv4('010.1.1.1')).toBe(-1);
    expect(parseIpv4('10.1.1.00')).toBe(-1);
  });

  it('reads a slice of a longer string in place', () => {
    expect(parseIpv4('x,1.2.3.4,y', 2, 9)).toBe(0x01020304);
  });

  it('round-trips random addresses', () => {
    for (let i = 0; i < 2000; i++) {
      const v = Math.floor(Math.random() * 2 ** 32);
      expect(parseIpv4([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.'))).toBe(v);
    }
  });
});

describe('parseIpv6', () => {
  it.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['1::', [1, 0, 0, 0, 0, 0, 0, 0]],
    ['2606:4700::1111', [0x2606, 0x4700, 0, 0, 0, 0, 0, 0x1111]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['1:2:3:4:5:6:7::', [1, 2, 3, 4, 5, 6, 7, 0]],
    ['::2:3:4:5:6:7:8', [0, 2, 3, 4, 5, 6, 7, 8]],
    ['ABCD::eF', [0xabcd, 0, 0, 0, 0, 0, 0, 0xef]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]],
    ['1:2:3:4:5:6:1.2.3.4', [1, 2, 3, 4, 5, 6, 0x0102, 0x0304]],
  ])('reads %s', (text, groups) => expect(groupsOf(text)).toEqual(groups));

  const invalid = ['', ':', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8::', '12345::', 'g::1', '1:2:3:4:5:6:7',
    '::ffff:1.2.3', '::ffff:1.2.3.256', '1.2.3.4::', '1:', ':1', '[::1]', ' ::1', '::1 ', '1:2:3:4:5:6:7:1.2.3.4'];
  it.each(invalid)('refuses %j', (text) => expect(groupsOf(text)).toBeNull());

  it("agrees with node:net on every case above (zone ids aside: DNS answers never carry them)", () => {
    const valid = ['::', '::1', '1::', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '::ffff:1.2.3.4', '1:2:3:4:5:6:1.2.3.4'];
    for (const text of [...valid, ...invalid]) expect(groupsOf(text) !== null, text).toBe(isIPv6(text));
    expect(groupsOf('fe80::1%eth0')).toBeNull();
  });

  it('round-trips random addresses in the compressed form URL prints', () => {
    for (let i = 0; i < 2000; i++) {
      // Zero runs are common in real addresses; make them likely so "::" lands everywhere.
      const groups = Array.from({ length: 8 }, () => (Math.random() < 0.4 ? 0 : Math.floor(Math.random() * 0x10000)));
      const text = new URL(`http://[${groups.map((g) => g.toString(16)).join(':')}]/`).hostname.slice(1, -1);
      expect(groupsOf(text), text).toEqual(groups);
    }
  });
});

describe('embeddedIpv4', () => {
  const v4 = (text: string): number => {
    const out = new Uint16Array(8);
    return parseIpv6(text, out) ? embeddedIpv4(out) : NaN;
  };
  it('reads IPv4-mapped and NAT64 well-known-prefix addresses as the IPv4 address they carry', () => {
    expect(v4('::ffff:8.8.8.8')).toBe(0x08080808);
    expect(v4('::ffff:808:808')).toBe(0x08080808);
    expect(v4('64:ff9b::8.8.8.8')).toBe(0x08080808);
  });
  it('leaves other IPv6 addresses alone', () => {
    expect(v4('::8.8.8.8')).toBe(-1); // deprecated IPv4-compatible form: not an IPv4 peer
    expect(v4('2001:db8::ffff:808:808')).toBe(-1);
    expect(v4('64:ff9b:1::8.8.8.8')).toBe(-1);
  });
});
