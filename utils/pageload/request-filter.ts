import { SURROGATE_DIR } from '../rules/surrogates';

/** Schemes that reach the network; extension, data and blob URLs contact nobody. */
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Recent answers of networkHost: one request's URL is asked for by the page-load tracker and by uncloaking, at
 * its start and at its response, and the page's own URL with every request of the page; `new URL` was a visible
 * share of the worker's time on a 220-request page (bench/pageload.ts). Dropped whole when full: no eviction order.
 */
const recentHosts = new Map<string, string | null>();
const RECENT_HOSTS = 512;
const MAX_KEPT_URL = 2_048;

/** The host a request contacts, or null when the URL does not reach the network. */
export function networkHost(url: string): string | null {
  const known = recentHosts.get(url);
  if (known !== undefined) return known;
  const host = parseNetworkHost(url);
  if (url.length > MAX_KEPT_URL) return host; // a long URL (data:, a huge query) is not worth the memory
  if (recentHosts.size >= RECENT_HOSTS) recentHosts.clear();
  recentHosts.set(url, host);
  return host;
}

function parseNetworkHost(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!NETWORK_SCHEMES.has(parsed.protocol) || parsed.hostname === '') return null;
  return parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/** Origin and path only: a page's query and fragment often carry tracking or session ids, never stored. */
export function pageUrlForRecord(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

/**
 * Whether a webRequest error means an extension blocked the request: Chrome reports
 * `net::ERR_BLOCKED_BY_CLIENT` (DNR and extension blocks alike); Firefox reports `NS_ERROR_ABORT` for
 * requests an extension or DNR cancelled, and `NS_BINDING_ABORTED` for loads the page or user dropped.
 * Both were observed in this project's e2e tests (Chromium 156, Firefox ESR 153).
 */
export function isBlockedByExtension(error: string): boolean {
  return error === 'net::ERR_BLOCKED_BY_CLIENT' || error === 'NS_ERROR_ABORT';
}

/**
 * Whether a redirect sent the request to one of Diffuse's surrogates (utils/rules/surrogates.ts): the tracker's
 * script was blocked and a local stand-in served instead, which counts as blocked. No error event fires for it
 * (the request succeeds, from the extension's package), only webRequest.onBeforeRedirect with the extension
 * URL: chrome-extension://<id or the session's dynamic id>/surrogates/… or moz-extension://<uuid>/surrogates/….
 */
export function isSurrogateRedirect(redirectUrl: string): boolean {
  try {
    const parsed = new URL(redirectUrl);
    return (parsed.protocol === 'chrome-extension:' || parsed.protocol === 'moz-extension:') && parsed.pathname.startsWith(`/${SURROGATE_DIR}/`);
  } catch {
    return false;
  }
}
