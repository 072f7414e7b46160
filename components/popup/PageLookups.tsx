import type { PageLookupsView } from '@/utils/dns/views/page-lookups';
import type { Translate } from '../shared/translate';

/**
 * Which resolvers Diffuse's own lookups for this page went to: the per-page face of the exposure ledger. It says
 * plainly that the browser looked the same names up itself, through its own setting (an extension cannot
 * route those), and links to the resolver settings.
 */
export function PageLookups(props: { view: PageLookupsView; dnsSettingsUrl: string; t: Translate }) {
  const { view, t } = props;
  if (view.hosts === 0) return null;
  return (
    <section aria-labelledby="lookups-heading" data-testid="dns-lookups">
      <h2 id="lookups-heading">{t('lookupsHeading')}</h2>
      <p>{t('lookupsIntro', [String(view.hosts)])}</p>
      <ul class="resolvers">
        {view.resolvers.map((r) => (
          <li key={r.url} data-resolver={r.url} data-hosts={r.hosts} title={r.url}>
            <span class="name">{r.operator ?? r.label}</span>
            {r.country && <span class="meta">{` (${r.country})`}</span>}
            <span class="meta">{` · ${t('lookupsHosts', [String(r.hosts)])}`}</span>
          </li>
        ))}
      </ul>
      {view.failed > 0 && <p class="meta" data-testid="dns-lookups-failed">{t('lookupsFailed', [String(view.failed)])}</p>}
      <p class="note">
        {t('lookupsBrowserOwn')}{' '}
        <a href={props.dnsSettingsUrl} target="_blank" rel="noopener">{t('lookupsSettings')}</a>
      </p>
    </section>
  );
}
