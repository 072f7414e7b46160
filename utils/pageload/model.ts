/** The page-load model shared by the background, the storage module and the UI. Plain data only. */

/** One top-level navigation of one tab, and everything its frames loaded until the next one. */
export interface PageLoad {
  id: string;
  tabId: number;
  /** The top-level document URL as first requested. */
  url: string;
  /** Registrable domain (eTLD+1) of the top-level document; the host itself for IPs and single labels. */
  site: string;
  startedAt: number;
}

/** How often one page load contacted one host. */
export interface HostContact {
  pageLoadId: string;
  host: string;
  requests: number;
}

/** A page load's stored record: the load and its hosts with request counts, most requested first. */
export interface PageLoadView {
  pageLoad: PageLoad;
  hosts: { host: string; requests: number }[];
}

/** The slice of a webRequest event that the model needs; the adapter copies it from the browser's details. */
export interface ObservedRequest {
  tabId: number;
  frameId: number;
  /** webRequest ResourceType: "main_frame" starts a new page load. */
  type: string;
  url: string;
  /** The document that made the request, when the browser says (Firefox documentUrl, Chrome initiator). */
  documentUrl?: string;
}
