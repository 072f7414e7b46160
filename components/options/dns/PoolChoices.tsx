import type { DnsConfigErrors, DnsConfigRequest, DnsStatus } from '@/utils/messages/dns-messages';
import type { Strategy } from '@/utils/dns/pool/selection';
import type { LookupsVia } from '@/utils/dns/settings/dns-settings';
import type { Translate } from '../../shared/translate';
import { LOOKUPS_VIA_ORDER, lookupsViaText, PREFER_FAST_BENCH_SHARE, REKEY_CHOICES, rekeyText, STRATEGY_ORDER, strategyText } from './dns-text';

/**
 * The choices that shape the pool: on Firefox, whether cloaking checks use the pool at all or Firefox's own
 * resolver; how lookups are spread (each option says its trade-off in one line), whether faster resolvers get
 * more sites, and whether the selection key changes over time (each explained below it). Each applies as soon as
 * it is picked. `firefox` (the build's browser unless given) shows the choice only where the browser offers it.
 */
export function PoolChoices(props: {
  status: DnsStatus;
  busy: boolean;
  errors: DnsConfigErrors;
  onChange: (request: DnsConfigRequest) => Promise<boolean>;
  t: Translate;
  firefox?: boolean;
}) {
  const { status, errors, t } = props;
  const firefox = props.firefox ?? import.meta.env.FIREFOX;
  // A period set elsewhere (an older version, a test) is still shown as chosen, not silently replaced.
  const rekeyChoices: number[] = (REKEY_CHOICES as readonly number[]).includes(status.rekeyDays) ? [...REKEY_CHOICES] : [...REKEY_CHOICES, status.rekeyDays];
  return (
    <div class="dns-choices">
      <h3>{t('dnsChoicesHeading')}</h3>
      {firefox && <LookupsViaChoice status={status} busy={props.busy} error={errors.lookupsVia} onChange={props.onChange} t={t} />}
      <div class="dns-field">
        <label for="dns-strategy">{t('dnsStrategyLabel')}</label>
        <select
          id="dns-strategy"
          value={status.strategy}
          disabled={props.busy}
          aria-describedby={describedBy('dns-strategy', errors.strategy)}
          onChange={(e) => void props.onChange({ strategy: (e.currentTarget as HTMLSelectElement).value as Strategy })}
        >
          {STRATEGY_ORDER.map((s) => (
            <option key={s} value={s}>
              {strategyText(s, t)}
            </option>
          ))}
        </select>
        <FieldNotes id="dns-strategy" help={t('dnsStrategyHelp')} error={errors.strategy} />
      </div>
      <div class="dns-field">
        <label class="dns-check">
          <input
            type="checkbox"
            id="dns-prefer-fast"
            checked={status.preferFast}
            disabled={props.busy}
            aria-describedby={describedBy('dns-prefer-fast', errors.preferFast)}
            onChange={(e) => void props.onChange({ preferFast: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('dnsPreferFastLabel')}
        </label>
        <FieldNotes id="dns-prefer-fast" help={t('dnsPreferFastHelp', [PREFER_FAST_BENCH_SHARE])} error={errors.preferFast} />
      </div>
      <div class="dns-field">
        <label for="dns-rekey">{t('dnsRekeyLabel')}</label>
        <select
          id="dns-rekey"
          value={String(status.rekeyDays)}
          disabled={props.busy}
          aria-describedby={describedBy('dns-rekey', errors.rekeyDays)}
          onChange={(e) => void props.onChange({ rekeyDays: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {rekeyChoices.map((days) => (
            <option key={days} value={String(days)}>
              {rekeyText(days, t)}
            </option>
          ))}
        </select>
        <FieldNotes id="dns-rekey" help={t('dnsRekeyHelp')} error={errors.rekeyDays} />
      </div>
    </div>
  );
}

/**
 * Where Firefox's cloaking checks go: its own resolver (the default: it answers from its cache what the page has
 * just resolved, so no one new learns the visit) or the resolvers above. Chrome has no such choice.
 */
export function LookupsViaChoice(props: {
  status: DnsStatus;
  busy: boolean;
  error: string | undefined;
  onChange: (request: DnsConfigRequest) => Promise<boolean>;
  t: Translate;
}) {
  const { t } = props;
  return (
    <div class="dns-field">
      <label for="dns-lookups-via">{t('dnsLookupsViaLabel')}</label>
      <select
        id="dns-lookups-via"
        data-testid="lookups-via"
        value={props.status.lookupsVia}
        disabled={props.busy}
        aria-describedby={describedBy('dns-lookups-via', props.error)}
        onChange={(e) => void props.onChange({ lookupsVia: (e.currentTarget as HTMLSelectElement).value as LookupsVia })}
      >
        {LOOKUPS_VIA_ORDER.map((via) => (
          <option key={via} value={via}>
            {lookupsViaText(via, t)}
          </option>
        ))}
      </select>
      <FieldNotes id="dns-lookups-via" help={t('dnsLookupsViaHelp')} error={props.error} />
    </div>
  );
}

/** The ids a field's aria-describedby names: its help, and its error while there is one. */
const describedBy = (id: string, error: string | undefined) => (error ? `${id}-help ${id}-error` : `${id}-help`);

/** A field's help text and, when the background refused the change, its message (announced as an alert). */
function FieldNotes(props: { id: string; help: string; error: string | undefined }) {
  return (
    <>
      <p class="help" id={`${props.id}-help`}>
        {props.help}
      </p>
      {props.error && (
        <p class="error" role="alert" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
    </>
  );
}
