import { UNDER_ONE_PERCENT, wholePercent } from '@/utils/report/percent';
import { formatNumber } from '@/utils/i18n/plural';
import type { Translate } from './translate';

/** 0.4812 → "48 %"; a share above zero never reads "0 %" (rule in utils/report/percent.ts). */
export function percent(share: number, t: Translate): string {
  const value = wholePercent(share);
  return value === UNDER_ONE_PERCENT ? t('percentUnderOne') : t('percent', [formatNumber(value, t)]);
}

/** A category id as the user reads it; unknown ids as they are. */
export function categoryName(id: string, t: Translate): string {
  return t(`category_${id}`) || id;
}
