import { getDomain } from 'tldts';

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

/**
 * The registrable domain a page belongs to (Public Suffix List through tldts), falling back to the host
 * for IP addresses, single-label and reserved names such as localhost.
 */
export function siteOf(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}
