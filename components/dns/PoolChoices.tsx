import type { DnsConfigErrors, DnsConfigRequest, DnsStatus } from '@/utils/messages/dns-messages';
import type { Strategy } from '@/utils/dns/selection';
import type { Translate } from '../translate';
import { PREFER_FAST_BENCH_SHARE, REKEY_CHOICES, rekeyText, STRATEGY_ORDER, strategyText } from './dns-text';

/**
 * The choices that shape the pool: how lookups are spread (each option says its trade-off in one line), whether
 * faster resolvers get more sites, and whether the selection key changes over time (each explained below it). Each applies as soon as it is picked.
 */
export function PoolChoices(props: { status: DnsStatus; busy: boolean; errors: DnsConfigErrors; onChange: (request: DnsConfigRequest) => Promise<boolean>; t: Translate }) {
  const { status, errors, t } = props;
  // A period set elsewhere (an older version, a test) is still shown as chosen, not silently replaced.
  const rekeyChoices: number[] = (REKEY_CHOICES as readonly number[]).includes(status.rekeyDays) ? [...REKEY_CHOICES] : [...REKEY_CHOICES, status.rekeyDays];
  return (
    <div class="dns-choices">
      <h3>{t('dnsChoicesHeading')}</h3>
      <div class="dns-field">
        <label for="dns-strategy">{t('dnsStrategyLabel')}</label>
        <select
          id="dns-strategy"
          value={status.strategy}
          disabled={props.busy}
          aria-describedby={errors.strategy ? 'dns-strategy-help dns-strategy-error' : 'dns-strategy-help'}
          onChange={(e) => void props.onChange({ strategy: (e.currentTarget as HTMLSelectElement).value as Strategy })}
        >
          {STRATEGY_ORDER.map((s) => (
            <option key={s} value={s}>
              {strategyText(s, t)}
            </option>
          ))}
        </select>
        <p class="help" id="dns-strategy-help">
          {t('dnsStrategyHelp')}
        </p>
        {errors.strategy && (
          <p class="error" role="alert" id="dns-strategy-error">
            {errors.strategy}
          </p>
        )}
      </div>
      <div class="dns-field">
        <label class="dns-check">
          <input
            type="checkbox"
            id="dns-prefer-fast"
            checked={status.preferFast}
            disabled={props.busy}
            aria-describedby={errors.preferFast ? 'dns-prefer-fast-help dns-prefer-fast-error' : 'dns-prefer-fast-help'}
            onChange={(e) => void props.onChange({ preferFast: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('dnsPreferFastLabel')}
        </label>
        <p class="help" id="dns-prefer-fast-help">
          {t('dnsPreferFastHelp', [PREFER_FAST_BENCH_SHARE])}
        </p>
        {errors.preferFast && (
          <p class="error" role="alert" id="dns-prefer-fast-error">
            {errors.preferFast}
          </p>
        )}
      </div>
      <div class="dns-field">
        <label for="dns-rekey">{t('dnsRekeyLabel')}</label>
        <select
          id="dns-rekey"
          value={String(status.rekeyDays)}
          disabled={props.busy}
          aria-describedby={errors.rekeyDays ? 'dns-rekey-help dns-rekey-error' : 'dns-rekey-help'}
          onChange={(e) => void props.onChange({ rekeyDays: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {rekeyChoices.map((days) => (
            <option key={days} value={String(days)}>
              {rekeyText(days, t)}
            </option>
          ))}
        </select>
        <p class="help" id="dns-rekey-help">
          {t('dnsRekeyHelp')}
        </p>
        {errors.rekeyDays && (
          <p class="error" role="alert" id="dns-rekey-error">
            {errors.rekeyDays}
          </p>
        )}
      </div>
    </div>
  );
}
