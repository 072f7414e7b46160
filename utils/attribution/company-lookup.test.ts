import { getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import { createAttributor } from './company-lookup';
import { isIpAddress, normalizeHost } from './host-names';
import { siteOwnerIndex } from './site-owners';
import type { AttributionTable } from './table-types';
import { loadSiteOwners, realTable } from '../../tests/support/attribution-fixtures';
import { attributionBenchHosts } from '../../tests/support/attribution-hosts';

const attribute = createAttributor(realTable());

describe('attribute (real trackerdb + third-party-web table)', () => {
  // Hosts seen on ordinary pages, with the parent company a reader would expect.
  const cases: [host: string, organization: string, product: string][] = [
    ['www.google-analytics.com', 'Google', 'Google Analytics'],
    ['googletagmanager.com', 'Google', 'Google Tag'],
    ['i.ytimg.com', 'Google', 'YouTube'],
    ['www.youtube.com', 'Google', 'YouTube'],
    ['fonts.gstatic.com', 'Google', 'Google Fonts'],
    ['connect.facebook.net', 'Meta', 'Facebook'],
    ['scontent.cdninstagram.com', 'Meta', 'Instagram'],
    ['bat.bing.com', 'Microsoft', 'Microsoft Advertising'],
    ['cdn.jsdelivr.net', 'jsDelivr', 'jsDelivr'],
    ['cdnjs.cloudflare.com', 'Cloudflare', 'Cloudflare CDN'],
  ];
  it.each(cases)('names the parent company of %s as %s (%s)', (host, organization, product) => {
    expect(attribute(host)).toMatchObject({ organization, product });
  });

  it('rolls products of one parent up to one name: YouTube, Analytics, gstatic → Google; Facebook, Instagram → Meta', () => {
    const orgs = (hosts: string[]) => new Set(hosts.map((h) => attribute(h)?.organization));
    expect(orgs(['www.youtube.com', 'www.google-analytics.com', 'fonts.gstatic.com', 'www.googletagmanager.com'])).toEqual(new Set(['Google']));
    expect(orgs(['connect.facebook.net', 'scontent.cdninstagram.com', 'www.instagram.com'])).toEqual(new Set(['Meta']));
  });

  it('says where the answer came from: trackerdb first, third-party-web where it refines or fills', () => {
    expect(attribute('i.ytimg.com')).toMatchObject({ source: 'trackerdb', domain: 'ytimg.com', category: 'audio_video_player' });
    // third-party-web names this host's product more precisely; the owner is trackerdb's Google either way.
    expect(attribute('fonts.gstatic.com')).toMatchObject({ source: 'third-party-web', domain: 'fonts.gstatic.com', category: 'hosting' });
    expect(attribute('vine.co')).toMatchObject({ source: 'third-party-web', organization: 'X Corp.' });
  });

  it('returns null for hosts nobody in the data owns, instead of guessing', () => {
    expect(attribute('tracker.unknown-company-diffuse-test.example')).toBeNull();
    expect(attribute('shop.some-small-business-diffuse.de')).toBeNull();
  });

  it('returns null for IP addresses, single labels and empty input', () => {
    for (const host of ['203.0.113.7', '[2001:db8::1]', '2001:db8::1', 'localhost', '', 'com']) expect(attribute(host)).toBeNull();
  });

  it('normalises case, trailing dot and port before matching', () => {
    expect(attribute('WWW.YouTube.COM.')?.organization).toBe('Google');
    expect(attribute('www.youtube.com:443')?.organization).toBe('Google');
  });
});

describe('attribute (longest suffix by labels, on a hand-made table)', () => {
  const table: AttributionTable = {
    version: 2,
    organizations: ['Parent', 'Other', 'Suffix Owner'],
    products: ['Deep Product'],
    categories: ['misc'],
    domains: {
      'example.com': [0, -1, 0, 0],
      'deep.b.example.com': [1, 0, 0, 1],
      'co.uk': [2, -1, 0, 0],
    },
    siteOwners: [['Publisher', ['publisher.com', 'pub-static.net']]],
  };
  const lookup = createAttributor(table);

  it('tries a.b.example.com, then b.example.com, then example.com and takes the longest listed', () => {
    expect(lookup('a.deep.b.example.com')).toMatchObject({ organization: 'Other', product: 'Deep Product', domain: 'deep.b.example.com', source: 'third-party-web' });
    expect(lookup('a.b.example.com')).toMatchObject({ organization: 'Parent', product: 'Parent', domain: 'example.com' });
  });

  it('does not match on label fragments: notexample.com is not example.com', () => {
    expect(lookup('notexample.com')).toBeNull();
  });

  it('never matches a public suffix alone, even when a table lists one', () => {
    expect(lookup('anything.co.uk')).toBeNull();
    expect(lookup('co.uk')).toBeNull();
  });

  it('answers which organization owns a host\'s domain by the site-owner lists', () => {
    expect(lookup.siteOwner?.('www.publisher.com')).toBe(0);
    expect(lookup.siteOwner?.('img.pub-static.net')).toBe(0);
    expect(lookup.siteOwner?.('example.com')).toBeUndefined();
  });

  it('rejects a table of another version or with rows pointing outside its arrays', () => {
    expect(() => createAttributor({ ...table, version: 1 } as unknown as AttributionTable)).toThrow(/version 1/);
    expect(() => createAttributor({ ...table, domains: { 'x.com': [9, -1, 0, 0] } })).toThrow(/"x.com" points outside/);
  });
});

describe('attribute (the same answers as the label walk it replaced, on the benchmark\'s hosts)', () => {
  // The previous lookup, kept here only as the reference: a Map probe per label, cutting a string each time.
  const CLEAN_HOST = /^[a-z0-9_-][a-z0-9._-]*[a-z0-9_-]$/;
  function longestSuffix<T>(h: string, map: ReadonlyMap<string, T>): T | null {
    for (let start = 0; ; ) {
      const hit = map.get(start === 0 ? h : h.slice(start));
      if (hit !== undefined) return hit;
      const dot = h.indexOf('.', start);
      if (dot === -1 || h.indexOf('.', dot + 1) === -1) return null;
      start = dot + 1;
    }
  }
  const table = realTable();
  const byDomain = new Map(Object.keys(table.domains).filter((d) => getPublicSuffix(d) !== d).map((d) => [d, d]));
  const owners = siteOwnerIndex(table.siteOwners);
  const reference = (host: string): string | null => {
    const h = CLEAN_HOST.test(host) ? host : normalizeHost(host);
    if (h === '' || isIpAddress(h) || h.includes(':')) return null;
    return longestSuffix(h, byDomain);
  };
  const hosts = attributionBenchHosts(table, loadSiteOwners());
  // What else reaches the lookup: typed or read from other tools, and hosts that are not domains at all.
  const odd = hosts.slice(0, 500).flatMap((h) => [h.toUpperCase(), `${h}.`, `${h}:8443`, `.${h}`, ` ${h}`, `[${h}]`,
    h.replace('.', '..'), h.slice(h.indexOf('.') + 1), `${h.slice(0, 2).toUpperCase()}${h.slice(2)}`]);
  const special = ['', '.', '..', 'com', 'co.uk', 'localhost', '203.0.113.7', '10.0.0.1.', '[2001:db8::1]', '2001:db8::1', '[::1]:443',
    '1.2.3.4.example.com', 'example.com.1', 'a:b.google.com', '[x].google.com',
    // A port or bracket before the point where nothing longer is listed still changes the host normalizeHost makes.
    'a:b.zz.google-analytics.com', '[zz].yy.google-analytics.com', 'a:b.zz.nytimes.com', '[zz].yy.nytimes.com'];

  it(`gives the reference's answer for all ${hosts.length} benchmark hosts and ${odd.length + special.length} odd ones`, () => {
    expect(hosts.length).toBeGreaterThan(10_000);
    let attributed = 0;
    for (const host of [...hosts, ...odd, ...special]) {
      const expected = reference(host);
      expect(attribute(host)?.domain ?? null, JSON.stringify(host)).toBe(expected);
      if (expected !== null) attributed++;
    }
    expect(attributed).toBeGreaterThan(7000);
  });

  it('answers siteOwner as the reference does, for the same hosts', () => {
    for (const host of [...hosts, ...odd, ...special]) {
      expect(attribute.siteOwner?.(host), JSON.stringify(host)).toBe(longestSuffix(normalizeHost(host), owners) ?? undefined);
    }
  });
});
