import { describe, expect, it } from 'vitest';
import { checkCompanionMessage, configureMessage } from './native-messages';

const lookup = { type: 'lookup', site: 'Example.com', name: 'CDN.example.com', resolver: 'https://dns.quad9.net/dns-query{?dns}', addresses: ['192.0.2.1'], connected: '192.0.2.1', at: 1000 };

describe('configureMessage', () => {
  it('writes the secret as 64 hex digits and copies the settings', () => {
    const secret = Uint8Array.from({ length: 32 }, (_, i) => i);
    const message = configureMessage({ resolvers: ['https://a.example/dns-query'], strategy: 'site', secret, rekeyDays: 7, auth: 'password' });
    expect(message).toEqual({ type: 'configure', resolvers: ['https://a.example/dns-query'], strategy: 'site', secret: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', rekeyDays: 7, auth: 'password' });
  });
  it('refuses a secret of the wrong length', () => {
    expect(() => configureMessage({ resolvers: [], strategy: 'site', secret: new Uint8Array(16), rekeyDays: 0, auth: 'none' })).toThrow(/32 bytes/);
  });
});

describe('checkCompanionMessage', () => {
  it('accepts ready of version 1', () => {
    expect(checkCompanionMessage({ type: 'ready', version: 1, port: 40123, password: 'p', extra: true })).toEqual({ ok: true, message: { type: 'ready', version: 1, port: 40123, password: 'p' } });
  });
  it('refuses another version, a bad port or an empty password', () => {
    expect(checkCompanionMessage({ type: 'ready', version: 2, port: 1, password: 'p' })).toMatchObject({ ok: false, problem: expect.stringMatching(/version 2/) });
    expect(checkCompanionMessage({ type: 'ready', version: 1, port: 70000, password: 'p' })).toMatchObject({ ok: false, problem: expect.stringMatching(/port/) });
    expect(checkCompanionMessage({ type: 'ready', version: 1, port: 8080, password: '' })).toMatchObject({ ok: false });
  });
  it('accepts a lookup, lower-casing site and name, keeping an error', () => {
    const check = checkCompanionMessage({ ...lookup, error: 'timeout' });
    expect(check).toEqual({ ok: true, message: { ...lookup, site: 'example.com', name: 'cdn.example.com', error: 'timeout' } });
  });
  it('keeps the first 64 addresses of a long answer', () => {
    const check = checkCompanionMessage({ ...lookup, addresses: Array.from({ length: 100 }, (_, i) => `2001:db8::${i.toString(16)}`) });
    expect(check.ok && check.message.type === 'lookup' && check.message.addresses).toHaveLength(64);
  });
  it('accepts a lookup sent to no resolver and not connected', () => {
    expect(checkCompanionMessage({ ...lookup, resolver: null, connected: null, addresses: [] }).ok).toBe(true);
  });
  it.each([
    ['site', { site: '' }],
    ['name', { name: 42 }],
    ['resolver', { resolver: '' }],
    ['addresses', { addresses: 'x' }],
    ['connected', { connected: 1 }],
    ['error', { error: 1 }],
    ['at', { at: -1 }],
  ])('refuses a lookup with a bad %s', (field, change) => {
    const check = checkCompanionMessage({ ...lookup, ...change });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toContain(`lookup.${field}`);
  });
  it('accepts error and refuses what is not a message', () => {
    expect(checkCompanionMessage({ type: 'error', message: 'no resolver answers' })).toEqual({ ok: true, message: { type: 'error', message: 'no resolver answers' } });
    expect(checkCompanionMessage({ type: 'hello' })).toMatchObject({ ok: false, problem: expect.stringMatching(/unknown/) });
    expect(checkCompanionMessage(null).ok).toBe(false);
    expect(checkCompanionMessage([]).ok).toBe(false);
  });
});
