/**
 * The history report's two inline SVG charts as escaped strings (no script, no external resource): companies
 * by reach and the daily trend. Each has a <title> and a <desc> that says what it shows in words, and the
 * report puts the same figures in a table next to it.
 */
import { escapeHtml as e } from './html-escape';
import { formatPercent } from '../report/summary-sentence';
import type { CompanyReach, TrendDay } from '../history/history-view';
import { REACH_CHART, reachBars, reachChartHeight, trendGeometry } from './chart-geometry';

const num = (n: number): string => n.toLocaleString('en-US');
const fit = (label: string): string => (label.length > 24 ? `${label.slice(0, 23)}…` : label);

export function reachSentence(c: CompanyReach): string {
  return `${c.name}: on ${formatPercent(c.reach)} of the sites you visited`;
}

export function reachChartSvg(companies: readonly CompanyReach[], id: string): string {
  if (companies.length === 0) return '';
  const height = reachChartHeight(companies.length);
  const bars = reachBars(companies.map((c) => c.reach));
  const body = companies.map((c, i) => {
    const { y, width } = bars[i] ?? { y: 0, width: 0 };
    const x = REACH_CHART.labelWidth;
    return `<g class="bar"><text x="${x - 8}" y="${y + 17}" text-anchor="end">${e(fit(c.name))}</text>` +
      `<rect x="${x}" y="${y + 6}" width="${width}" height="${REACH_CHART.row - 12}" rx="2"></rect>` +
      `<text x="${x + width + 6}" y="${y + 17}">${e(`${formatPercent(c.reach)} · ${num(c.requests)} requests · ${num(c.blocked)} blocked`)}</text></g>`;
  }).join('');
  return `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${REACH_CHART.width} ${height}" width="${REACH_CHART.width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">Companies by reach: share of the sites you visited where each appeared</title>` +
    `<desc id="${id}-d">${e(companies.map(reachSentence).join('; '))}</desc>${body}</svg>`;
}

export function trendChartSvg(trend: readonly TrendDay[], id: string): string {
  if (trend.length === 0) return '';
  const g = trendGeometry(trend);
  const grid = g.ticks.map((t) => `<line class="grid" x1="${g.plot.left}" x2="${g.plot.left + g.plot.width}" y1="${t.y}" y2="${t.y}"></line>` +
    `<text x="${g.plot.left - 6}" y="${t.y + 4}" text-anchor="end">${num(t.value)}</text>`).join('');
  const bars = g.bars.map((b) => `<rect class="requests" x="${b.x}" y="${b.requestsY}" width="${b.barWidth}" height="${b.requestsHeight}"></rect>` +
    `<rect class="blocked" x="${b.blockedX}" y="${b.blockedY}" width="${b.barWidth}" height="${b.blockedHeight}"></rect>`).join('');
  const labels = g.labels.map((l) => `<text x="${l.x}" y="${g.height - 12}" text-anchor="middle">${e(l.day.slice(5))}</text>`).join('');
  const desc = trend.map((d) => `${d.day}: ${num(d.thirdPartyRequests)} third-party requests, ${num(d.blocked)} blocked`).join('; ');
  return `<svg class="chart trend" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">Third-party requests and blocked requests per day</title><desc id="${id}-d">${e(desc)}</desc>${grid}${bars}${labels}</svg>`;
}
