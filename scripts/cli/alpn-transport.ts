import http2 from 'node:http2';
import { isIP } from 'node:net';
import tls from 'node:tls';

/**
 * Which HTTP version an https origin speaks, found the way browsers do: ALPN during the TLS handshake
 * (RFC 7301), offering h2 first. An origin that picks h2 gets one multiplexed session, reused by every query
 * until the server closes it; one that picks http/1.1 or nothing is remembered as such and served by a
 * keep-alive https.Agent. Unbound serves DoH over HTTP/2 only, many servers (and Node's own fetch) over 1.1.
 */
export type Transport = { kind: 'h2'; session: http2.ClientHttp2Session } | { kind: 'h1' };

export class AlpnTransports {
  private readonly byOrigin = new Map<string, Promise<Transport>>();
  /** What each origin negotiated last: for tests and diagnostics. */
  readonly negotiated = new Map<string, 'h2' | 'http/1.1'>();

  constructor(
    /** TLS context trusting Node's roots plus extra CAs; undefined for Node's defaults. */
    private readonly secureContext: tls.SecureContext | undefined,
  ) {}

  /** The transport for `url`'s origin; concurrent callers share one handshake. */
  get(url: URL): Promise<Transport> {
    let transport = this.byOrigin.get(url.origin);
    if (!transport) {
      transport = this.negotiate(url);
      this.byOrigin.set(url.origin, transport);
      // A failed handshake is not remembered: the next query tries again (the pool's breaker limits how often).
      transport.catch(() => this.forget(url.origin, transport));
    }
    return transport;
  }

  close(): void {
    for (const transport of this.byOrigin.values()) {
      transport.then((t) => t.kind === 'h2' && t.session.destroy()).catch(() => undefined);
    }
    this.byOrigin.clear();
  }

  private forget(origin: string, transport: Promise<Transport> | undefined): void {
    if (this.byOrigin.get(origin) === transport) this.byOrigin.delete(origin);
  }

  private negotiate(url: URL): Promise<Transport> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return new Promise<Transport>((resolve, reject) => {
      const socket = tls.connect({
        host,
        port: Number(url.port || 443),
        // RFC 6066 §3: no SNI for an IP address; the certificate is then checked against the IP itself.
        servername: isIP(host) ? undefined : host,
        ALPNProtocols: ['h2', 'http/1.1'],
        secureContext: this.secureContext,
      });
      socket.on('error', reject); // after settling, later errors reach the session or are moot
      socket.once('secureConnect', () => {
        if (socket.alpnProtocol !== 'h2') {
          socket.destroy(); // the keep-alive agent makes its own connections; this one only asked
          this.negotiated.set(url.origin, 'http/1.1');
          resolve({ kind: 'h1' });
          return;
        }
        const session = http2.connect(url.origin, { createConnection: () => socket });
        this.negotiated.set(url.origin, 'h2');
        const settled = this.byOrigin.get(url.origin);
        const drop = () => this.forget(url.origin, settled);
        // A session the server ends (GOAWAY, idle close, error) is dropped; the next query negotiates anew.
        session.on('error', drop);
        session.on('goaway', drop);
        session.on('close', drop);
        resolve({ kind: 'h2', session });
      });
    });
  }
}
