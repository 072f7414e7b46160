/**
 * Self-contained HTML report (one file to mail or archive): inline CSS, inline SVG, no script and
 * no external resource — a CSP meta tag forbids loading any, as a second line behind escaping.
 */
import { categoryLabel } from '../attribution/category-labels';
import { DATA_CREDITS } from '../attribution/data-credits';
import { shareChartSvg } from '../writers/share-chart-svg';
import { escapeHtml as e } from '../writers/html-escape';
import type { PageReport } from './page-report';
import { formatPercent, summarySentence } from './summary-sentence';

type ReportPage = PageReport & { page?: { url: string; title?: string | null } };

/** The report stylesheet (light and dark), shared with the history report (utils/history/export-html.ts). */
export const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #fff; --muted: #5f6368; --bar: #3b6fd8; --rule: #d8dbe0; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8ec; --bg: #17181b; --muted: #a0a4ab; --bar: #7aa2f7; --rule: #3a3d44; } }
body { font: 15px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
.url, .note, footer { color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .9rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { max-width: 100%; height: auto; } .chart text { fill: var(--fg); font-size: 12px; }
.chart rect { fill: var(--bar); } .chart .muted rect { fill: var(--muted); }
`;

const num = (n: number): string => n.toLocaleString('en-US');

function companiesTable(r: PageReport): string {
  if (r.organizations.length === 0) return '';
  const rows = r.organizations.map((o) => `<tr><td>${e(o.name)}</td><td class="n">${num(o.requests)}</td>` +
    `<td class="n">${e(formatPercent(o.share))}</td><td class="n">${num(o.blocked)}</td>` +
    `<td>${o.categories.map((c) => e(categoryLabel(c))).join(', ')}</td><td>${o.hosts.map(e).join('<br>')}</td></tr>`).join('');
  return `<table><caption class="note">Companies, by third-party requests</caption><thead><tr><th>Company</th>` +
    `<th class="n">Requests</th><th class="n">Share</th><th class="n">Blocked</th><th>Categories</th><th>Hosts</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function contactsTable(r: PageReport): string {
  const rows = r.contacts.map((c) => `<tr><td>${e(c.host)}</td><td>${c.organization === null ? '<i>unknown</i>' : e(c.organization)}</td>` +
    `<td>${e(c.product ?? '')}</td><td>${e(c.category === null ? '' : categoryLabel(c.category))}</td>` +
    `<td class="n">${num(c.requests)}</td><td class="n">${num(c.blocked)}</td><td>${c.thirdParty ? 'third party' : 'first party'}</td></tr>`).join('');
  return `<details><summary>All ${num(r.contacts.length)} hosts</summary><table><thead><tr><th>Host</th><th>Company</th><th>Product</th>` +
    `<th>Category</th><th class="n">Requests</th><th class="n">Blocked</th><th>Party</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

function concentrationLine(r: PageReport): string {
  const c = r.concentration;
  if (c.level === 'none') return '';
  const unknownLine = `${formatPercent(r.unknown.share)} of third-party requests went to owners we do not know.`;
  if (c.level === 'unknown') return `<p>${e(unknownLine)} No concentration level is claimed when that is half or more.</p>`;
  const unknown = r.unknown.requests > 0 ? ` The index counts known companies only; ${unknownLine}` : '';
  return `<p>Top company: ${e(formatPercent(c.topShare))} of the third-party requests. Concentration (HHI, 0–10,000): ` +
    `<strong>${num(c.hhi)}</strong>, ${e(c.label)}.${e(unknown)}</p>`;
}

export function pageSection(r: ReportPage, index: number): string {
  const title = r.page?.title && r.page.title !== r.page.url ? `<p>${e(r.page.title)}</p>` : '';
  const url = r.page?.url ? `<p class="url">${e(r.page.url)}</p>` : '';
  return `<section><h2>${e(r.site)}</h2>${title}${url}<p>${e(summarySentence(r.summary))}</p>` +
    `${concentrationLine(r)}${shareChartSvg(r, `chart${index}`)}${companiesTable(r)}${contactsTable(r)}</section>`;
}

export function renderHtmlReport(report: { pages: readonly ReportPage[]; credits?: string }, options: { title?: string } = {}): string {
  const title = options.title ?? 'Who these pages contacted';
  const pages = report.pages.length > 0 ? report.pages.map(pageSection).join('\n') : '<p>No pages with network requests.</p>';
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head>` +
    `<body><h1>${e(title)}</h1>\n${pages}\n<footer><p>${e(report.credits ?? DATA_CREDITS)}</p></footer></body></html>\n`;
}
