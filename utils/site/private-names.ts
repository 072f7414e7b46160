/**
 * Names Diffuse never sends to a resolver of its own, and addresses that make a whole page private. A lookup of a
 * name that only means something on the user's own network (printer.local, wiki.corp.internal, nas.home.arpa,
 * router.lan) tells a public resolver about the user's home or employer and cannot be answered by it anyway
 * (RFC 6761 §6, RFC 8375 §4). Pure: the names come from webRequest, the address from webRequest's `ip`.
 */
import { parse } from 'tldts';
import { embeddedIpv4, parseIpv4, parseIpv6 } from '../infra/ip-parse';

/**
 * Why a name is never sent, checked in this order (the first that applies is reported):
 * - `ip-literal`: an address, not a name (RFC 3986 §3.2.2 IP-literal and IPv4address; also a name ending in a
 *   number, which the URL Standard's host parser reads as IPv4, WHATWG URL §3.5 "ends in a number"). Nothing
 *   to look up.
 * - `special-use`: under a name of the special-use table below (RFC 6761 and its successors, `.internal`).
 *   Checked before `single-label` so that `localhost` and `local` report the more telling reason.
 * - `single-label`: no dot (`intranet`): completed by the system's search list (SSAC SAC 064), so only the user's
 *   network knows what it means; public DNS has only TLDs at that level, and no TLD may answer as a host (SAC 053).
 * - `not-icann`: its top-level domain is not in the ICANN section of the Public Suffix List (`.corp`, `.lan`,
 *   `.home`): names in use on private networks that the public DNS has never delegated (ICANN's name-collision
 *   study, SAC 045 and SAC 062, found .corp, .home and .mail among the most leaked). A TLD delegated after the
 *   bundled list was made counts as not ICANN until tldts is updated: that errs on the side of not sending.
 * - `malformed`: an empty label or over the lengths of RFC 1035 §2.3.4 (63 per label, 253 in text without the
 *   trailing dot): it cannot be a query name.
 */
export type NeverSentReason = 'ip-literal' | 'special-use' | 'single-label' | 'not-icann' | 'malformed';

/**
 * Special-use names that are private to the user's machine or network, suffix → where it is reserved. Kept to the
 * IANA Special-Use Domain Names registry entries (and `.internal`) whose names resolve locally or not at all.
 * Left out on purpose:
 * - `example.com`, `example.net`, `example.org` (RFC 6761 §6.5): real, delegated domains answered by public DNS;
 *   asking for them tells nothing about the user.
 * - `ipv4only.arpa` (RFC 8880): public by design (the same answer everywhere); pages do not contact it.
 * - the reverse-mapping zones of private ranges (`10.in-addr.arpa`, `254.169.in-addr.arpa`, `8.e.f.ip6.arpa`…,
 *   RFC 6761 §6.1, RFC 6762 §G): pages contact host names, never PTR names, so they are out of scope here.
 * `home.arpa` and `onion` are in the PSL's ICANN section (tldts says isIcann: true), so only this table keeps them
 * back; the others would also be caught as `not-icann`, but report the reason that cites their RFC.
 */
export const SPECIAL_USE_NAMES: ReadonlyMap<string, string> = new Map([
  // RFC 6761 §6.3: always the loopback address, answered by the host itself; never to be sent to DNS servers.
  ['localhost', 'RFC 6761 §6.3'],
  // RFC 6761 §6.2: for testing; public resolvers answer NXDOMAIN, so only a private test set-up knows the names.
  ['test', 'RFC 6761 §6.2'],
  // RFC 6761 §6.4: guaranteed not to exist.
  ['invalid', 'RFC 6761 §6.4'],
  // RFC 6761 §6.5 (the TLD only): documentation examples; any real use is a private set-up.
  ['example', 'RFC 6761 §6.5'],
  // RFC 6762 §3: link-local names, which are to be resolved by Multicast DNS on the local link only.
  ['local', 'RFC 6762 §3'],
  // RFC 7686 §2: Tor onion services; a DNS query for one leaks the address the user wants to reach.
  ['onion', 'RFC 7686 §2'],
  // RFC 8375: the home network's own names (HNCP, home routers), not unique and answered only at home (§4).
  ['home.arpa', 'RFC 8375 §3'],
  // RFC 9665 (Service Registration Protocol): names registered on the local network (Thread border routers), a
  // locally served zone like home.arpa.
  ['service.arpa', 'RFC 9665'],
  // RFC 9476 §2: names of non-DNS resolution systems (GNS, …); "alt" will never be delegated in the DNS root.
  ['alt', 'RFC 9476 §2'],
  // Reserved for private use by the ICANN Board on 29 July 2024 (following SSAC SAC 113), never to be delegated.
  ['internal', 'ICANN Board, 2024-07-29 (SAC 113)'],
]);

/** RFC 1035 §2.3.4: 63 octets per label, 255 per name in wire format, i.e. 253 characters in text without the root dot. */
const MAX_LABEL = 63;
const MAX_NAME = 253;

/**
 * A host as the decisions here compare it: trimmed, lower case (DNS names compare without case, RFC 4343), one
 * trailing root dot dropped (`example.com.` is `example.com`), and the brackets of an IPv6 literal (RFC 3986
 * §3.2.2) removed.
 */
