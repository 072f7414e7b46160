import { describe, expect, it } from 'vitest';
import { createAttributor } from '../attribution/company-lookup';
import { realTable } from '../../tests/support/attribution-fixtures';
import { FieldError } from '../validate/fields';
import { buildHistory } from './aggregate';
import { historyCsvFile } from './export-csv';
import { historyHtmlFile } from './export-html';
import { historyJsonFile } from './export-json';
import { validateHistoryExport } from './export-schema';
import { dailySite, NOW, SLICE } from '../../tests/support/history-slice';

const view = buildHistory(SLICE, createAttributor(realTable()));

describe('history exports', () => {
  it('JSON: diffuse-history/1 with diffuse-report/2 pages, valid against its own checker; the file name carries range and date', () => {
    const file = historyJsonFile(view, NOW);
    expect(file.fileName).toBe('diffuse-history-7d-2026-01-31.json');
    const doc = JSON.parse(file.text);
    expect(() => validateHistoryExport(doc)).not.toThrow();
    expect(doc).toMatchObject({ schema: 'diffuse-history/1', pageSchema: 'diffuse-report/2', range: { id: '7d', from: '2026-01-25', to: '2026-01-31' } });
    expect(doc.pages[0]).toMatchObject({ site: 'news.test', pageLoads: 2, concentration: { hhi: 3750, level: 'high' } });
  });

  it('the checker names the first wrong field', () => {
    const doc = JSON.parse(historyJsonFile(view, NOW).text);
    doc.pages[1].contacts[0].thirdParty = 'yes';
    expect(() => validateHistoryExport(doc)).toThrow(new FieldError('pages[1].contacts[0].thirdParty', 'expected true or false, got "yes"'));
    const short = JSON.parse(historyJsonFile(view, NOW).text);
    short.totals.pageLoads = 99;
    expect(() => validateHistoryExport(short)).toThrow(/^totals\.pageLoads: is 99, but the pages sum to 5$/);
  });

  it('CSV: one row per site × company, CRLF, formula injection neutralised', () => {
    const hostile = buildHistory({ ...SLICE, days: [...SLICE.days, dailySite('2026-01-31', '=cmd|calc!A1', 1, { 'www.google-analytics.com': [1, 0] })] },
      createAttributor(realTable()));
    const text = historyCsvFile(hostile, NOW).text;
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('from,to,site,site_page_loads,organization,requests,share,blocked,categories,hosts,site_third_party_requests,site_hhi');
    expect(lines).toContain('2026-01-25,2026-01-31,news.test,2,Google,4,0.5,4,site_analytics,www.google-analytics.com,8,3750');
    expect(lines.filter((l) => l.includes('news.test'))).toHaveLength(3);
    expect(lines.some((l) => l.includes(",'=cmd|calc!a1,"))).toBe(true); // site names are lower-cased by the report
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('HTML: self-contained (CSP, no URL to load), same totals, charts described in words, credits', () => {
    const file = historyHtmlFile(view, NOW);
    expect(file.fileName).toBe('diffuse-history-7d-2026-01-31.html');
    const html = file.text;
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|\bsrc=|url\(/i);
    expect(html.match(/<link[^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
    expect(html).toContain('<dd data-total="pageLoads">5</dd>');
    expect(html).toContain('<dd data-total="companies">3</dd>');
    expect(html).toContain('Google: on 75 % of the sites you visited');
    expect(html).toContain('2026-01-30: 8 third-party requests, 6 blocked');
    expect(html).toContain('Ghostery TrackerDB');
    expect(html).toContain('@media print');
  });

  it('HTML escapes names that came from visited pages', () => {
    const evil = buildHistory({ ...SLICE, days: [dailySite('2026-01-31', '<img onerror=x>', 1, {})] }, createAttributor(realTable()));
    expect(historyHtmlFile(evil, NOW).text).not.toContain('<img onerror');
  });
});
