import type { InfrastructureView } from '@/utils/infra/page-infrastructure';
import { percent } from '../shared/format';
import type { Translate } from '../shared/translate';
import { counted } from '@/utils/i18n/plural';
import { ShownList } from './ShownList';

/** The operators shown before "Show all": the few that serve most of a page. */
const TOP_OPERATORS = 5;

/** Who serves the page's hosts, the site itself first ("this site itself is served by Cloudflare"), with shares of the page's requests. */
export function InfrastructurePanel(props: { view: InfrastructureView; t: Translate }) {
  const { view, t } = props;
  return (
    <section aria-labelledby="infra-heading" data-testid="infrastructure">
      <h2 id="infra-heading">{t('infraHeading')}</h2>
      <p data-testid="infra-site">
        {view.site.operator ? t('infraSiteServedBy', [view.site.operator]) : t('infraSiteUnknown')}
      </p>
      <ShownList items={view.operators} top={TOP_OPERATORS} t={t} testId="more-operators">
        {(shown) => (
          <ul class="operators">
            {shown.map((o) => (
              <li key={o.name} data-operator={o.name} data-requests={o.requests} data-share={o.share}>
                <span class="name">{o.name}</span> <span class="share">{percent(o.share, t)}</span>
                <span class="bar" role="img" aria-label={t('companyShareLabel', [percent(o.share, t)])}>
                  <span style={{ width: `${Math.max(1, Math.round(o.share * 100))}%` }} />
                </span>
                <span class="meta">{o.hosts.map((h) => h.host).join(', ')}</span>
              </li>
            ))}
          </ul>
        )}
      </ShownList>
      {view.unattributed.hosts > 0 && <p class="meta">{counted(t, 'infraUnattributed', view.unattributed.hosts)}</p>}
      {view.pending > 0 && <p class="meta">{counted(t, 'infraPending', view.pending)}</p>}
    </section>
  );
}
