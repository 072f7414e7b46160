import { describe, expect, it } from 'vitest';
import { createAttributor } from '../attribution/company-lookup';
import { realTable } from '../../tests/support/attribution-fixtures';
import { buildPageReport } from './page-report';
import { summarySentence } from './summary-sentence';

const attribute = createAttributor(realTable());

describe('buildPageReport', () => {
  // A news page: its own hosts, two Google products, Meta, a CDN, and a host nobody owns in the data.
  const report = buildPageReport({
    site: 'www.example-news.org',
    contacts: [
      { host: 'www.example-news.org', requests: 30 },
      { host: 'static.example-news.org', requests: 12 },
      { host: 'www.google-analytics.com', requests: 6, blocked: 6 },
      { host: 'fonts.gstatic.com', requests: 4 },
      { host: 'connect.facebook.net', requests: 5, blocked: 2 },
      { host: 'cdn.jsdelivr.net', requests: 3 },
      { host: 'pixel.unknown-tracker-diffuse.example', requests: 2 },
      { host: 'FONTS.GSTATIC.COM', requests: 0 }, // same host again, other case: merged
    ],
  }, attribute);

  it('lists every contact with owner, category, counts and party', () => {
    expect(report.site).toBe('www.example-news.org');
    expect(report.contacts.map((c) => c.host)).toEqual([
      'www.example-news.org', 'static.example-news.org', 'www.google-analytics.com', 'connect.facebook.net',
      'fonts.gstatic.com', 'cdn.jsdelivr.net', 'pixel.unknown-tracker-diffuse.example',
    ]);
    expect(report.contacts[2]).toEqual({
      host: 'www.google-analytics.com', organization: 'Google', product: 'Google Analytics', category: 'site_analytics',
      requests: 6, blocked: 6, thirdParty: true,
    });
    expect(report.contacts.find((c) => c.host.startsWith('pixel.'))).toMatchObject({ organization: null, category: null, thirdParty: true });
    expect(report.firstParty).toEqual({ hosts: 2, requests: 42, blocked: 0 });
  });

  it('rolls third-party hosts up by parent company, with shares of all third-party requests', () => {
    // 20 third-party requests: Google 10 (analytics + fonts), Meta 5, jsDelivr 3, unknown 2.
    expect(report.organizations).toEqual([
      { name: 'Google', requests: 10, share: 0.5, categories: ['site_analytics', 'hosting'], blocked: 6, hosts: ['www.google-analytics.com', 'fonts.gstatic.com'] },
      { name: 'Meta', requests: 5, share: 0.25, categories: ['advertising'], blocked: 2, hosts: ['connect.facebook.net'] },
      { name: 'jsDelivr', requests: 3, share: 0.15, categories: ['hosting'], blocked: 0, hosts: ['cdn.jsdelivr.net'] },
    ]);
    expect(report.unknown).toEqual({ hosts: 1, requests: 2, blocked: 0, share: 0.1 });
  });

  it('computes HHI from known companies only: 50² + 25² + 15² = 3,350', () => {
    expect(report.concentration).toEqual({ hhi: 3350, topShare: 0.5, level: 'high', label: 'highly concentrated' });
  });

  it('gives the summary data and sentence, counting the unknown host as a host but not a company', () => {
    expect(report.summary).toEqual({ thirdPartyHosts: 5, thirdPartyRequests: 20, companies: 3, unknownHosts: 1, topCompany: { name: 'Google', share: 0.5 } });
    expect(summarySentence(report.summary)).toBe('Contacted 5 third-party hosts run by 3 companies (owner unknown for 1); Google received 50 % of the requests.');
  });

  it('keeps the site\'s own company out of the companies: YouTube loading ytimg and Google Analytics', () => {
    const yt = buildPageReport({ site: 'www.youtube.com', contacts: [
      { host: 'i.ytimg.com', requests: 40 }, { host: 'www.google-analytics.com', requests: 3 }, { host: 'connect.facebook.net', requests: 1 },
    ] }, attribute);
    expect(yt.organizations.map((o) => o.name)).toEqual(['Meta']);
    expect(yt.summary.thirdPartyHosts).toBe(1);
  });

  it('handles a page with no contacts at all', () => {
    const empty = buildPageReport({ site: 'example.org', contacts: [] }, attribute);
    expect(empty.organizations).toEqual([]);
    expect(empty.concentration).toEqual({ hhi: 0, topShare: 0, level: 'none', label: 'no known companies' });
    expect(summarySentence(empty.summary)).toBe('Contacted no third-party hosts.');
  });

  it('rejects impossible counts with a message naming the host', () => {
    expect(() => buildPageReport({ site: 'a.org', contacts: [{ host: 'x.com', requests: -1 }] }, attribute)).toThrow(/x\.com: requests/);
    expect(() => buildPageReport({ site: 'a.org', contacts: [{ host: 'x.com', requests: 1, blocked: 2 }] }, attribute)).toThrow(/x\.com: blocked/);
  });
});

