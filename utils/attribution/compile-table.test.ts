import { describe, expect, it } from 'vitest';
import { compileAttributionTable } from './compile-table';
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

  it('never lets third-party-web change the owner inside a namespace trackerdb covers', () => {
    const table = compileAttributionTable(trackerdb, [
      // A customer host on a CDN: trackerdb says the CDN operator receives it, so that answer stands.
      entity({ name: 'Shop Widgets', domains: ['shopwidgets.orphancdn.net'] }),
      // Same owner: the refinement is kept (product and category become more precise).
      entity({ name: 'Mega Ads Static', company: 'MegaCorp', category: 'cdn', domains: ['static.megaads.com'] }),
    ]);
    const lookup = createAttributor(table);
    expect(lookup('shopwidgets.orphancdn.net')).toMatchObject({ organization: 'Orphan CDN', source: 'trackerdb' });
    expect(lookup('static.megaads.com')).toMatchObject({ organization: 'MegaCorp', product: 'Mega Ads Static', category: 'hosting' });
  });

  it('stores names once: organizations and products as arrays, -1 when the product is the company', () => {
    const table = compileAttributionTable(trackerdb, []);
    expect(table.organizations).toEqual(['MegaCorp', 'Orphan CDN', 'CDN Co']);
    expect(table.domains['orphancdn.net']).toEqual([1, -1, table.categories.indexOf('hosting'), 0]);
    expect(table.domains['megatube.com']?.[0]).toBe(0);
    expect(Object.keys(table.domains)).toEqual([...Object.keys(table.domains)].sort());
  });
});

describe('compileAttributionTable on the real datasets', () => {
  it('maps every alias to an organization name trackerdb really uses', () => {
    const names = new Set(Object.values(loadTrackerDb().organizations).map((o) => o.name));
    for (const target of Object.values(PARENT_ALIASES)) expect(names, target).toContain(target);
  });

  it('rolls third-party-web products up: hosts only third-party-web lists still get the parent', () => {
    const lookup = createAttributor(realTable());
    expect(lookup('vine.co')).toMatchObject({ organization: 'X Corp.', source: 'third-party-web' });
    expect(lookup('s0.wp.com')).toMatchObject({ organization: 'Automattic', source: 'third-party-web' });
  });

  it('stays compact: under 400 kB of JSON for ~6,700 domains', () => {
    const table = realTable();
    const domains = Object.keys(table.domains).length;
    expect(domains).toBeGreaterThan(6000);
    expect(JSON.stringify(table).length).toBeLessThan(400_000);
  });
});
