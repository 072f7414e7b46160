import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Contract, TabView } from '@/utils/messages/contract';
import type { PolicyEdit, PolicyView } from '@/utils/rules/policy-edits';
import { PolicySwitch } from '@/components/popup/PolicySwitch';
import { EncryptionPanel } from '@/components/popup/EncryptionPanel';
import { CompanyList } from '@/components/popup/CompanyList';
import { HostsLoading } from '@/components/popup/HostsLoading';
import { Concentration } from '@/components/popup/Concentration';
import { HostTable } from '@/components/popup/HostTable';
import { LazyDetails } from '@/components/popup/LazyDetails';
import { SummaryLine } from '@/components/popup/SummaryLine';
import { SiteDomains } from '@/components/popup/SiteDomains';
import { CloakedTrackers } from '@/components/popup/CloakedTrackers';
import { InfrastructurePanel } from '@/components/popup/InfrastructurePanel';
import { PageLookups } from '@/components/popup/PageLookups';
import { CompanionLookups } from '@/components/popup/CompanionLookups';
import { INFRA_DATA_CREDITS, INFRA_DATA_CREDIT_LINK } from '@/utils/infra/infra-credits';
import type { Translate } from '@/components/shared/translate';
import { formatNumber } from '@/utils/i18n/plural';
import { hostsByCompany } from '@/utils/report/company-hosts';

type Call = <T extends keyof Contract>(type: T, request: Contract[T]['request']) => Promise<Contract[T]['response']>;

/** While open, the popup refreshes so requests that arrive after it opened show up. */
const REFRESH_MS = 1000;

/**
 * `loadView` asks for the tab's view (each refresh), with every host once a list of hosts has been opened; `firstView`
 * is its first answer, asked for before the first render (main.tsx), so it is not held back until Preact runs its
 * first effect after a paint.
 */
