import { describe, expect, it } from 'vitest';
import { createAttributor } from '../attribution/company-lookup';
import { realTable } from '../../tests/support/attribution-fixtures';
import { buildPageReport } from './page-report';
import { hostsByCompany } from './company-hosts';
import { domainShares, firstScreen } from './popup-report';

const attribute = createAttributor(realTable());
// What CNAME uncloaking finds behind a cloaked name: the tracker its chain reaches.
const adobe = attribute('shop.example.sc.omtrdc.net')!;

// A news page: its own hosts, a CDN domain the user said is the site's, Google twice, Meta, a cloaked name, an
// unknown host; blocked requests spread over first and third parties.
const report = buildPageReport({
  site: 'www.example-news.org',
  ownDomains: ['newsimg-cdn.net'],
  contacts: [
    { host: 'www.example-news.org', requests: 30, blocked: 1 },
    { host: 'img.newsimg-cdn.net', requests: 12 },
    { host: 'www.google-analytics.com', requests: 6, blocked: 6 },
    { host: 'fonts.gstatic.com', requests: 4 },
    { host: 'stats.g.doubleclick.net', requests: 7, blocked: 7 },
    { host: 'connect.facebook.net', requests: 5, blocked: 2 },
    { host: 'metrics.example-news.org', requests: 3, blocked: 3 },
    { host: 'pixel.unknown-tracker-diffuse.example', requests: 2 },
  ],
  cloaks: new Map([['metrics.example-news.org', adobe]]),
}, attribute);

describe("the popup's first screen of a page report", () => {
  const screen = firstScreen(report);

  it('keeps every total, and every company without its host list', () => {
    const { contacts: _c, organizations, ...totals } = report;
    expect(screen).toMatchObject(totals);
    expect(screen.organizations).toEqual(organizations.map(({ hosts: _h, ...company }) => company));
    expect(screen.organizations.every((c) => !('hosts' in c))).toBe(true);
    expect('contacts' in screen).toBe(false);
  });

  it('counts every blocked request of the page, first party and cloaked names included', () => {
    expect(screen.blocked).toBe(1 + 6 + 7 + 2 + 3);
    expect(screen.blocked).toBe(report.contacts.reduce((n, c) => n + c.blocked, 0));
  });

  it("keeps the site's other own domains, and only those", () => {
    expect(screen.siteDomains).toEqual([{ domain: 'newsimg-cdn.net', requests: 12, reason: 'chosen' }]);
  });

  it('is a fraction of the whole report on a heavy page', () => {
    const heavy = buildPageReport({
      site: 'www.example-news.org',
      contacts: Array.from({ length: 500 }, (_, i) => ({ host: i % 2 ? `cdn${i}.unknown-${i % 37}.example` : `h${i}.doubleclick.net`, requests: 1 + (i % 5) })),
    }, attribute);
    expect(JSON.stringify(firstScreen(heavy)).length).toBeLessThan(JSON.stringify(heavy).length / 10);
  });
});

describe('hostsByCompany', () => {
  it("gives each company the hosts the report's own roll-up gave it, in the same order", () => {
    const byCompany = hostsByCompany(report.contacts);
    expect(Object.fromEntries(byCompany)).toEqual(Object.fromEntries(report.organizations.map((o) => [o.name, o.hosts])));
    expect(byCompany.get(adobe.organization)).toEqual(['metrics.example-news.org']); // a cloaked name is its tracker's host
    expect(byCompany.get('Google')).toEqual(['stats.g.doubleclick.net', 'www.google-analytics.com', 'fonts.gstatic.com']);
  });

  it('leaves out first-party hosts and hosts without a known owner', () => {
    const all = [...hostsByCompany(report.contacts).values()].flat();
    expect(all).not.toContain('www.example-news.org');
    expect(all).not.toContain('img.newsimg-cdn.net');
    expect(all).not.toContain('pixel.unknown-tracker-diffuse.example');
  });
});

describe('domainShares', () => {
  it('sums the requests of each registrable domain, most requested first, private suffixes kept apart', () => {
    const third = report.contacts.filter((c) => c.thirdParty);
    expect(domainShares(third)).toEqual([
      { domain: 'doubleclick.net', requests: 7 },
      { domain: 'google-analytics.com', requests: 6 },
      { domain: 'facebook.net', requests: 5 },
      { domain: 'gstatic.com', requests: 4 },
      { domain: 'example-news.org', requests: 3 }, // the cloaked name: a third party under the site's own domain
      { domain: 'unknown-tracker-diffuse.example', requests: 2 },
    ]);
    const hosted = buildPageReport({ site: 'www.example-news.org', contacts: [
      { host: 'alice.github.io', requests: 2 }, { host: 'bob.github.io', requests: 2 }, { host: 'cdn.bob.github.io', requests: 1 },
    ] }, attribute);
    expect(domainShares(hosted.contacts)).toEqual([
      { domain: 'bob.github.io', requests: 3 },
      { domain: 'alice.github.io', requests: 2 },
    ]);
  });

  it("keeps the reason a domain is the site's own", () => {
    expect(domainShares(report.contacts.filter((c) => !c.thirdParty))).toEqual([
      { domain: 'example-news.org', requests: 30 },
      { domain: 'newsimg-cdn.net', requests: 12, reason: 'chosen' },
    ]);
  });
});
