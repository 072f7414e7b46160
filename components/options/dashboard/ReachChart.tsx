import { useState } from 'preact/hooks';
import type { CompanyReach } from '@/utils/history/history-view';
import { REACH_CHART, reachBars, reachChartHeight } from '@/utils/writers/chart-geometry';
import { percent } from '../../shared/format';
import type { Translate } from '../../shared/translate';
import { counted, formatNumber } from '@/utils/i18n/plural';

const TOP = 12;
const fit = (label: string): string => (label.length > 22 ? `${label.slice(0, 21)}…` : label);

/**
 * Companies ranked by reach, as an SVG bar chart: "Google: on 81 % of the sites you visited", with requests
 * and blocked. role="img" with a <title> and a <desc> that reads every bar as a sentence; the top companies
 * first, all of them on request.
 */
export function ReachChart(props: { companies: CompanyReach[]; sites: number; t: Translate }) {
  const { t } = props;
  const [all, setAll] = useState(false);
  if (props.companies.length === 0) return <p class="dash-empty">{t('dashReachNone')}</p>;
  const shown = all ? props.companies : props.companies.slice(0, TOP);
  const bars = reachBars(shown.map((c) => c.reach));
  const height = reachChartHeight(shown.length);
  const sentence = (c: CompanyReach) => t('dashReachSentence', [c.name, percent(c.reach, t)]);
  return (
    <figure class="dash-figure">
      <figcaption>{counted(t, 'dashReachCaption', props.sites)}</figcaption>
      <svg class="dash-chart reach" role="img" aria-labelledby="reach-title reach-desc" viewBox={`0 0 ${REACH_CHART.width} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id="reach-title">{t('dashReachTitle')}</title>
        <desc id="reach-desc">{shown.map((c) => `${sentence(c)}; ${counted(t, 'dashFigures', c.requests, [formatNumber(c.blocked, t)])}`).join('. ')}</desc>
        {shown.map((c, i) => {
          const { y, width } = bars[i] ?? { y: 0, width: 0 };
          const x = REACH_CHART.labelWidth;
          return (
            <g key={c.name} data-company={c.name} data-reach={c.reach} data-sites={c.sites} data-requests={c.requests} data-blocked={c.blocked}>
              <text x={x - 8} y={y + 18} text-anchor="end">{fit(c.name)}</text>
              <rect x={x} y={y + 6} width={width} height={REACH_CHART.row - 12} rx="2" />
              <text class="figures" x={x + width + 6} y={y + 18}>
                {`${percent(c.reach, t)} · ${counted(t, 'dashFigures', c.requests, [formatNumber(c.blocked, t)])}`}
              </text>
            </g>
          );
        })}
      </svg>
      {props.companies.length > TOP && (
        <button type="button" class="dash-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? counted(t, 'dashShowTop', TOP) : counted(t, 'dashShowAllCompanies', props.companies.length)}
        </button>
      )}
    </figure>
  );
}