export function PopupApp(props: { tabId: Promise<number | null>; loadView: (hosts: boolean) => Promise<TabView | null>; firstView?: Promise<TabView | null>; call: Call; t: Translate; dnsSettingsUrl: string }) {
  const { t } = props;
  const [view, setView] = useState<TabView | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [policy, setPolicy] = useState<PolicyView | null>(null);
  const [changed, setChanged] = useState(false);
  const site = view?.report.site;

  useEffect(() => {
    if (!site) return;
    props.call('policy.get', { site }).then(setPolicy, (e: unknown) => setError(String(e)));
  }, [site]);

  const edit = async (change: PolicyEdit) => {
    if (!site) return;
    try {
      setPolicy(await props.call('policy.edit', { site, edit: change }));
      setChanged(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const reload = async () => {
    const tabId = await props.tabId;
    if (tabId !== null) await props.call('tab.reload', { tabId });
    setChanged(false);
  };

  // Once a list of hosts has been opened, every refresh asks for the hosts too; the first opening asks at once.
  const wantHosts = useRef(false);
  const loadNow = useRef(() => {});
  const needHosts = () => {
    if (wantHosts.current) return;
    wantHosts.current = true;
    loadNow.current();
  };

  useEffect(() => {
    let live = true;
    let first = props.firstView;
    // Answers may overtake each other (the one that asks for hosts is slower): an older one never replaces a newer.
    let asked = 0;
    let shown = 0;
    const load = async () => {
      const mine = ++asked;
      try {
        const pending = first ?? props.loadView(wantHosts.current);
        first = undefined;
        const next = await pending;
        if (!live || mine < shown) return;
        shown = mine;
        setView(next);
        setError(null);
      } catch (e) {
        if (live) setError(e instanceof Error ? e.message : String(e));
      }
    };
    loadNow.current = () => void load();
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);

  useEffect(() => {
    // bench/popup-render.ts reads this mark: time from opening the popup to the first full render.
    if (view && !performance.getEntriesByName('diffuse:first-render').length) performance.mark('diffuse:first-render');
  }, [view]);

  const report = view?.report;
  const contacts = view?.contacts;
  const byCompany = useMemo(() => (contacts ? hostsByCompany(contacts) : undefined), [contacts]);
  const companyHosts = { of: (company: string) => (byCompany ? (byCompany.get(company) ?? []) : undefined), onOpen: needHosts };
  return (
    <main aria-busy={view === undefined}>
      <header>
        <h1 data-testid="site">{report?.site ?? t('popupTitle')}</h1>
        {report && <span class="blocked" data-testid="blocked">{t('blockedCount', [formatNumber(report.blocked, t)])}</span>}
      </header>
      {error && <p class="error" role="alert">{t('popupError', [error])}</p>}
      {policy?.error && <p class="error" role="alert" data-testid="rule-error">{t('policyError', [policy.error])}</p>}
      {policy && <PolicySwitch mode={policy.mode} onChange={(mode) => void edit({ mode })} managed={policy.managed} t={t} />}
      {changed && (
        <p class="changed" role="status">
          {t('policyChanged')}{' '}
          <button type="button" data-testid="reload" onClick={() => void reload()}>{t('policyReload')}</button>
        </p>
      )}
      {view === null && <p>{t('popupNoPage')}</p>}
      {view && report && (
        <>
          <SummaryLine summary={report.summary} t={t} />
          <Concentration measure={report.concentration} unknownShare={report.unknown.share} t={t} />
          <section aria-labelledby="companies-heading">
            <h2 id="companies-heading">{t('companiesHeading')}</h2>
            <CompanyList
              companies={report.organizations}
              hosts={companyHosts}
              control={policy && !policy.managed ? { choices: policy.companies, onChange: (company, choice) => void edit({ company, choice }) } : undefined}
              t={t}
            />
            {report.unknown.hosts > 0 && (
              <LazyDetails class="unknown" testId="unknown" summary={t('unknownOwners', [formatNumber(report.unknown.hosts, t)])} onOpen={needHosts}>
                {() => !contacts ? <HostsLoading t={t} /> : (
                  <ul>
                    {contacts.filter((c) => c.thirdParty && c.organization === null).map((c) => <li key={c.host}>{c.host}</li>)}
                  </ul>
                )}
              </LazyDetails>
            )}
          </section>
          <SiteDomains report={report} others={view.otherDomains} onOpen={needHosts} onChange={policy && !policy.managed ? (ownDomain, belongs) => void edit({ ownDomain, belongs }) : undefined} t={t} />
          <CloakedTrackers cloaks={view.cloaks} evictions={view.cloakEvictions} t={t} />
          <EncryptionPanel summary={view.encryption} dnsSettingsUrl={props.dnsSettingsUrl} t={t} />
          <InfrastructurePanel view={view.infrastructure} t={t} />
          <PageLookups view={view.lookups} dnsSettingsUrl={props.dnsSettingsUrl} t={t} browserRouted={view.companion?.state === 'connected'} />
          {view.companion && <CompanionLookups view={view.companion} t={t} />}
          <LazyDetails class="all-hosts" summary={t('allHostsHeading', [formatNumber(report.summary.thirdPartyHosts + report.firstParty.hosts, t)])} onOpen={needHosts}>
            {() => (contacts ? <HostTable hosts={contacts} t={t} /> : <HostsLoading t={t} />)}
          </LazyDetails>
        </>
      )}
      {/* The dashboard (history over days, exports) lives on the options page; a new tab, as the popup closes. */}
      <p class="open-dashboard">
        <a href="/options.html#dashboard" target="_blank" rel="noopener" data-testid="open-dashboard">{t('popupOpenDashboard')}</a>
      </p>
      <footer class="credits">
        {t('credits')}
        <br />
        {INFRA_DATA_CREDITS}
        {' · '}
        <a href={INFRA_DATA_CREDIT_LINK.href} target="_blank" rel="noreferrer">{INFRA_DATA_CREDIT_LINK.text}</a>
      </footer>
    </main>
  );
}
