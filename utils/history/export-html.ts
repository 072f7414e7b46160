/**
 * The self-contained HTML history report: one file to keep, print or send. Inline CSS and SVG only, no
 * script, and a `default-src 'none'` Content-Security-Policy so that even a mistake in escaping could not
 * make it load anything. Per-site sections are the HAR report's own (utils/report/html.ts).
 */
import { DATA_CREDITS } from '../attribution/data-credits';
import { escapeHtml as e } from '../writers/html-escape';
import { pageSection, STYLE } from '../report/html';
import { formatPercent } from '../report/summary-sentence';
import type { HistoryView } from './history-view';
import { historyFileName, MIME_TYPES, type ExportFile } from './export-file';
import { reachChartSvg, trendChartSvg } from '../writers/history-charts-svg';

const HISTORY_STYLE = `
:root { --blocked: #c2410c; } @media (prefers-color-scheme: dark) { :root { --blocked: #fb923c; } }
.chart .requests { fill: var(--bar); } .chart .blocked { fill: var(--blocked); } .chart .grid { stroke: var(--rule); }
.legend span::before { content: ''; display: inline-block; width: .8em; height: .8em; margin: 0 .3em 0 .8em; background: var(--bar); }
.legend span.blocked::before { background: var(--blocked); }
dl.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; }
dl.totals div { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem; } dl.totals dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
@media print { body { margin: 0; max-width: none; } section { break-inside: avoid-page; } h2 { break-after: avoid; } .chart { max-width: 100%; } }
`;

const num = (n: number): string => n.toLocaleString('en-US');
const RANGE_NAMES: Readonly<Record<string, string>> = { today: 'Today', '7d': 'Last 7 days', '30d': 'Last 30 days', all: 'All recorded history' };

function totals(view: HistoryView): string {
  const t = view.summary.totals;
  const items: [keyof typeof t, string][] = [
    ['pageLoads', 'Page loads'], ['sites', 'Sites'], ['thirdPartyRequests', 'Third-party requests'],
    ['blocked', 'Blocked requests'], ['companies', 'Companies'],
  ];
  return `<dl class="totals">${items.map(([key, label]) => `<div><dt>${label}</dt><dd data-total="${key}">${num(t[key])}</dd></div>`).join('')}</dl>`;
}

function companiesSection(view: HistoryView): string {
  const { companies, totals: t } = view.summary;
  if (companies.length === 0) return '<section><h2>Companies by reach</h2><p>No third-party company was contacted.</p></section>';
  const rows = companies.map((c) => `<tr data-company="${e(c.name)}"><td>${e(c.name)}</td><td class="n">${num(c.sites)}</td>` +
    `<td class="n">${e(formatPercent(c.reach))}</td><td class="n">${num(c.requests)}</td><td class="n">${num(c.blocked)}</td></tr>`).join('');
  return `<section><h2>Companies by reach</h2><p>Reach is the share of the ${num(t.sites)} sites you visited where a company ` +
    `was contacted as a third party.</p>${reachChartSvg(companies.slice(0, 20), 'reach')}` +
    `<table><thead><tr><th>Company</th><th class="n">Sites</th><th class="n">Reach</th><th class="n">Requests</th><th class="n">Blocked</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></section>`;
}

function trendSection(view: HistoryView): string {
  const { trend } = view.summary;
  if (trend.length === 0) return '';
  const rows = trend.map((d) => `<tr><td>${e(d.day)}</td><td class="n">${num(d.pageLoads)}</td><td class="n">${num(d.thirdPartyRequests)}</td>` +
    `<td class="n">${num(d.blocked)}</td></tr>`).join('');
  return `<section><h2>Per day</h2><p class="legend"><span>Third-party requests</span><span class="blocked">Blocked</span></p>` +
    `${trendChartSvg(trend, 'trend')}<details><summary>The figures</summary><table><thead><tr><th>Day</th><th class="n">Page loads</th>` +
    `<th class="n">Third-party requests</th><th class="n">Blocked</th></tr></thead><tbody>${rows}</tbody></table></details></section>`;
}

function sitesSection(view: HistoryView): string {
  const rows = view.summary.sites.map((s) => `<tr><td>${e(s.site)}</td><td class="n">${num(s.pageLoads)}</td><td class="n">${num(s.companies)}</td>` +
    `<td class="n">${num(s.thirdPartyHosts)}</td><td class="n">${num(s.blocked)}</td><td class="n">${num(s.concentration.hhi)}</td>` +
    `<td>${e(s.concentration.label)}</td></tr>`).join('');
  return `<section><h2>Sites</h2><table><thead><tr><th>Site</th><th class="n">Page loads</th><th class="n">Companies</th>` +
    `<th class="n">Third-party hosts</th><th class="n">Blocked</th><th class="n">HHI</th><th>Concentration</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

export function renderHistoryHtml(view: HistoryView, now: number): string {
  const { range } = view.summary;
  const title = 'Diffuse: who your browsing contacted';
  const span = range.from === null ? 'nothing recorded yet' : range.from === range.to ? range.to : `${range.from} to ${range.to}`;
  const made = new Date(now).toISOString().replace('T', ' ').slice(0, 16);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    // An empty icon, which the CSP does not even let load: without one, browsers fetch /favicon.ico by themselves.
    `<link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}${HISTORY_STYLE}</style></head>` +
    `<body><h1>${e(title)}</h1><p class="note">${e(RANGE_NAMES[range.id] ?? range.id)}: ${e(span)}. Made ${e(made)} UTC by Diffuse, ` +
    `from what this browser recorded; nothing was sent anywhere.</p>\n${totals(view)}\n${companiesSection(view)}\n${trendSection(view)}\n` +
    `${sitesSection(view)}\n${view.pages.map((p, i) => pageSection(p, i)).join('\n')}\n<footer><p>${e(DATA_CREDITS)}</p></footer></body></html>\n`;
}

export function historyHtmlFile(view: HistoryView, now: number): ExportFile {
  return { fileName: historyFileName(view.summary.range, 'html', now), mimeType: MIME_TYPES.html, text: renderHistoryHtml(view, now) };
}
