import { describe, expect, it } from 'vitest';
import { compileAttribution, compileAttributionTable, describeConflicts, sameOrganizationKey } from './compile-table';
import { createAttributor } from './company-lookup';
import { PARENT_ALIASES } from './parent-companies';
import type { ThirdPartyWebEntity, TrackerDbData } from './table-types';
import { loadTrackerDb, realTable } from '../../tests/support/attribution-fixtures';

/** A miniature trackerdb: one parent with two products, one service without a known parent. */
const trackerdb: TrackerDbData = {
  categories: { advertising: { name: 'Advertising' }, hosting: { name: 'Hosting' } },
  organizations: { megacorp: { name: 'MegaCorp' }, cdnco: { name: 'CDN Co' } },
  patterns: {
    megaads: { name: 'Mega Ads', category: 'advertising', organization: 'megacorp', domains: ['megaads.com'] },
    megavideo: { name: 'MegaTube', category: 'audio_video_player', organization: 'megacorp', domains: ['megatube.com', 'mtimg.com'] },
    orphan: { name: 'Orphan CDN', category: 'hosting', organization: null, domains: ['orphancdn.net'] },
    cdn: { name: 'CDN Co', category: 'hosting', organization: null, domains: ['cdnco.net'] },
  },
  domains: {
    'megaads.com': 'megaads', 'megatube.com': 'megavideo', 'mtimg.com': 'megavideo',
    'orphancdn.net': 'orphan', 'cdnco.net': 'cdn', 'Bad Domain!': 'orphan',
  },
};

const entity = (e: Partial<ThirdPartyWebEntity> & { name: string }): ThirdPartyWebEntity => ({ category: 'other', domains: [], ...e });

describe('compileAttributionTable', () => {
  it('keeps trackerdb rows with the parent company, and a parentless pattern as its own owner', () => {
    const lookup = createAttributor(compileAttributionTable(trackerdb, []));
    expect(lookup('i.mtimg.com')).toMatchObject({ organization: 'MegaCorp', product: 'MegaTube', source: 'trackerdb' });
    expect(lookup('x.orphancdn.net')).toMatchObject({ organization: 'Orphan CDN', product: 'Orphan CDN' });
    // A parentless pattern named like an organization is that organization.
    expect(lookup('cdnco.net')).toMatchObject({ organization: 'CDN Co' });
  });

  it('fills hosts trackerdb lacks from third-party-web, with the parent found through a shared domain', () => {
    const table = compileAttributionTable(trackerdb, [
      entity({ name: 'MegaTube Embeds', category: 'video', domains: ['*.megatube.com', '*.megatube-embed.com'] }),
    ]);
    expect(createAttributor(table)('player.megatube-embed.com')).toMatchObject({
      organization: 'MegaCorp', product: 'MegaTube Embeds', category: 'audio_video_player', source: 'third-party-web',
    });
  });

  it('resolves by name when no domain is shared: company field, then alias, else the entity itself', () => {
    const table = compileAttributionTable(trackerdb, [
      entity({ name: 'Mega Pixel', company: 'megacorp', domains: ['megapixel.io'] }),
      entity({ name: 'MegaTube', domains: ['mtube-cdn.com'] }), // a trackerdb product name → its owner
      entity({ name: 'Indie Fonts', category: 'cdn', domains: ['*.indiefonts.org', '1.2.3.4'] }),
    ]);
    const lookup = createAttributor(table);
    expect(lookup('megapixel.io')?.organization).toBe('MegaCorp');
    expect(lookup('a.mtube-cdn.com')?.organization).toBe('MegaCorp');
    expect(lookup('fonts.indiefonts.org')).toMatchObject({ organization: 'Indie Fonts', category: 'hosting' });
    expect(Object.keys(table.domains)).not.toContain('1.2.3.4');
  });

  it('most specific wins: a vendor host inside another owner\'s namespace keeps its vendor; the parent answers the rest', () => {
    const { table, conflicts } = compileAttribution(trackerdb, [
      // A customer host on a CDN: the more specific entry names the vendor, the CDN keeps every other host.
      entity({ name: 'Shop Widgets', domains: ['shopwidgets.orphancdn.net'] }),
      // Same owner: a refinement (product and category become more precise), not a conflict.
      entity({ name: 'Mega Ads Static', company: 'MegaCorp', category: 'cdn', domains: ['static.megaads.com'] }),
      // The very same domain in both sources under another owner: trackerdb's row stands.
      // (Its two trackerdb domains of two owners split the vote, so it stays its own owner.)
      entity({ name: 'Claimer', domains: ['cdnco.net', 'mtimg.com'] }),
    ]);
    const lookup = createAttributor(table);
    expect(lookup('shopwidgets.orphancdn.net')).toMatchObject({ organization: 'Shop Widgets', source: 'third-party-web' });
    expect(lookup('other.orphancdn.net')).toMatchObject({ organization: 'Orphan CDN', source: 'trackerdb' });
    expect(lookup('static.megaads.com')).toMatchObject({ organization: 'MegaCorp', product: 'Mega Ads Static', category: 'hosting' });
    expect(lookup('cdnco.net')).toMatchObject({ organization: 'CDN Co', source: 'trackerdb' });
    expect(conflicts).toHaveLength(3);
    expect(conflicts).toEqual(expect.arrayContaining([
      { kind: 'same-domain', kept: { source: 'trackerdb', domain: 'cdnco.net', owner: 'CDN Co' }, over: { source: 'third-party-web', domain: 'cdnco.net', owner: 'Claimer' } },
      { kind: 'more-specific', kept: { source: 'third-party-web', domain: 'shopwidgets.orphancdn.net', owner: 'Shop Widgets' }, over: { source: 'trackerdb', domain: 'orphancdn.net', owner: 'Orphan CDN' } },
    ]));
    expect(describeConflicts(conflicts)).toEqual([
      '2 × same domain, trackerdb kept over third-party-web; e.g. cdnco.net → CDN Co (not Claimer); mtimg.com → MegaCorp (not Claimer)',
      '1 × third-party-web domain inside a trackerdb domain of another owner (more specific kept); e.g. shopwidgets.orphancdn.net → Shop Widgets (not Orphan CDN of orphancdn.net)',
    ]);
  });

  it('one organization, one name: legal forms and a product word do not make a second company', () => {
    const table = compileAttributionTable(trackerdb, [
      entity({ name: 'MegaCorp, Inc.', domains: ['megacorp-static.com'] }),
      entity({ name: 'MegaCorp CMP', domains: ['cmp.megacorp-static.net'] }),
    ]);
    const lookup = createAttributor(table);
    expect(lookup('megacorp-static.com')?.organization).toBe('MegaCorp');
    expect(lookup('cmp.megacorp-static.net')?.organization).toBe('MegaCorp');
    expect(sameOrganizationKey('Sovrn Holdings Inc')).toBe(sameOrganizationKey('sovrn'));
    expect(sameOrganizationKey('The Rubicon Project, Limited')).toBe('rubiconproject');
  });

  it('stores names once: organizations and products as arrays, -1 when the product is the company', () => {
    const table = compileAttributionTable(trackerdb, []);
    // Owners-kept-current rows (owner-changes.ts) add Oracle's oracleinfinity.io to any table.
    expect([...table.organizations].sort()).toEqual(['CDN Co', 'MegaCorp', 'Oracle', 'Orphan CDN']);
    expect(table.domains['orphancdn.net']).toEqual([table.organizations.indexOf('Orphan CDN'), -1, table.categories.indexOf('hosting'), 0]);
    expect(table.domains['megatube.com']?.[0]).toBe(table.organizations.indexOf('MegaCorp'));
    expect(Object.keys(table.domains)).toEqual([...Object.keys(table.domains)].sort());
  });
});

