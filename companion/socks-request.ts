/** What a SOCKS handshake yields, in either protocol (socks5.ts, socks4a.ts): where to connect, and for whom. */

export interface Destination {
  kind: 'ipv4' | 'ipv6' | 'domain';
  /** Dotted IPv4, RFC 5952 IPv6 text, or the domain name as sent (octets read as Latin-1, so none is lost). */
  host: string;
  port: number;
}

export interface ConnectRequest {
  destination: Destination;
  /** The site Firefox named: the RFC 1929 username, or the site part of a SOCKS4a user id. */
  username?: string;
  /** Which protocol asked, so the reply is written in it (`replyFor` or socks4a.ts `socks4Reply`). */
  version: 4 | 5;
}