export function normaliseHost(name: string): string {
  let host = name.trim().toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

/** Why `name` must never be sent to a resolver of Diffuse's own (see NeverSentReason), or null when it may be. */
export function whyNeverSent(name: string): NeverSentReason | null {
  const host = normaliseHost(name);
  if (host === '') return 'malformed';
  if (isIpLiteral(host)) return 'ip-literal';
  if (specialUseSuffix(host) !== null) return 'special-use';
  const labels = host.split('.');
  if (labels.length === 1) return 'single-label';
  if (host.length > MAX_NAME || labels.some((l) => l === '' || l.length > MAX_LABEL)) return 'malformed';
  // The hostname check is off: DNS carries any label (RFC 2181 §11), and browsers do contact names such as
  // `-x.example.com` or `a_b.example.com`; the lengths above are what a query name must meet.
  const parsed = parse(host, { allowPrivateDomains: false, validateHostname: false });
  // ICANN section only: a private-section suffix (github.io, blogspot.com) sits under an ICANN TLD and is public.
  return parsed.isIcann === true ? null : 'not-icann';
}

/** The special-use table's entry `host` is under (or is), or null. */
export function specialUseSuffix(host: string): string | null {
  const labels = normaliseHost(host).split('.');
  // Longest suffix first would only matter for nested entries; the table has none, so any match is the match.
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    if (SPECIAL_USE_NAMES.has(suffix)) return suffix;
  }
  return null;
}

const IPV6_GROUPS = new Uint16Array(8);

function isIpLiteral(host: string): boolean {
  if (host.includes(':')) return true; // only an IPv6 literal has a colon; a host name cannot (RFC 3986 §3.2.2)
  if (parseIpv4(host) >= 0) return true;
  // WHATWG URL §3.5: a host whose last label is all digits or 0x-hex is parsed as IPv4 (`127.1`, `0x7f.1`), by the
  // browser as by us; no TLD is numeric.
  const last = host.slice(host.lastIndexOf('.') + 1);
  return /^(?:\d+|0x[\da-f]*)$/.test(last);
}

/**
 * Whether an address is on the user's own network rather than the public internet: IPv4 10/8, 172.16/12,
 * 192.168/16 (RFC 1918 §3), 100.64/10 carrier-grade shared (RFC 6598), 169.254/16 link-local (RFC 3927); IPv6
 * fe80::/10 link-local (RFC 4291 §2.5.6), fec0::/10 site-local (deprecated by RFC 3879, but any still in use is a
 * site's own network), fc00::/7 unique local (RFC 4193 §3.1); and an IPv4 address of those ranges carried in IPv6
 * (IPv4-mapped ::ffff:0:0/96, RFC 4291 §2.5.5.2, in dotted or hex form). Brackets and an IPv6 zone
 * (`fe80::1%eth0`, RFC 6874) are accepted. Anything that is not an address: false (nothing says private).
 * Loopback (127/8, ::1) and the unspecified addresses are not: a page "from" this machine came through a local
 * program (a proxy such as the companion's SOCKS relay, where webRequest `ip` shows the proxy, or a developer's
 * server), which says nothing about the network the site lives on.
 */
export function isPrivateAddress(ip: string): boolean {
  let text = ip.trim().toLowerCase();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (!text.includes(':')) return isPrivateIpv4(parseIpv4(text));
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!parseIpv6(text, IPV6_GROUPS)) return false;
  const g = IPV6_GROUPS;
  const first = g[0] ?? 0;
  if ((first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0 || (first & 0xfe00) === 0xfc00) return true;
  // IPv4-mapped, and also NAT64's well-known prefix (64:ff9b::/96): RFC 6052 §3.1 forbids it for non-global IPv4
  // addresses, but a translator that does it leads to the private address, so counting it errs on not sending.
  const v4 = embeddedIpv4(g);
  return v4 >= 0 && isPrivateIpv4(v4);
}

/**
 * Whether an address is this machine's loopback: 127/8 (RFC 1122 §3.2.1.3), ::1 (RFC 4291 §2.5.3), and 127/8
 * carried in IPv6 (IPv4-mapped, either form). Behind a local proxy (the companion) webRequest reports this as
 * every request's `ip`: it says nothing about who serves the host.
 */
export function isLoopbackAddress(ip: string): boolean {
  let text = ip.trim().toLowerCase();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (!text.includes(':')) return isLoopbackIpv4(parseIpv4(text));
  if (!parseIpv6(text, IPV6_GROUPS)) return false;
  if (IPV6_GROUPS.every((group, i) => group === (i === 7 ? 1 : 0))) return true;
  return isLoopbackIpv4(embeddedIpv4(IPV6_GROUPS));
}

const isLoopbackIpv4 = (value: number): boolean => value >= 0 && Math.floor(value / 0x1000000) === 127;

/** `value` is parseIpv4's unsigned 32-bit number (-1: not an address). */
function isPrivateIpv4(value: number): boolean {
  if (value < 0) return false;
  const a = Math.floor(value / 0x1000000);
  const b = Math.floor(value / 0x10000) & 0xff;
  return (
    a === 10 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}
