import { describe, expect, it } from 'vitest';
import { checkIncoming, secretBytes } from './protocol';

const SECRET = 'ab'.repeat(32);
const valid = { type: 'configure', resolvers: ['https://dns.alpha.example/dns-query'], strategy: 'site', secret: SECRET, rekeyDays: 0, auth: 'password' };

describe('checkIncoming', () => {
  it('accepts a whole configure and normalises it as the extension does', () => {
    const check = checkIncoming({ ...valid, resolvers: [' https://dns.alpha.example/dns-query{?dns} '], secret: SECRET.toUpperCase() });
    expect(check).toEqual({ ok: true, message: { ...valid, resolvers: ['https://dns.alpha.example/dns-query{?dns}'], secret: SECRET } });
  });

  it.each([
    ['not an object', 'configure', /JSON object/],
    ['an array', [], /JSON object/],
    ['an unknown type', { type: 'lookup' }, /Unknown message type "lookup"/],
    ['a resolve without an id', { type: 'resolve', name: 'm.shop.com', site: 'shop.com' }, /"id" must be a whole number/],
    ['a resolve without a name', { type: 'resolve', id: 1, name: '', site: 'shop.com' }, /"name" must be a host name/],
    ['a missing field', { ...valid, auth: undefined }, /"auth" is missing/],
    ['a plain-http resolver elsewhere', { ...valid, resolvers: ['http://dns.example/q'] }, /must use https/],
    ['no resolver', { ...valid, resolvers: [] }, /at least one resolver/],
    ['an unknown strategy', { ...valid, strategy: 'fastest' }, /Unknown strategy "fastest"/],
    ['a fractional re-keying period', { ...valid, rekeyDays: 1.5 }, /whole number of days/],
    ['a short secret', { ...valid, secret: 'abcd' }, /64 hexadecimal digits/],
    ['a secret that is not hex', { ...valid, secret: 'zz'.repeat(32) }, /64 hexadecimal digits/],
    ['another auth', { ...valid, auth: 'basic' }, /"password" \(Firefox\) or "none" \(Chrome\)/],
  ])('refuses %s with a sentence saying why', (_, value, error) => {
    const check = checkIncoming(value);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(error);
  });

  it('accepts a resolve (uncloaking through the companion), names lower-cased', () => {
    expect(checkIncoming({ type: 'resolve', id: 7, name: 'M.Shop.com', site: 'Shop.com' })).toEqual({ ok: true, message: { type: 'resolve', id: 7, name: 'm.shop.com', site: 'shop.com' } });
  });

  it('turns the secret into its 32 octets', () => {
    expect([...secretBytes('00ff10' + '0'.repeat(58))].slice(0, 4)).toEqual([0, 255, 16, 0]);
    expect(secretBytes(SECRET)).toHaveLength(32);
  });
});
