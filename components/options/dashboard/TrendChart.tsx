import type { TrendDay } from '@/utils/history/history-view';
import { trendGeometry } from '@/utils/writers/chart-geometry';
import type { Translate } from '../../shared/translate';
import { counted, formatNumber } from '@/utils/i18n/plural';

/** Third-party requests and blocked requests per day, as SVG bars, with the figures in a table for screen readers and keyboards. */
export function TrendChart(props: { trend: TrendDay[]; t: Translate }) {
  const { trend, t } = props;
  if (trend.length === 0) return <p class="dash-empty">{t('dashTrendNone')}</p>;
  const g = trendGeometry(trend);
  const line = (d: TrendDay) => counted(t, 'dashTrendDay', d.thirdPartyRequests, [d.day, formatNumber(d.blocked, t)]);
  return (
    <figure class="dash-figure">
      <p class="dash-legend" aria-hidden="true">
        <span class="requests">{t('dashTrendRequests')}</span>
        <span class="blocked">{t('dashTrendBlocked')}</span>
      </p>
      <svg class="dash-chart trend" role="img" aria-labelledby="trend-title trend-desc" viewBox={`0 0 ${g.width} ${g.height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id="trend-title">{t('dashTrendTitle')}</title>
        <desc id="trend-desc">{trend.map(line).join('; ')}</desc>
        {g.ticks.map((tick) => (
          <g key={tick.y}>
            <line class="grid" x1={g.plot.left} x2={g.plot.left + g.plot.width} y1={tick.y} y2={tick.y} />
            <text x={g.plot.left - 6} y={tick.y + 4} text-anchor="end">{formatNumber(tick.value, t)}</text>
          </g>
        ))}
        {g.bars.map((b, i) => (
          <g key={b.day} data-day={b.day} data-requests={trend[i]?.thirdPartyRequests} data-blocked={trend[i]?.blocked}>
            <rect class="requests" x={b.x} y={b.requestsY} width={b.barWidth} height={b.requestsHeight} />
            <rect class="blocked" x={b.blockedX} y={b.blockedY} width={b.barWidth} height={b.blockedHeight} />
          </g>
        ))}
        {g.labels.map((l) => (
          <text key={l.day} x={l.x} y={g.height - 12} text-anchor="middle">{l.day.slice(5)}</text>
        ))}
      </svg>
      <details>
        <summary>{t('dashTrendTable')}</summary>
        <table class="dash-table">
          <thead>
            <tr><th scope="col">{t('dashDay')}</th><th scope="col" class="n">{t('dashColPageLoads')}</th><th scope="col" class="n">{t('dashTrendRequests')}</th><th scope="col" class="n">{t('dashTrendBlocked')}</th></tr>
          </thead>
          <tbody>
            {trend.map((d) => (
              <tr key={d.day}><th scope="row">{d.day}</th><td class="n">{formatNumber(d.pageLoads, t)}</td><td class="n">{formatNumber(d.thirdPartyRequests, t)}</td><td class="n">{formatNumber(d.blocked, t)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
