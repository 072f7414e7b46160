import type { PageLoad } from '../pageload/page-load';
import type { PageReport } from '../report/page-report';
import type { EncryptionSummary } from '../report/encryption';
import type { CnameTabView } from '../cname/tab-view';
import type { CompanionPageView } from '../companion/companion-lookups';

/**
 * What the popup shows for one tab: its current page load, the report built from its contacts, encryption,
 * and what DNS showed behind the names (cloaked trackers, who serves each host: CnameTabView).
 */
export interface TabView extends CnameTabView {
  pageLoad: PageLoad;
  report: PageReport;
  encryption: EncryptionSummary;
  /**
   * The browser's own lookups of this page through the companion (docs/companion.md); absent while the companion
   * is switched off, so the popup keeps saying that the browser's own lookups are not routed.
   */
  companion?: CompanionPageView;
}

export interface PageMessages {
  'pageLoad.get': { request: { tabId: number }; response: TabView | null };
  /** Reloads a tab so a policy change takes effect. */
  'tab.reload': { request: { tabId: number }; response: null };
}
export const PAGE_MESSAGES: Record<keyof PageMessages, true> = { 'pageLoad.get': true, 'tab.reload': true };
