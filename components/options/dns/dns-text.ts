import type { HealthSnapshot } from '@/utils/dns/pool/health';
import type { Strategy } from '@/utils/dns/pool/selection';
import type { LookupsVia } from '@/utils/dns/settings/dns-settings';
import type { Translate } from '../../shared/translate';
import { counted, formatNumber } from '@/utils/i18n/plural';

/** The re-keying periods offered, in days; 0 (off) first because it is the default and the more private. */
export const REKEY_CHOICES = [0, 1, 7, 30] as const;

/** Strategies in the order offered: the recommended one first, the comparison-only ones last. */
export const STRATEGY_ORDER: readonly Strategy[] = ['site', 'name', 'single', 'round-robin', 'random'];

/** Option text of a strategy: its name and its one-line trade-off (keys dnsStrategy_<id>). */
export const strategyText = (strategy: Strategy, t: Translate) => t(`dnsStrategy_${strategy.replace('-', '_')}`);

/** Where Firefox's cloaking checks may go, in the order offered: its own resolver first, the default and the more private. */
export const LOOKUPS_VIA_ORDER: readonly LookupsVia[] = ['browser', 'pool'];

/** Option text of a lookupsVia choice (keys dnsLookupsVia_<id>). */
export const lookupsViaText = (via: LookupsVia, t: Translate) => t(`dnsLookupsVia_${via}`);

export function rekeyText(days: number, t: Translate): string {
  if (days === 0) return t('dnsRekeyOff');
  if (days === 1) return t('dnsRekeyDaily');
  if (days === 7) return t('dnsRekeyWeekly');
  return counted(t, 'dnsRekeyDays', days);
}

/** In service / out of service until … / being tried again, as the circuit breaker says. */
export function healthText(health: HealthSnapshot, takenAt: number, t: Translate): string {
  if (health.state === 'closed') return t('dnsStateClosed');
  if (health.state === 'half-open') return t('dnsStateHalfOpen');
  const seconds = health.retryAt === null ? 0 : Math.max(1, Math.ceil((health.retryAt - takenAt) / 1000));
  return t('dnsStateOpen', [formatNumber(seconds, t)]);
}

/**
 * Largest share of sites one resolver got with "prefer faster resolvers" on, in `npm run bench:dns` (servers
 * answering after 5, 20 and 60 ms); the help text quotes it so the trade-off is a measured one.
 */
export const PREFER_FAST_BENCH_SHARE = '90 %';

/** A resolver's weight in words: full (as the fastest, or not measured yet), else 1/2 … 1/64 of the fastest's share. */
export const weightText = (weight: number, t: Translate) => (weight >= 1 ? t('dnsWeightFull') : t('dnsWeightValue', [`1/${Math.round(1 / weight)}`]));

export const latencyText = (ms: number | null, t: Translate) => (ms === null ? t('dnsLatencyNone') : t('dnsLatencyValue', [formatNumber(ms, t)]));

/** "Switzerland (CH)" where the browser knows the code's name (the EU included), else the code alone. */
export function countryName(code: string, locale?: string): string {
  try {
    const name = new Intl.DisplayNames(locale ? [locale] : [], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
