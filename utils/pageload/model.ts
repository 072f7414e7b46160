/** The page-load model shared by the background, the storage module and the UI. Plain data only. */

/** One top-level navigation of one tab, and everything its frames loaded until the next one. */
export interface PageLoad {
  id: string;
  tabId: number;
  /** The top-level document's origin and path; query and fragment are dropped (they carry tracking ids). */
  url: string;
  /** Registrable domain (eTLD+1) of the top-level document; the host itself for IPs and single labels. */
  site: string;
  startedAt: number;
}

/** How often one page load contacted one host, and how many of those requests were blocked. */
export interface HostContact {
  pageLoadId: string;
  host: string;
  requests: number;
  /** Absent in rows written before blocking was recorded; read as 0. */
  blocked?: number;
}

export interface HostCount {
  host: string;
  requests: number;
  blocked: number;
}

/** A page load's stored record: the load and its hosts with request counts, most requested first. */
export interface PageLoadView {
  pageLoad: PageLoad;
  hosts: HostCount[];
}

/** A request that failed because an extension (DNR rules included) blocked it. */
export interface BlockedRequest {
  tabId: number;
  url: string;
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
