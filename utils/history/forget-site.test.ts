import { describe, expect, it } from 'vitest';
import { siteToForget } from './forget-site';

describe('siteToForget: the site a "forget this site" request names', () => {
  it('is the registrable domain history keys sites by, whatever host of the site was given', () => {
    expect(siteToForget('alpha-news.test')).toBe('alpha-news.test');
    expect(siteToForget(' WWW.Alpha-News.test. ')).toBe('alpha-news.test');
    expect(siteToForget('shop.example.co.uk')).toBe('example.co.uk');
    expect(siteToForget('someone.github.io')).toBe('someone.github.io'); // private suffix: each customer is a site
    expect(siteToForget('xn--bcher-kva.de')).toBe('xn--bcher-kva.de');
  });

  it('accepts what history keeps as sites of their own: IP addresses and single labels', () => {
    expect(siteToForget('127.0.0.1')).toBe('127.0.0.1');
    expect(siteToForget('::1')).toBe('::1');
    expect(siteToForget('[2001:db8::1]')).toBe('2001:db8::1');
    expect(siteToForget('localhost')).toBe('localhost');
  });

  it('refuses anything that is not a host name, with a sentence saying what to give', () => {
    for (const junk of [42, null, undefined, { site: 'a.test' }, '', '   ']) expect(() => siteToForget(junk)).toThrow('Name the site to forget, for example "example.com".');
    const junk = ['https://example.com/', 'example.com/news', 'example.com:8080', 'user@example.com', 'exa mple.com', 'bücher.de', 'a..b', '.example.com', '<img src=x>', '0x7f.1', `${'a'.repeat(64)}.com`];
    for (const value of junk) expect(() => siteToForget(value)).toThrow(/is not a site: give its domain alone, for example "example\.com"/);
    expect(() => siteToForget('x'.repeat(300))).toThrow(`"${'x'.repeat(60)}…" is not a site`);
  });
});
