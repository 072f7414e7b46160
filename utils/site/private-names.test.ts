import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isPrivateAddress, normaliseHost, SPECIAL_USE_NAMES, specialUseSuffix, whyNeverSent, type NeverSentReason } from './private-names';

describe('whyNeverSent: names Diffuse never asks a resolver of its own', () => {
  const neverSent: [string, NeverSentReason][] = [
    ['printer.local', 'special-use'],
    ['wiki.corp.internal', 'special-use'],
    ['nas.home.arpa', 'special-use'],
    ['intranet', 'single-label'],
    ['foo.test', 'special-use'],
    ['x.example', 'special-use'],
    ['a.onion', 'special-use'],
    ['b.alt', 'special-use'],
    ['localhost', 'special-use'],
    ['foo.localhost', 'special-use'],
    ['foo.invalid', 'special-use'],
    ['thermostat.default.service.arpa', 'special-use'],
    ['192.168.1.1', 'ip-literal'],
    ['[::1]', 'ip-literal'],
    ['2001:db8::1', 'ip-literal'],
    ['8.8.8.8', 'ip-literal'],
    ['server.corp', 'not-icann'],
    ['router.lan', 'not-icann'],
    ['box.home', 'not-icann'],
    ['mail.company.mail', 'not-icann'],
  ];
  it.each(neverSent)('%s → %s', (name, reason) => {
    expect(whyNeverSent(name)).toBe(reason);
  });

  it.each(['www.example.com', 'cdn.github.io', 'a.co.uk', 'foo.bar.com', 'xn--80ak6aa92e.com', 'www.xn--p1ai', 'shop.xn--mgbab2bd'])(
    '%s → sent (null)',
    (name) => {
      expect(whyNeverSent(name)).toBeNull();
    },
  );

  it('example.com/net/org are real domains, not the special-use TLD', () => {
    expect(whyNeverSent('example.com')).toBeNull();
    expect(whyNeverSent('www.example.org')).toBeNull();
  });

  it('names that only look like special-use ones are public', () => {
    expect(whyNeverSent('local.example.com')).toBeNull();
    expect(whyNeverSent('localhost.example.com')).toBeNull();
    expect(whyNeverSent('myhome.arpa.example.com')).toBeNull();
    expect(whyNeverSent('notlocal')).toBe('single-label');
    // "arpa" names outside the table are ICANN's and public (ipv4only.arpa is answered the same everywhere).
    expect(whyNeverSent('ipv4only.arpa')).toBeNull();
  });

  it('case, a trailing dot and brackets are normalised away', () => {
    expect(whyNeverSent('Printer.LOCAL.')).toBe('special-use');
    expect(whyNeverSent('WWW.Example.COM.')).toBeNull();
    expect(whyNeverSent(' [FE80::1] ')).toBe('ip-literal');
    expect(whyNeverSent('Intranet.')).toBe('single-label');
    expect(normaliseHost(' [::1] ')).toBe('::1');
    expect(normaliseHost('A.B.')).toBe('a.b');
  });

  it('a name ending in a number is an IPv4 address to the URL parser, so an IP literal', () => {
    expect(whyNeverSent('127.1')).toBe('ip-literal');
    expect(whyNeverSent('0x7f.1')).toBe('ip-literal');
    expect(whyNeverSent('3232235777')).toBe('ip-literal');
  });

  it('names no query can carry are malformed; unusual but valid labels are sent', () => {
    expect(whyNeverSent('')).toBe('malformed');
    expect(whyNeverSent('.')).toBe('malformed');
    expect(whyNeverSent('a..com')).toBe('malformed');
    expect(whyNeverSent(`${'a'.repeat(64)}.com`)).toBe('malformed');
    expect(whyNeverSent(`${'a.'.repeat(127)}com`)).toBe('malformed');
    expect(whyNeverSent(`${'a'.repeat(63)}.com`)).toBeNull();
    expect(whyNeverSent('-cdn.example.com')).toBeNull();
    expect(whyNeverSent('a_b.example.com')).toBeNull();
  });

  it('the special-use table matches whole labels', () => {
    expect(specialUseSuffix('nas.home.arpa')).toBe('home.arpa');
    expect(specialUseSuffix('home.arpa')).toBe('home.arpa');
    expect(specialUseSuffix('x.arpa')).toBeNull();
    expect(specialUseSuffix('alternative.com')).toBeNull();
    expect(SPECIAL_USE_NAMES.get('onion')).toMatch(/RFC 7686/);
  });
});

