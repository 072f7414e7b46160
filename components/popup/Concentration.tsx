import { concentrationWords, type Concentration as Measure } from '@/utils/report/concentration';
import { formatNumber } from '@/utils/i18n/plural';
import { percent } from '../shared/format';
import type { Translate } from '../shared/translate';

/**
 * Concentration in plain words first ("one company received most requests" … "spread over many companies"),
 * the top company's share and the HHI (0–10,000) with its scale one click away.
 */
export function Concentration(props: { measure: Measure; t: Translate }) {
  const { measure, t } = props;
  const words = concentrationWords(measure);
  if (words === 'none') return <p class="concentration">{t('concentrationNone')}</p>;
  return (
    <div class={`concentration level-${measure.level}`} data-hhi={measure.hhi}>
      <p data-testid="concentration">{t(`concentrationWords_${words.replaceAll('-', '_')}`, [percent(measure.topShare, t)])}</p>
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
