/**
 * The one-sentence English summary used by the CLI and HTML report, e.g.
 * "Contacted 27 third-party hosts run by 9 companies; Google received 48 % of the requests."
 * The popup builds the same sentence from the same PageSummary through _locales.
 * "the requests" means the page's third-party requests (see page-report.ts).
 */
import type { PageSummary } from './page-report';
import { UNDER_ONE_PERCENT, wholePercent } from './percent';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** 0.4812 → "48 %"; a share that is not zero never reads as "0 %" (rule in percent.ts). */
export function formatPercent(share: number): string {
  const pct = wholePercent(share);
  return pct === UNDER_ONE_PERCENT ? 'less than 1 %' : `${pct} %`;
}

export function summarySentence(s: PageSummary): string {
  if (s.thirdPartyHosts === 0) return 'Contacted no third-party hosts.';
  const hosts = `Contacted ${plural(s.thirdPartyHosts, 'third-party host', 'third-party hosts')}`;
  if (s.companies === 0 || s.topCompany === null) {
    return s.thirdPartyHosts === 1 ? `${hosts}; its owner is unknown.` : `${hosts}; none has a known owner.`;
  }
  const unknown = s.unknownHosts > 0 ? ` (owner unknown for ${s.unknownHosts})` : '';
  return `${hosts} run by ${plural(s.companies, 'company', 'companies')}${unknown}; ` +
    `${s.topCompany.name} received ${formatPercent(s.topCompany.share)} of the requests.`;
}
