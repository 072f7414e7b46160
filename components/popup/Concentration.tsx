import { concentrationWords, type Concentration as Measure } from '@/utils/report/concentration';
import { formatNumber } from '@/utils/i18n/plural';
import { percent } from '../shared/format';
import type { Translate } from '../shared/translate';

/**
 * Concentration in plain words first ("one company received most requests" … "spread over many companies"),
 * the top company's share and the HHI (0–10,000) with its scale one click away; and how much went to owners we
 * do not know: no level is claimed when that is half or more (utils/report/concentration.ts).
 */
export function Concentration(props: { measure: Measure; unknownShare?: number; t: Translate }) {
  const { measure, t } = props;
  const unknown = (props.unknownShare ?? 0) > 0 && (
    <p class="unknown-share" data-testid="unknown-share">{t('unknownShareLine', [percent(props.unknownShare ?? 0, t)])}</p>
  );
  if (measure.level === 'unknown') {
    return <>{unknown}<p class="concentration level-unknown" data-testid="concentration">{t('concentrationUnknown')}</p></>;
  }
  const words = concentrationWords(measure);
  if (words === 'none') return <><p class="concentration">{t('concentrationNone')}</p>{unknown}</>;
  return (
    <div class={`concentration level-${measure.level}`} data-hhi={measure.hhi}>
      <p data-testid="concentration">{t(`concentrationWords_${words.replaceAll('-', '_')}`, [percent(measure.topShare, t)])}</p>
      {unknown}
      <details class="concentration-index">
        <summary>{t('concentrationIndexSummary')}</summary>
        <p data-testid="concentration-index">
          {t('concentrationLine', [t(`concentration_${measure.level}`), percent(measure.topShare, t), formatNumber(measure.hhi, t)])}
        </p>
        <p class="note">{t('concentrationHelp')}</p>
      </details>
    </div>
  );
}
