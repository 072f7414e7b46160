import type { TabReport } from '@/utils/messages/page-messages';
import type { ContactReport } from '@/utils/report/page-report';
import { registrableDomain } from '@/utils/site/registrable-domain';
import { HostsLoading } from './HostsLoading';
import { LazyDetails } from './LazyDetails';
import type { Translate } from '../shared/translate';

/** Registrable domains of `contacts`, most requested first, each with its contacts' total. */
function domainsOf(contacts: readonly ContactReport[]): { domain: string; requests: number; reason?: string }[] {
  const byDomain = new Map<string, { domain: string; requests: number; reason?: string }>();
  for (const c of contacts) {
    const domain = registrableDomain(c.host);
    const row = byDomain.get(domain) ?? { domain, requests: 0, ...(c.sameSite ? { reason: c.sameSite } : {}) };
    row.requests += c.requests;
    byDomain.set(domain, row);
  }
  return [...byDomain.values()].sort((a, b) => b.requests - a.requests || (a.domain < b.domain ? -1 : 1));
}

/**
 * The site's own domains besides its name: same owner, its brand in the name, or the user's word
 * (utils/attribution/first-party.ts), listed under the site rather than among third parties; and the user's
 * per-site choice "this domain belongs to the site", stored with the site's policy and undone here. The chooser
 * lists the third parties' domains from every contact of the page (`contacts`), asked for when it opens (`onOpen`).
 */
export function SiteDomains(props: {
  report: TabReport;
  contacts?: readonly ContactReport[];
  onOpen: () => void;
  onChange?: (domain: string, belongs: boolean) => void;
  t: Translate;
}) {
  const { report, contacts, t, onChange } = props;
  const own = domainsOf(report.ownContacts);
  // The third parties' domains are worked out when the chooser opens: a Public Suffix List parse per host took ~10 ms
  // of a 500-host popup's first render (CPU profile, bench:popup's page) for a list that starts closed.
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
          {() => !contacts ? <HostsLoading t={t} /> : (
            <ul>
              {domainsOf(contacts.filter((c) => c.thirdParty)).map((d) => (
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
