/**
 * What Firefox puts in a SOCKS4a request's user id for the companion: the session password, then the top-level
 * site (docs/companion.md). SOCKS4a carries the name to look up and the user id in one request and gets one reply,
 * where SOCKS5 with RFC 1929 authentication takes three round trips before the first byte of the page; SOCKS4 has
 * no password field, so the password travels in the user id, as RFC 1929 sends it in clear over the same loopback.
 * The password is hex, so the first ':' ends it; a site (an IPv6 literal among them) may hold ':' itself.
 */

/** Firefox's MAX_USERNAME_LEN (netwerk/socket/nsSOCKSIOLayer.cpp): a longer user id cannot be sent. */
export const MAX_SOCKS_USER_ID = 255;

const SEPARATOR = ':';
/** One encoder for every request: Firefox's proxy listener asks for a user id per request. */
const utf8 = new TextEncoder();

/** The user id for `site`, or null when it would be longer than Firefox sends (the caller then uses SOCKS5). */
export function socksUserId(password: string, site: string): string | null {
  const id = `${password}${SEPARATOR}${site}`;
  return utf8.encode(id).length <= MAX_SOCKS_USER_ID ? id : null;
}

/** The password and site of a user id, or null when it holds no separator. */
export function splitSocksUserId(id: string): { password: string; site: string } | null {
  const at = id.indexOf(SEPARATOR);
  return at < 0 ? null : { password: id.slice(0, at), site: id.slice(at + 1) };
}
