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

/**
 * What is counted per page load and host. Every field counts requests:
 * - requests: all of them; blocked: stopped by an extension; clear: sent in clear text (http:, ws:);
 * - secured: responses whose connection security the browser described (Firefox only; Chrome gives no such API),
 *   and of those: tls13 / tls12 / tlsOld by protocol version, ech (Encrypted Client Hello hid the server name),
 *   privateDns (the browser's own DNS lookup for the connection went over DoH), hsts (the host is HSTS).
 */
export const COUNTERS = ['requests', 'blocked', 'clear', 'secured', 'tls13', 'tls12', 'tlsOld', 'ech', 'privateDns', 'hsts'] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export function zeroCounters(): Counters {
  return { requests: 0, blocked: 0, clear: 0, secured: 0, tls13: 0, tls12: 0, tlsOld: 0, ech: 0, privateDns: 0, hsts: 0 };
}

/** A stored contact row. Counters added after a row was written are absent in it and read as 0. */
export type HostContact = { pageLoadId: string; host: string } & Partial<Counters> & { requests: number };

export type HostCount = { host: string } & Counters;

/** Firefox's webRequest.getSecurityInfo, reduced to what Diffuse counts. */
export interface ConnectionSecurity {
  protocolVersion?: string;
  usedEch?: boolean;
  usedPrivateDns?: boolean;
  hsts?: boolean;
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

/**
 * The one order of a page load's hosts: most requests first, then host name by code point. The popup reads hosts
 * from memory or, after a worker restart, from storage; both sort with this so the order does not change.
 */
export function byRequestsThenHost(a: { host: string; requests: number }, b: { host: string; requests: number }): number {
  return b.requests - a.requests || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0);
}
