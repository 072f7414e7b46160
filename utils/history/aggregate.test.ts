import { describe, expect, it } from 'vitest';
import { createAttributor } from '../attribution/company-lookup';
import { realTable } from '../../tests/support/attribution-fixtures';
import { buildHistory } from './aggregate';
import { rangeOf } from './days';
import { NOW, SLICE } from '../../tests/support/history-slice';

const attribute = createAttributor(realTable());
describe('buildHistory', () => {
  const { summary, pages } = buildHistory(SLICE, attribute);

  it('ranks companies by reach: the share of the distinct sites visited where each appeared', () => {
    expect(summary.companies.map(({ name, sites, reach, requests, blocked }) => ({ name, sites, reach, requests, blocked }))).toEqual([
      { name: 'Google', sites: 3, reach: 0.75, requests: 8, blocked: 5 },
      { name: 'jsDelivr', sites: 2, reach: 0.5, requests: 3, blocked: 0 },
      { name: 'Meta', sites: 1, reach: 0.25, requests: 2, blocked: 2 },
    ]);
    expect(summary.companies[0]?.categories).toEqual(['site_analytics', 'audio_video_player']);
  });

  it('sums each site over the range with the per-page report code (companies, third parties, concentration)', () => {
    const news = summary.sites.find((s) => s.site === 'news.test');
    expect(news).toMatchObject({ pageLoads: 2, companies: 3, thirdPartyHosts: 3, thirdPartyRequests: 8, requests: 10, blocked: 6 });
    expect(news?.concentration.hhi).toBe(3750); // 50² + 25² + 25²
    expect(summary.sites.map((s) => s.site)).toEqual(['news.test', 'blog.test', 'plain.test', 'shop.test']);
    expect(pages.find((p) => p.site === 'plain.test')).toMatchObject({ pageLoads: 1, organizations: [], summary: { thirdPartyHosts: 0 } });
  });

  it('totals, and a trend with every day of the range, quiet days at zero', () => {
    expect(summary.totals).toEqual({ pageLoads: 5, sites: 4, requests: 17, thirdPartyRequests: 13, blocked: 7, companies: 3 });
    expect(summary.trend).toHaveLength(7);
    expect(summary.trend.at(-2)).toEqual({ day: '2026-01-30', pageLoads: 2, thirdPartyRequests: 8, blocked: 6 });
    expect(summary.trend.at(-1)).toEqual({ day: '2026-01-31', pageLoads: 3, thirdPartyRequests: 5, blocked: 1 });
    expect(summary.trend[0]).toEqual({ day: '2026-01-25', pageLoads: 0, thirdPartyRequests: 0, blocked: 0 });
  });

  it('"all" starts at the first recorded day; nothing recorded is an empty dashboard, not an error', () => {
    const all = buildHistory({ ...SLICE, range: rangeOf('all', NOW) }, attribute).summary;
    expect(all.range.from).toBe('2026-01-30');
    expect(all.trend.map((d) => d.day)).toEqual(['2026-01-30', '2026-01-31']);
    const empty = buildHistory({ range: rangeOf('all', NOW), days: [] }, attribute).summary;
    expect(empty).toMatchObject({ range: { from: null }, companies: [], sites: [], trend: [], totals: { pageLoads: 0, sites: 0 } });
  });

  it('ranks infrastructure operators by reach, first-party hosts included, from the hosts’ last lookups', () => {
    const served: Record<string, string> = { 'www.news.test': 'Cloudflare', 'cdn.jsdelivr.net': 'Fastly', 'www.shop.test': 'Cloudflare' };
    const { operators } = buildHistory(SLICE, attribute, (host) => served[host] ?? null).summary;
    // 4 sites visited: Cloudflare served news.test and shop.test themselves; Fastly the CDN on both of them.
    expect(operators).toEqual([
      { name: 'Cloudflare', sites: 2, reach: 0.5, requests: 3 },
      { name: 'Fastly', sites: 2, reach: 0.5, requests: 3 },
    ]);
    expect(buildHistory(SLICE, attribute).summary.operators).toEqual([]);
  });
});
