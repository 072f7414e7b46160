import type { Concentration as Measure } from '@/utils/report/concentration';
import { percent } from '../shared/format';
import type { Translate } from '../shared/translate';

/** The top company's share and the HHI (0–10,000) with its plain-language label. */
export function Concentration(props: { measure: Measure; t: Translate }) {
  const { measure, t } = props;
  if (measure.level === 'none') return <p class="concentration">{t('concentrationNone')}</p>;
  return (
    <p class={`concentration level-${measure.level}`} data-testid="concentration" data-hhi={measure.hhi} title={t('concentrationHelp')}>
      {t('concentrationLine', [t(`concentration_${measure.level}`), percent(measure.topShare, t), Math.round(measure.hhi).toLocaleString('en-US')])}
    </p>
  );
}