describe('compileAttributionTable on the real datasets', () => {
  it('maps every alias to an organization name trackerdb really uses', () => {
    const names = new Set(Object.values(loadTrackerDb().organizations).map((o) => o.name));
    for (const target of Object.values(PARENT_ALIASES)) expect(names, target).toContain(target);
  });

  it('most specific wins on real data: ad-tech on cloudfront.net, a consent manager on consensu.org, a photo host on akamaihd.net', () => {
    const lookup = createAttributor(realTable());
    expect(lookup('d1eoo1tco6rr5e.cloudfront.net')).toMatchObject({ organization: 'The Trade Desk', source: 'third-party-web' });
    expect(lookup('d1af033869koo7.cloudfront.net')).toMatchObject({ organization: '[24]7', source: 'trackerdb' });
    expect(lookup('d111111abcdef8.cloudfront.net')).toMatchObject({ organization: 'Amazon' });
    expect(lookup('usercentrics.mgr.consensu.org')).toMatchObject({ organization: 'Usercentrics' });
    expect(lookup('onetrust.mgr.consensu.org')?.organization).toBe('OneTrust');
    expect(lookup('quantcast.mgr.consensu.org')?.organization).toBe('Quantcast');
    expect(lookup('unknownvendor.mgr.consensu.org')?.organization).toBe('IAB');
    expect(lookup('fbcdn-photos-e-a.akamaihd.net')).toMatchObject({ organization: 'Meta' });
    expect(lookup('anything.akamaihd.net')?.organization).toBe('Akamai Technologies');
    // A maker's own product inside its namespace stays under the maker's one name.
    expect(lookup('hm.baidu.com')?.organization).toBe('Baidu');
    expect(lookup('cdnjs.cloudflare.com')?.organization).toBe('Cloudflare');
  });

  it('names each organization once: no two organizations differ only in case, punctuation or legal form', () => {
    const seen = new Map<string, string>();
    for (const name of realTable().organizations) {
      const key = sameOrganizationKey(name);
      expect(seen.get(key), `${name} and ${seen.get(key)}`).toBeUndefined();
      seen.set(key, name);
    }
  });

  it('rolls third-party-web products up: hosts only third-party-web lists still get the parent', () => {
    const lookup = createAttributor(realTable());
    expect(lookup('vine.co')).toMatchObject({ organization: 'X Corp.', source: 'third-party-web' });
    expect(lookup('s0.wp.com')).toMatchObject({ organization: 'Automattic', source: 'third-party-web' });
  });

  it('stays compact: under 560 kB of JSON for ~6,800 tracker domains and ~6,900 site-owner domains', () => {
    const table = realTable();
    const domains = Object.keys(table.domains).length;
    expect(domains).toBeGreaterThan(6000);
    expect(table.siteOwners.reduce((n, [, d]) => n + d.length, 0)).toBeGreaterThan(6000);
    expect(JSON.stringify(table).length).toBeLessThan(560_000);
  });
});
