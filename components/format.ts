import type { Translate } from './translate';

/** 0.4812 → "48 %"; a share above zero never reads "0 %". Same rule as utils/report/summary-sentence.ts. */
export function percent(share: number, t: Translate): string {
  const value = Math.round(share * 100);
  return value === 0 && share > 0 ? t('percentUnderOne') : t('percent', [String(value)]);
}

/** A category id as the user reads it; unknown ids as they are. */
export function categoryName(id: string, t: Translate): string {
  return t(`category_${id}`) || id;
}
