import { describe, expect, it } from 'vitest';
import type { Attributor } from '../attribution/table-types';
import { createAttributor } from '../attribution/company-lookup';
import { realTable } from '../../tests/support/attribution-fixtures';
import { escapeHtml } from '../writers/html-escape';
import { renderHtmlReport } from './html';
import { buildPageReport } from './page-report';

const real = createAttributor(realTable());
/** The real table, plus one hostile company name, as a poisoned dataset could carry. */
const attribute: Attributor = (host) =>
  host === 'evil.example' ? { organization: '<img src=x onerror=alert(1)>', product: 'P"Q', category: 'misc', source: 'third-party-web', domain: host } : real(host);

const page = buildPageReport({
  site: 'example.org',
  contacts: [
    { host: 'www.example.org', requests: 1 },
    { host: '<script>alert(1)</script>.example', requests: 2 },
    { host: 'evil.example', requests: 1 },
    { host: 'www.google-analytics.com', requests: 3, blocked: 1 },
  ],
}, attribute);
const html = renderHtmlReport({ pages: [{ ...page, page: { url: 'https://example.org/?a="><script>x</script>', title: "Tom's <b>page</b>" } }] });

describe('renderHtmlReport', () => {
  it('escapes a host like <script>: no live tag, the text shown escaped', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.example');
  });

  it('escapes company names, products, titles and URLs, in text and SVG alike', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('P&quot;Q');
    expect(html).toContain('Tom&#39;s &lt;b&gt;page&lt;/b&gt;');
    expect(html).toContain('?a=&quot;&gt;&lt;script&gt;x&lt;/script&gt;');
  });

  it('loads nothing from outside: no src/href attributes, no <link>, and a CSP that forbids it', () => {
    // Only inside a tag: the escaped text of a hostile name may itself read "src=".
    expect(html).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(html).not.toMatch(/<link|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('has the summary sentence, the concentration line, an inline SVG chart and the data credits', () => {
    expect(html).toContain('Contacted 3 third-party hosts run by 2 companies (owner unknown for 1); Google received 50 % of the requests.');
    expect(html).toMatch(/HHI, 0–10,000\): <strong>[\d,]+<\/strong>/);
    expect(html).toMatch(/<svg class="chart" role="img"[^>]*>.*Google.*50 %.*Unknown owner.*<\/svg>/s);
    expect(html).toContain('Tracker and company data: Ghostery TrackerDB (CC-BY-NC-SA 4.0); third-party-web by Patrick Hulce (MIT); DuckDuckGo Tracker Radar entity map (CC BY-NC-SA 4.0)');
  });

  it('renders an empty report without a chart', () => {
    const empty = renderHtmlReport({ pages: [] });
    expect(empty).toContain('No pages with network requests.');
    expect(empty).not.toContain('<svg');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x">Tom's & co</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;');
    expect(escapeHtml('Café ü')).toBe('Café ü');
  });
});
