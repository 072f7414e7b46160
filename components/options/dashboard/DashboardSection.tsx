import { useEffect, useState } from 'preact/hooks';
import type { HistoryDataView, HistorySummary } from '@/utils/messages/history-messages';
import type { RangeId } from '@/utils/history/days';
import type { Translate } from '../../shared/translate';
import { DataControls } from './DataControls';
import { DnsShare } from './DnsShare';
import { ExportButtons } from './ExportButtons';
import { RangePicker } from './RangePicker';
import { ReachChart } from './ReachChart';
import { SettingsTransfer } from './SettingsTransfer';
import { SitesTable } from './SitesTable';
import { TrendChart } from './TrendChart';
import { EncryptionHistoryPanel } from './EncryptionHistoryPanel';
import { OperatorsList } from './OperatorsList';
import { errorText } from './save-file';
import './dashboard.css';
import type { DashboardCall } from './dashboard-call';
import { formatNumber } from '@/utils/i18n/plural';

const TOTALS = ['pageLoads', 'sites', 'thirdPartyRequests', 'blocked', 'companies'] as const;

/**
 * The dashboard: what the browsing of a range contacted (companies by reach, sites, the trend per day), its
 * exports, what is stored and for how long, and the settings file. Everything comes from the background; the
 * figures shown are the ones the exports contain.
 */
export function DashboardSection(props: { call: DashboardCall; t: Translate }) {
  const { call, t } = props;
  const [range, setRange] = useState<RangeId>('7d');
  const [summary, setSummary] = useState<HistorySummary | null>(null);
  const [data, setData] = useState<HistoryDataView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    Promise.all([call('history.get', { range }), call('history.data', {})]).then(
      ([next, stored]) => {
        if (!live) return;
        setSummary(next);
        setData(stored);
        setFailure(null);
        setLoading(false);
      },
      (e: unknown) => live && (setFailure(errorText(e)), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [range, generation]);

  useEffect(() => {
    // bench/history.ts (browser part) reads this mark: from the page's start to the first full dashboard.
    if (summary && !performance.getEntriesByName('diffuse:dashboard').length) performance.mark('diffuse:dashboard');
  }, [summary]);

  const reload = () => setGeneration((g) => g + 1);
  // Read again even after a failure: the site may be gone from history while the DNS ledger kept it.
  const forget = (site: string) => call('history.forgetSite', { site }).then(setData).finally(reload);
  return (
    <section class="dashboard" id="dashboard" aria-labelledby="dash-heading" aria-busy={loading} data-range={summary?.range.id} data-loading={String(loading)}>
      <h2 id="dash-heading">{t('dashHeading')}</h2>
      <p class="intro">{t('dashIntro')}</p>
      {data?.off && (
        <p class="dash-history-off" role="note" data-testid="history-off">
          {t('dashHistoryOffNote')}
        </p>
      )}
      <RangePicker range={range} onChange={setRange} t={t} />
      {failure && <p class="error" role="alert">{t('dashLoadError', [failure])}</p>}
      {summary && (
        <>
          <dl class="dash-totals">
            {TOTALS.map((key) => (
              <div key={key}>
                <dt>{t(`dashTotal_${key}`)}</dt>
                <dd data-total={key}>{formatNumber(summary.totals[key], t)}</dd>
              </div>
            ))}
          </dl>
          <h3>{t('dashReachHeading')}</h3>
          <ReachChart companies={summary.companies} sites={summary.totals.sites} t={t} />
          <h3>{t('dashOperatorsHeading')}</h3>
          <OperatorsList operators={summary.operators} t={t} />
          <h3>{t('dashTrendHeading')}</h3>
          <TrendChart trend={summary.trend} t={t} />
          <h3>{t('dashEncHeading')}</h3>
          <EncryptionHistoryPanel encryption={summary.encryption} t={t} />
          <h3>{t('dashSitesHeading')}</h3>
          <SitesTable sites={summary.sites} onForget={forget} t={t} />
        </>
      )}
      <ExportButtons range={range} call={call} t={t} />
      <DnsShare status={() => call('dns.status', {})} generation={generation} t={t} />
      <section class="dash-panel" aria-labelledby="dash-data-heading">
        <h3 id="dash-data-heading">{t('dashDataHeading')}</h3>
        <DataControls data={data} call={call} onChanged={(next) => (setData(next), reload())} t={t} />
        <h3>{t('dashSettingsHeading')}</h3>
        <p class="intro">{t('dashSettingsIntro')}</p>
        <SettingsTransfer call={call} onImported={reload} t={t} />
      </section>
      <p class="dash-credits">{t('credits')}</p>
    </section>
  );
}
