import { describe, expect, it } from 'vitest';
import { registrableDomain } from './registrable-domain';

describe('registrableDomain: what Diffuse calls a site', () => {
  it('eTLD+1 by the Public Suffix List, private section included; URLs, case and a trailing dot accepted', () => {
    expect(registrableDomain('www.news.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('alice.github.io')).toBe('alice.github.io');
    expect(registrableDomain('https://Shop.Example.COM./cart?x=1')).toBe('example.com');
  });

  it('IP addresses, single labels and reserved names are their own site', () => {
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(registrableDomain('localhost')).toBe('localhost');
  });

  it('answers the same for a host seen before, and after more hosts than it keeps (its memo is cleared when full)', () => {
    expect(registrableDomain('cdn.static.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('cdn.static.example.co.uk')).toBe('example.co.uk');
    for (let i = 0; i < 5000; i++) expect(registrableDomain(`h${i}.site${i % 7}.github.io`)).toBe(`site${i % 7}.github.io`);
    expect(registrableDomain('cdn.static.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('WWW.Example.CO.UK.')).toBe('example.co.uk');
    const long = `https://www.example.com/${'a'.repeat(300)}`;
    expect(registrableDomain(long)).toBe('example.com');
    expect(registrableDomain(long)).toBe('example.com');
  });
});
