import type { DomainShare, TabReport } from '@/utils/messages/page-messages';
import { HostsLoading } from './HostsLoading';
import { LazyDetails } from './LazyDetails';
import type { Translate } from '../shared/translate';

/**
 * The site's own domains besides its name: same owner, its brand in the name, or the user's word
 * (utils/attribution/first-party.ts), listed under the site rather than among third parties; and the user's
 * per-site choice "this domain belongs to the site", stored with the site's policy and undone here. The chooser
 * lists the third parties' domains (`others`, TabView.otherDomains), asked for when it opens (`onOpen`). The background
 * works the domains out (utils/report/popup-report.ts), so the popup loads no Public Suffix List.
 */
export function SiteDomains(props: {
  report: TabReport;
  others?: readonly DomainShare[];
  onOpen: () => void;
  onChange?: (domain: string, belongs: boolean) => void;
  t: Translate;
}) {
  const { report, others, t, onChange } = props;
  const own = report.siteDomains;
  const hasOthers = report.summary.thirdPartyHosts > 0;
  return (
    <section class="site-domains" data-testid="site-domains" aria-labelledby="site-domains-heading">
      {own.length > 0 && (
        <>
          <h2 id="site-domains-heading">{t('siteDomainsHeading', [report.site])}</h2>
          <ul>
            {own.map((d) => (
              <li key={d.domain} data-domain={d.domain} data-reason={d.reason}>
                {d.domain} <span class="meta">{t(`siteDomainReason_${d.reason ?? 'owner'}`)}</span>
                {d.reason === 'chosen' && onChange && (
                  <button type="button" class="own-domain" onClick={() => onChange(d.domain, false)}>{t('siteDomainUndo')}</button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {onChange && hasOthers && (
        <LazyDetails class="own-domain-choice" testId="own-domain-choice" summary={t('siteDomainChoose')} onOpen={props.onOpen}>
          {() => !others ? <HostsLoading t={t} /> : (
            <ul>
              {others.map((d) => (
                <li key={d.domain} data-domain={d.domain}>
                  {d.domain}{' '}
                  <button type="button" class="own-domain" aria-label={t('siteDomainBelongsLabel', [d.domain])} onClick={() => onChange(d.domain, true)}>
                    {t('siteDomainBelongs')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </LazyDetails>
      )}
    </section>
  );
}
