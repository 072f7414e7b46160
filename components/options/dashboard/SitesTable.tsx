import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { SiteRow } from '@/utils/history/history-view';
import type { Translate } from '../../shared/translate';
import { ForgetConfirmRow, ForgetStatus, useForgetSite } from './ForgetSite';
import { counted, formatNumber } from '@/utils/i18n/plural';

type Column = 'site' | 'pageLoads' | 'companies' | 'thirdPartyHosts' | 'blocked' | 'hhi';
const COLUMNS: readonly { id: Column; label: string; value: (s: SiteRow) => number | string }[] = [
  { id: 'site', label: 'dashColSite', value: (s) => s.site },
  { id: 'pageLoads', label: 'dashColPageLoads', value: (s) => s.pageLoads },
  { id: 'companies', label: 'dashColCompanies', value: (s) => s.companies },
  { id: 'thirdPartyHosts', label: 'dashColThirdParty', value: (s) => s.thirdPartyHosts },
  { id: 'blocked', label: 'dashColBlocked', value: (s) => s.blocked },
  { id: 'hhi', label: 'dashColConcentration', value: (s) => s.concentration.hhi },
];

/**
 * Every site of the range: page loads, companies, third-party hosts, blocked, concentration. A click on a
 * column header sorts by it (again: the other way), with aria-sort saying so; the filter keeps sites whose name
 * contains the text typed. Each row can be forgotten (ForgetSite.tsx).
 */
export function SitesTable(props: { sites: SiteRow[]; onForget: (site: string) => Promise<void>; t: Translate }) {
  const { t } = props;
  const [sort, setSort] = useState<{ by: Column; descending: boolean }>({ by: 'pageLoads', descending: true });
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const column = COLUMNS.find((c) => c.id === sort.by) ?? COLUMNS[1]!;
    const needle = filter.trim().toLowerCase();
    const kept = needle ? props.sites.filter((s) => s.site.includes(needle)) : [...props.sites];
    const sign = sort.descending ? -1 : 1;
    return kept.sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || (a.site < b.site ? -1 : 1);
    });
  }, [props.sites, sort, filter]);
  // Names read ascending first, figures largest first.
  const sortBy = (by: Column) => setSort((s) => ({ by, descending: s.by === by ? !s.descending : by !== 'site' }));
  const forget = useForgetSite(props.onForget, t, rows.map((s) => s.site));

  return (
    <div class="dash-sites" ref={forget.root}>
      <div class="dash-filter">
        <label for="dash-site-filter">{t('dashFilterLabel')}</label>
        <input id="dash-site-filter" type="search" value={filter} onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />
        <span role="status" data-testid="site-count">{counted(t, 'dashSitesShown', props.sites.length, [formatNumber(rows.length, t)])}</span>
      </div>
      <div class="dash-scroll">
        <table class="dash-table" aria-label={t('dashSitesHeading')}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.id} scope="col" class={c.id === 'site' ? '' : 'n'} aria-sort={sort.by === c.id ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                  <button type="button" data-sort={c.id} onClick={() => sortBy(c.id)}>
                    {t(c.label)}
                    <span aria-hidden="true">{sort.by === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col" class="dash-forget">
                <span class="sr-only">{t('dashColForget')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              // Keyed as a whole: a row that moves up keeps its DOM, and with it the focus on its Forget button.
              <Fragment key={s.site}>
                <tr data-site={s.site} data-page-loads={s.pageLoads} data-companies={s.companies} data-third-party-hosts={s.thirdPartyHosts} data-blocked={s.blocked} data-hhi={s.concentration.hhi}>
                  <th scope="row">{s.site}</th>
                  <td class="n">{formatNumber(s.pageLoads, t)}</td>
                  <td class="n">{formatNumber(s.companies, t)}</td>
                  <td class="n">{formatNumber(s.thirdPartyHosts, t)}</td>
                  <td class="n">{formatNumber(s.blocked, t)}</td>
                  <td class="n">
                    {s.concentration.level === 'none' ? '–' : s.concentration.level === 'unknown' ? t('concentration_unknown') : `${t(`concentration_${s.concentration.level}`)} (${formatNumber(s.concentration.hhi, t)})`}
                  </td>
                  <td class="dash-forget">
                    <button type="button" data-forget={s.site} aria-label={t('dashForgetSite', [s.site])} onClick={() => forget.ask(s.site)}>
                      {t('dashForget')}
                    </button>
                  </td>
                </tr>
                {forget.confirming === s.site && (
                  <ForgetConfirmRow site={s.site} columns={COLUMNS.length + 1} busy={forget.busy} onConfirm={() => void forget.confirm()} onCancel={forget.cancel} t={t} />
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <ForgetStatus status={forget.status} message={forget.message} />
    </div>
  );
}
