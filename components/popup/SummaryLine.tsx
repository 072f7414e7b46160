import type { PageSummary } from '@/utils/report/page-report';
import { percent } from '../shared/format';
import type { Translate } from '../shared/translate';
import { counted, formatNumber } from '@/utils/i18n/plural';

/**
 * "Contacted 27 third-party hosts run by 9 companies; Google received 48 % of the requests." from _locales,
 * the same sentence utils/report/summary-sentence.ts writes in English for the CLI and reports.
 */
export function summaryText(s: PageSummary, t: Translate): string {
  if (s.thirdPartyHosts === 0) return t('summaryNoThirdParty');
  const hosts = counted(t, 'summaryHosts', s.thirdPartyHosts);
  if (s.companies === 0 || s.topCompany === null) return hosts + counted(t, 'summaryOwnerUnknown', s.thirdPartyHosts);
  const companies = counted(t, 'summaryCompanies', s.companies);
  const unknown = s.unknownHosts > 0 ? t('summaryUnknownPart', [formatNumber(s.unknownHosts, t)]) : '';
  return hosts + companies + unknown + t('summaryTop', [s.topCompany.name, percent(s.topCompany.share, t)]);
}

export function SummaryLine(props: { summary: PageSummary; t: Translate }) {
  return (
    <p class="summary" data-testid="summary" aria-live="polite">
      {summaryText(props.summary, props.t)}
    </p>
  );
}