describe('what tldts says (pinned: the decisions above rely on it)', () => {
  const icann = (name: string) => {
    const p = parse(name, { allowPrivateDomains: false });
    return { isIcann: p.isIcann, publicSuffix: p.publicSuffix };
  };

  it('an unknown TLD falls to the PSL default rule "*": its own suffix, not ICANN', () => {
    expect(icann('server.corp')).toEqual({ isIcann: false, publicSuffix: 'corp' });
    expect(icann('router.lan')).toEqual({ isIcann: false, publicSuffix: 'lan' });
    expect(icann('box.home')).toEqual({ isIcann: false, publicSuffix: 'home' });
  });

  it('a private-section suffix is an ICANN name once the private section is off', () => {
    expect(icann('cdn.github.io')).toEqual({ isIcann: true, publicSuffix: 'io' });
    expect(parse('cdn.github.io', { allowPrivateDomains: true }).isPrivate).toBe(true);
  });

  it('.internal, .alt, .local, .test, .example, .invalid, .localhost are not in the list; home.arpa and onion are ICANN', () => {
    for (const tld of ['internal', 'alt', 'local', 'test', 'example', 'invalid', 'localhost']) {
      expect(icann(`x.${tld}`), tld).toEqual({ isIcann: false, publicSuffix: tld });
    }
    // Only the special-use table keeps these two back.
    expect(icann('nas.home.arpa')).toEqual({ isIcann: true, publicSuffix: 'home.arpa' });
    expect(icann('a.onion')).toEqual({ isIcann: true, publicSuffix: 'onion' });
    expect(icann('x.service.arpa')).toEqual({ isIcann: true, publicSuffix: 'arpa' });
  });
});

describe('isPrivateAddress: a main document from here makes the page an intranet page', () => {
  it.each([
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.10.20',
    '100.64.0.1',
    '100.127.255.255',
    'fe80::1',
    'FE80::abcd:1',
    'febf::1',
    'fe80::1%eth0',
    '[fe80::1%25en0]',
    'fec0::1',
    'fc00::1',
    'fd12:3456:789a::1',
    '::ffff:192.168.1.1',
    '::ffff:c0a8:101',
    '::ffff:c0a8:0101',
    '[::ffff:10.1.2.3]',
    '64:ff9b::10.0.0.1',
  ])('%s is private', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    // Loopback and unspecified: a local program (the companion's proxy, a developer's server), not a network.
    '127.0.0.1',
    '127.255.0.9',
    '0.0.0.0',
    '::1',
    '::',
    '[::1]',
    '::ffff:7f00:1',
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '192.169.0.1',
    '100.63.255.255',
    '100.128.0.0',
    '169.253.0.1',
    '11.0.0.1',
    '1.1.1.1',
    '2001:db8::1',
    '2606:4700::1111',
    'fe7f::1',
    'ff02::1',
    '::2',
    '::ffff:8.8.8.8',
    '::ffff:0808:0808',
    '64:ff9b::8.8.8.8',
    // Not addresses: nothing says the page is private.
    '',
    'example.com',
    '192.168.1',
    '192.168.001.1',
    '::ffff:192.168.1.256',
    'fe80::1::2',
  ])('%s is not private', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

describe('isLoopbackAddress: the address webRequest reports behind a local proxy', () => {
  it.each(['127.0.0.1', '127.255.0.9', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:1'])('%s is loopback', (ip) => {
    expect(isLoopbackAddress(ip)).toBe(true);
  });
  it.each(['128.0.0.1', '10.0.0.1', '::', '::2', '2001:db8::1', '::ffff:8.8.8.8', 'localhost', ''])('%s is not', (ip) => {
    expect(isLoopbackAddress(ip)).toBe(false);
  });
});
