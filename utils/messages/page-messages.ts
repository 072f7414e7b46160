import type { PageLoad } from '../pageload/page-load';
import type { SameSiteReason } from '../attribution/first-party';
import type { ContactReport, OrganizationReport, PageReport } from '../report/page-report';
import type { EncryptionSummary } from '../report/encryption';
import type { CnameTabView } from '../cname/tab-view';
import type { CompanionPageView } from '../companion/companion-lookups';

/** A company's row in the popup: its hosts come with the page's contacts (TabView.contacts), when asked for. */
export type CompanyShare = Omit<OrganizationReport, 'hosts'>;

/**
 * The page report as the popup's first screen shows it: without the per-host lists, which start closed. On a
 * 500-host page they were 93 of the answer's 105 kB, and the answer's trip from the worker to the popup grew with
 * its size (~9 ms for the contacts' 69 kB, bench:popup's page, Chromium).
 */
export interface TabReport extends Omit<PageReport, 'contacts' | 'organizations'> {
  organizations: CompanyShare[];
  /** Requests blocked on the page, all contacts together (the popup's header). */
  blocked: number;
  /** The site's other own domains (its contacts with `sameSite`): few, and listed at once under the site. */
  siteDomains: DomainShare[];
}

/**
 * A registrable domain of the page's contacts with their requests together; `reason` when it is the site's own. The
 * background works these out so the popup carries no Public Suffix List (tldts was ~140 of its script's 157 kB).
 */
export interface DomainShare {
  domain: string;
  requests: number;
  reason?: SameSiteReason;
}

/**
 * What the popup shows for one tab: its current page load, the report built from its contacts, encryption,
 * and what DNS showed behind the names (cloaked trackers, who serves each host: CnameTabView).
 */
export interface TabView extends CnameTabView {
  pageLoad: PageLoad;
  report: TabReport;
  /** Every contact of the page (PageReport.contacts), only when the request asked for `hosts`: a list of hosts is open. */
  contacts?: ContactReport[];
  /** The third parties' registrable domains (the popup's "this domain belongs to the site"), with `contacts`. */
  otherDomains?: DomainShare[];
  encryption: EncryptionSummary;
  /**
   * The browser's own lookups of this page through the companion (docs/companion.md); absent while the companion
   * is switched off, so the popup keeps saying that the browser's own lookups are not routed.
   */
  companion?: CompanionPageView;
}

export interface PageMessages {
  /** `hosts`: also every contact of the page (TabView.contacts), asked for once the popup opens a list of hosts. */
  'pageLoad.get': { request: { tabId: number; hosts?: boolean }; response: TabView | null };
  /** Reloads a tab so a policy change takes effect. */
  'tab.reload': { request: { tabId: number }; response: null };
}
export const PAGE_MESSAGES: Record<keyof PageMessages, true> = { 'pageLoad.get': true, 'tab.reload': true };
