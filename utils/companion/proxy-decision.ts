import { embeddedIpv4, parseIpv4, parseIpv6 } from '../infra/ip-parse';
import { registrableDomain } from '../site/registrable-domain';
import { isLoopbackAddress, isPrivateAddress, normaliseHost, whyNeverSent } from '../site/private-names';
import { socksUserId } from './socks-user-id';

/**
 * Which way one request of the browser goes while the companion is switched on (Firefox's proxy.onRequest; Chrome
 * has no per-request choice and gets chromeProxyValue below). Pure: the request details and the companion's
 * state come in as plain data.
 *
 * The companion resolves each name itself (SOCKS5 with proxyDNS), spreading names over the user's resolvers keyed
 * by the SOCKS username, which Firefox lets us set per request: the top-level site, so one site's names go to one
 * resolver as the extension's own pool does. Names that only mean something on the user's machine or network
 * never go to the companion: they are Diffuse's never-sent names (utils/site/private-names.ts) and loopback or
 * private addresses, and the browser reaches them directly as before.
 */

/** The parts of Firefox's proxy.onRequest details (MDN proxy/RequestDetails) the decision reads. */
export interface ProxyRequestDetails {
  url: string;
  type: string;
  /** The document that made the request (absent for a top-level load and for the browser's own requests). */
  documentUrl?: string;
  originUrl?: string;
  /** Frames above the requesting one, nearest first: the last is the top-level document. Absent in the top frame. */
  frameAncestors?: readonly { url: string }[];
}

/** What the companion can do for the browser right now, as the background knows it. */
export type CompanionRoute =
  | { kind: 'off' }
  | { kind: 'relay'; port: number; password: string }
  /** Switched on but not (or no longer) listening: starting, or lost. */
  | { kind: 'down'; onLoss: 'direct' | 'block' };

export const LOOPBACK_HOST = '127.0.0.1';

export type ProxyDecision =
  | { type: 'direct' }
  /** SOCKS4a: the name and `username` (the session password, ':', the site: socks-user-id.ts) in one round trip. */
  | { type: 'socks4'; host: typeof LOOPBACK_HOST; port: number; username: string; proxyDNS: true }
  /** SOCKS5 with RFC 1929: three round trips, for a site too long for SOCKS4a's user id. */
  | { type: 'socks'; host: typeof LOOPBACK_HOST; port: number; username: string; password: string; proxyDNS: true }
  /** Must not reach the network at all (the companion is down and the user chose to block rather than go direct). */
  | { type: 'block' };

const DIRECT: ProxyDecision = { type: 'direct' };
const RELAYED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

export function decideProxy(details: ProxyRequestDetails, route: CompanionRoute): ProxyDecision {
  if (route.kind === 'off') return DIRECT;
  const url = parseUrl(details.url);
  if (!url || !RELAYED_SCHEMES.has(url.protocol)) return DIRECT;
  const host = normaliseHost(url.hostname);
  if (staysLocal(host)) return DIRECT;
  if (route.kind === 'down') return route.onLoss === 'block' ? { type: 'block' } : DIRECT;
  const site = topLevelSite(details, host);
  // SOCKS4a saves two of SOCKS5's three round trips through the browser's socket thread per new connection
  // (docs/companion.md: the relay's share of a page's extra time); both carry the password, both resolve at the proxy.
  const userId = socksUserId(route.password, site);
  if (userId !== null) return { type: 'socks4', host: LOOPBACK_HOST, port: route.port, username: userId, proxyDNS: true };
  return { type: 'socks', host: LOOPBACK_HOST, port: route.port, username: site, password: route.password, proxyDNS: true };
}

/**
 * Whether a host is reached directly whatever the companion's state: loopback, unspecified and private addresses,
 * and every name Diffuse never sends to a resolver (special-use such as .local and .localhost, single labels,
 * names under no ICANN TLD, malformed names). A public IP literal is not local: it goes through the companion like
 * the rest (no lookup, one path), and is blocked with the rest when the user asked for that.
 */
export function staysLocal(hostname: string): boolean {
  const host = normaliseHost(hostname);
  const reason = whyNeverSent(host);
  if (reason === null) return false;
  if (reason !== 'ip-literal') return true;
  return isLoopbackOrUnspecified(host) || isPrivateAddress(host) || !isAddress(host);
}

/**
 * The top-level site of a request, the SOCKS username: the registrable domain of the top-level document (the
 * request itself for a top-level load; the last frame ancestor inside frames; the requesting document in the top
 * frame). A request with no web document above it (the browser's or an extension's own) counts as its own site.
 */
export function topLevelSite(details: ProxyRequestDetails, host = normaliseHost(parseUrl(details.url)?.hostname ?? '')): string {
  const candidates = details.type === 'main_frame' ? [] : [details.frameAncestors?.at(-1)?.url, details.documentUrl, details.originUrl];
  for (const candidate of candidates) {
    const top = candidate === undefined ? null : parseUrl(candidate);
    if (top && RELAYED_SCHEMES.has(top.protocol) && top.hostname !== '') return registrableDomain(normaliseHost(top.hostname));
    if (candidate !== undefined) break; // the nearest document there is decides, even when it is not a web page
  }
  return registrableDomain(host);
}

/**
 * Chrome's proxy setting while the companion listens on `port` (or, with `port` 1, a proxy where nothing listens:
 * Chrome then fails every relayed request, as "block instead" asks; fixed_servers never falls back to direct).
 * Chrome's SOCKS5 has no authentication, so the companion spreads by each name's registrable domain instead of
 * the top-level site. The bypass list mirrors staysLocal as far as Chrome's patterns can say it.
 */
export function chromeProxyValue(port: number) {
  return {
    mode: 'fixed_servers' as const,
    rules: { singleProxy: { scheme: 'socks5' as const, host: LOOPBACK_HOST, port }, bypassList: [...CHROME_BYPASS] },
  };
}

/** The port of a proxy that cannot work (tcpmux, never served on a desktop): the blocking answer on Chrome. */
export const DEAD_PROXY_PORT = 1;

export const CHROME_BYPASS: readonly string[] = [
  '<local>',
  '*.local',
  '*.localhost',
  '*.test',
  '*.internal',
  '*.home.arpa',
  '*.onion',
  '*.invalid',
  '*.example',
  '*.alt',
  '127.0.0.1',
  '::1',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  'fc00::/7',
  'fe80::/10',
];

const GROUPS = new Uint16Array(8);

function isAddress(host: string): boolean {
  return parseIpv4(host) >= 0 || (host.includes(':') && parseIpv6(host.replace(/%.*$/, ''), GROUPS));
}

/** This machine: loopback (isLoopbackAddress), or the unspecified address 0.0.0.0 / :: (connecting to it reaches here). */
function isLoopbackOrUnspecified(host: string): boolean {
  const bare = host.replace(/%.*$/, '');
  if (isLoopbackAddress(bare)) return true;
  const v4 = parseIpv4(bare);
  if (v4 >= 0) return v4 === 0;
  return bare.includes(':') && parseIpv6(bare, GROUPS) && (GROUPS.every((g) => g === 0) || embeddedIpv4(GROUPS) === 0);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
