/**
 * The one rounding rule for shares shown as percent, in reports (summary-sentence.ts, English)
 * and in the UI (components/shared/format.ts, through _locales); each only words the result.
 */

/** A share above zero that rounds to 0 %: worded "less than 1 %", never "0 %". */
export const UNDER_ONE_PERCENT = 'under-one';

/**
 * A share (0–1) in whole percent: 0.4812 → 48, halves round up (0.005 → 1), 0.996 → 100 (no cap below 100).
 * A share above zero that would round to 0 gives UNDER_ONE_PERCENT instead.
 */
export function wholePercent(share: number): number | typeof UNDER_ONE_PERCENT {
  const value = Math.round(share * 100);
  return value === 0 && share > 0 ? UNDER_ONE_PERCENT : value;
}
