import type { DnsResolverView, DnsStatus } from '@/utils/messages/dns-messages';
import { percent } from '../../shared/format';
import type { Translate } from '../../shared/translate';
import { countryName, healthText, latencyText, weightText } from './dns-text';
import { counted, formatNumber } from '@/utils/i18n/plural';

/**
 * One card per resolver: who runs it, where and under what stated policy; its health; and what it could have
 * learnt (distinct sites and names it was sent, and their share). The data-* attributes carry the raw numbers
 * for tests and for anyone inspecting the page.
 */
export function ResolverList(props: { status: DnsStatus; busy: boolean; onRemove: (url: string) => void; t: Translate }) {
  const { status, t } = props;
  const alone = status.resolvers.length === 1;
  return (
    <>
      <ul class="dns-resolvers" aria-labelledby="dns-resolvers-heading">
        {status.resolvers.map((r) => (
          <ResolverCard key={r.url} view={r} takenAt={status.takenAt} weighted={status.preferFast} removable={!alone} busy={props.busy} onRemove={props.onRemove} t={t} />
        ))}
      </ul>
      {alone && <p class="dns-warning">{t('dnsOneResolverWarning')}</p>}
    </>
  );
}

function ResolverCard(props: { view: DnsResolverView; takenAt: number; weighted: boolean; removable: boolean; busy: boolean; onRemove: (url: string) => void; t: Translate }) {
  const { view, t } = props;
  const { health, exposure, info } = view;
  const id = `dns-resolver-${view.label.replace(/[^a-z0-9]+/gi, '-')}`;
  const good = health.state === 'closed';
  return (
    <li
      class="dns-resolver"
      aria-labelledby={`${id}-name`}
      data-resolver={view.url}
      data-state={health.state}
      data-latency={health.latencyMs ?? ''}
      data-successes={health.successes}
      data-failures={health.failures}
      data-sites={exposure.sites}
      data-names={exposure.names}
      data-queries={exposure.queries}
      data-weight={view.weight}
    >
      <div class="dns-resolver-head">
        <h4 id={`${id}-name`}>
          {info?.operator ?? t('dnsCustomResolver')} <span class="dns-host">{view.label}</span>
        </h4>
        {props.removable && (
          <button type="button" class="dns-remove" disabled={props.busy} aria-label={t('dnsRemoveLabel', [view.label])} onClick={() => props.onRemove(view.url)}>
            {t('dnsRemove')}
          </button>
        )}
      </div>
      {info && (
        <p class="help">
          {countryName(info.country)} · {info.policy}
        </p>
      )}
      <dl class="dns-facts">
        <div>
          <dt>{t('dnsHealthTerm')}</dt>
          <dd>
            <span class={good ? 'badge good' : 'badge weak'}>{healthText(health, props.takenAt, t)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('dnsLatencyTerm')}</dt>
          <dd>{latencyText(health.latencyMs, t)}</dd>
        </div>
        {props.weighted && (
          <div>
            <dt>{t('dnsWeightTerm')}</dt>
            <dd>{weightText(view.weight, t)}</dd>
          </div>
        )}
        <div>
          <dt>{t('dnsQueriesTerm')}</dt>
          <dd>{t('dnsQueriesValue', [formatNumber(health.successes, t), formatNumber(health.failures, t)])}</dd>
        </div>
        <div>
          <dt>{t('dnsSitesTerm')}</dt>
          <dd>
            {t('dnsShareValue', [formatNumber(exposure.sites, t), percent(exposure.siteShare, t)])}
            <ShareBar share={exposure.siteShare} />
          </dd>
        </div>
        <div>
          <dt>{t('dnsNamesTerm')}</dt>
          <dd>{t('dnsShareValue', [formatNumber(exposure.names, t), percent(exposure.nameShare, t)])}</dd>
        </div>
      </dl>
      {health.lastError && <p class="dns-last-error">{t('dnsLastError', [health.lastError])}</p>}
    </li>
  );
}

/** Decoration only: the share is in the text beside it. */
function ShareBar(props: { share: number }) {
  return (
    <span class="dns-bar" aria-hidden="true">
      <span style={{ width: `${Math.round(Math.min(1, Math.max(0, props.share)) * 100)}%` }} />
    </span>
  );
}

/** Resolvers the user removed still hold what they were sent; the ledger keeps counting that honestly. */
export function FormerResolvers(props: { status: DnsStatus; t: Translate }) {
  const { status, t } = props;
  if (status.formerResolvers.length === 0) return null;
  return (
    <div class="dns-former">
      <h4 id="dns-former-heading">{t('dnsFormerHeading')}</h4>
      <ul aria-labelledby="dns-former-heading">
        {status.formerResolvers.map((r) => (
          <li key={r.url} data-resolver={r.url} data-sites={r.sites} data-names={r.names}>
            {counted(t, 'dnsFormerLine', r.sites, [r.label, percent(r.siteShare, t), counted(t, 'dnsNames', r.names)])}
          </li>
        ))}
      </ul>
    </div>
  );
}
