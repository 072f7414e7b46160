/**
 * Where the relay refuses to connect. The relay listens on loopback and Chrome's SOCKS5 has no authentication,
 * so any web page's request (and any local program) could otherwise reach through it to this machine's own
 * services or the user's network: the classic SSRF and DNS-rebinding paths. Refused by IP literal and by every
 * resolved address: loopback (127/8, RFC 1122 §3.2.1.3; ::1, RFC 4291 §2.5.3), the unspecified addresses
 * (0/8 "this network", RFC 1122; ::), and the private, shared, link-local and unique-local ranges of
 * utils/site/private-names.ts (RFC 1918, RFC 6598, RFC 3927, RFC 4291 §2.5.6, RFC 4193), also when carried in
 * IPv6 (IPv4-mapped, NAT64). Tests set DIFFUSE_COMPANION_ALLOW_LOOPBACK=1 (loopback only): their servers live on 127.0.0.1.
 */
import { embeddedIpv4, parseIpv4, parseIpv6 } from '../utils/infra/ip-parse';
import { isLoopbackAddress, isPrivateAddress } from '../utils/site/private-names';

/** Why an address is refused: this machine itself, or the user's network (or not an address at all). */
export type LocalKind = 'loopback' | 'local-network';

const groups = new Uint16Array(8);

/** What kind of local destination `ip` (an address in text) is, or null for a public one. */
export function localKind(ip: string): LocalKind | null {
  let text = ip.trim().toLowerCase();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (isPrivateAddress(text)) return 'local-network';
  if (isLoopbackAddress(text)) return 'loopback';
  const v4 = parseIpv4(text);
  if (v4 >= 0) return isThisNetwork(v4) ? 'loopback' : null;
  // A zone index only means something on a link of this machine; what does not parse is refused, not guessed.
  if (text.includes('%') || !parseIpv6(text, groups)) return 'local-network';
  if (groups.every((g) => g === 0)) return 'loopback'; // :: (unspecified: connecting to it reaches this machine)
  const embedded = embeddedIpv4(groups);
  return embedded >= 0 && isThisNetwork(embedded) ? 'loopback' : null;
}

/** "This network" 0/8 (RFC 1122 §3.2.1.3): connecting to 0.0.0.0 reaches this machine. Loopback is isLoopbackAddress's. */
function isThisNetwork(value: number): boolean {
  return Math.floor(value / 0x1000000) === 0;
}

/**
 * The check for one run: true when the relay may connect to `ip`. `allowLoopback` (the tests'
 * DIFFUSE_COMPANION_ALLOW_LOOPBACK=1) lets this machine through; the user's network stays refused.
 */
export function destinationPolicy(allowLoopback: boolean): (ip: string) => boolean {
  return (ip) => {
    const kind = localKind(ip);
    return kind === null || (allowLoopback && kind === 'loopback');
  };
}
