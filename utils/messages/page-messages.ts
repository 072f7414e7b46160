import type { PageLoad } from '../pageload/model';
import type { PageReport } from '../report/page-report';

/** What the popup shows for one tab: its current page load and the report built from its contacts. */
export interface TabView {
  pageLoad: PageLoad;
  report: PageReport;
}

export interface PageMessages {
  'pageLoad.get': { request: { tabId: number }; response: TabView | null };
  /** Reloads a tab so a policy change takes effect. */
  'tab.reload': { request: { tabId: number }; response: null };
}
export const PAGE_MESSAGES: Record<keyof PageMessages, true> = { 'pageLoad.get': true, 'tab.reload': true };
