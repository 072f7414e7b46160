/**
 * Inline SVG horizontal bar chart of company shares for the HTML report: no script, no external
 * resources, readable by screen readers through its <title>/<desc> and the table that follows it.
 */
import { escapeHtml } from './html-escape';
import type { PageReport } from '../report/page-report';
import { formatPercent } from '../report/summary-sentence';

const MAX_BARS = 10;
const ROW = 22;
const LABEL_WIDTH = 180;
const BAR_WIDTH = 300;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 110;

interface Bar { label: string; share: number; muted: boolean }

/** Top companies, then the rest summed, then requests with unknown owners: all shares of one total. */
function bars(report: PageReport): Bar[] {
  const top = report.organizations.slice(0, MAX_BARS).map((o) => ({ label: o.name, share: o.share, muted: false }));
  const rest = report.organizations.slice(MAX_BARS);
  if (rest.length > 0) {
    const share = rest.reduce((s, o) => s + o.share, 0);
    top.push({ label: `${rest.length} other ${rest.length === 1 ? 'company' : 'companies'}`, share, muted: true });
  }
  if (report.unknown.requests > 0) top.push({ label: 'Unknown owner', share: report.unknown.share, muted: true });
  return top;
}

/** Long names are cut so the chart keeps its shape; the table below has them in full. */
function fit(label: string): string {
  return label.length > 26 ? `${label.slice(0, 25)}…` : label;
}

export function shareChartSvg(report: PageReport, id: string): string {
  const rows = bars(report);
  if (rows.length === 0) return '';
  const height = rows.length * ROW + 8;
  const desc = rows.map((b) => `${b.label}: ${formatPercent(b.share)}`).join('; ');
  const body = rows.map((b, i) => {
    const y = i * ROW + 4;
    const w = Math.max(b.share > 0 ? 1 : 0, Math.round(b.share * BAR_WIDTH));
    return `<g class="${b.muted ? 'bar muted' : 'bar'}">` +
      `<text x="${LABEL_WIDTH - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(fit(b.label))}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${w}" height="${ROW - 8}" rx="2"></rect>` +
      `<text x="${LABEL_WIDTH + w + 6}" y="${y + 14}">${escapeHtml(formatPercent(b.share))}</text></g>`;
  }).join('');
  return `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">Share of third-party requests by company</title><desc id="${id}-d">${escapeHtml(desc)}</desc>${body}</svg>`;
}