describe('buildPageReport: the site\'s own domains and unknown owners', () => {
  it('puts a brand CDN under the site, and claims no concentration level when unknown owners take half or more', () => {
    // The news site: its "<brand>-cdn" domain made 63 % of what used to be its third-party requests.
    const r = buildPageReport({
      site: 'www.diffuse-news.com',
      contacts: [
        { host: 'www.diffuse-news.com', requests: 5 },
        { host: 'img.diffuse-news-cdn.com', requests: 63 },
        { host: 'www.google-analytics.com', requests: 4 },
        { host: 'cdn.newsroom-widgets.net', requests: 6 },
      ],
    }, attribute);
    expect(r.contacts.find((c) => c.host === 'img.diffuse-news-cdn.com')).toMatchObject({ thirdParty: false, sameSite: 'brand' });
    expect(r.contacts.find((c) => c.host === 'www.diffuse-news.com')?.sameSite).toBeUndefined();
    expect(r.firstParty).toEqual({ hosts: 2, requests: 68, blocked: 0 });
    expect(r.unknown).toEqual({ hosts: 1, requests: 6, blocked: 0, share: 0.6 });
    expect(r.concentration.level).toBe('unknown');
    // The user's word moves the widget under the site too; then Google is all there is, and a level is claimed.
    const chosen = buildPageReport({ site: 'diffuse-news.com', contacts: r.contacts, ownDomains: ['newsroom-widgets.net'] }, attribute);
    expect(chosen.contacts.find((c) => c.host === 'cdn.newsroom-widgets.net')).toMatchObject({ thirdParty: false, sameSite: 'chosen' });
    expect(chosen.concentration.level).toBe('high');
  });
});

describe('summarySentence', () => {
  const base = { thirdPartyHosts: 27, thirdPartyRequests: 100, companies: 9, unknownHosts: 0, topCompany: { name: 'Google', share: 0.48 } };

  it('reads like the issue\'s example for 27 hosts, 9 companies, Google 48 %', () => {
    expect(summarySentence(base)).toBe('Contacted 27 third-party hosts run by 9 companies; Google received 48 % of the requests.');
  });
  it('uses the singular for one host and one company', () => {
    expect(summarySentence({ ...base, thirdPartyHosts: 1, companies: 1, topCompany: { name: 'Meta', share: 1 } }))
      .toBe('Contacted 1 third-party host run by 1 company; Meta received 100 % of the requests.');
  });
  it('says so when no host has a known owner, in singular and plural', () => {
    expect(summarySentence({ ...base, thirdPartyHosts: 1, companies: 0, unknownHosts: 1, topCompany: null })).toBe('Contacted 1 third-party host; its owner is unknown.');
    expect(summarySentence({ ...base, thirdPartyHosts: 3, companies: 0, unknownHosts: 3, topCompany: null })).toBe('Contacted 3 third-party hosts; none has a known owner.');
  });
  it('never rounds a real share down to "0 %"', () => {
    expect(summarySentence({ ...base, topCompany: { name: 'Tiny', share: 0.004 } })).toMatch(/Tiny received less than 1 % of the requests\.$/);
  });
});
