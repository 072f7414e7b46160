import { SURROGATE_DIR } from '../rules/surrogates';

/** Schemes that reach the network; extension, data and blob URLs contact nobody. */
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** The host a request contacts, or null when the URL does not reach the network. */
export function networkHost(url: string): string | null {
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
