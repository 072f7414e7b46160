import type { Concentration as Measure } from '@/utils/report/concentration';
import { percent } from '../shared/format';
import type { Translate } from '../shared/translate';

/**
 * The top company's share and the HHI (0–10,000) with its plain-language label, and how much went to owners we
 * do not know; no level is claimed when that is half or more (utils/report/concentration.ts).
 */
export function Concentration(props: { measure: Measure; unknownShare?: number; t: Translate }) {
  const { measure, t } = props;
  const unknown = (props.unknownShare ?? 0) > 0 && (
    <p class="unknown-share" data-testid="unknown-share">{t('unknownShareLine', [percent(props.unknownShare ?? 0, t)])}</p>
  );
  if (measure.level === 'none') return <><p class="concentration">{t('concentrationNone')}</p>{unknown}</>;
  if (measure.level === 'unknown') {
    return <>{unknown}<p class="concentration level-unknown" data-testid="concentration">{t('concentrationUnknown')}</p></>;
  }
  return (
    <>
      <p class={`concentration level-${measure.level}`} data-testid="concentration" data-hhi={measure.hhi} title={t('concentrationHelp')}>
        {t('concentrationLine', [t(`concentration_${measure.level}`), percent(measure.topShare, t), Math.round(measure.hhi).toLocaleString('en-US')])}
      </p>
      {unknown}
    </>
  );
}
