/**
 * The SOCKS5 server the browser connects to: 127.0.0.1 only, a random port, a bounded number of connections, a
 * bounded handshake. It speaks the handshake (socks5.ts), hands each CONNECT to `route`, answers with the
 * outcome's reply and relays (relay.ts). It never logs or keeps a name.
 */
import net from 'node:net';
import { IDLE_MS, relay } from './relay';
import { socks4Reply } from './socks4a';
import { REPLY, replyFor, SocksHandshake, type ConnectRequest, type MethodPolicy } from './socks5';

/** What `route` answers: a connected socket to relay to, or the RFC 1928 reply code to refuse with. */
export type RouteResult = { ok: true; socket: net.Socket } | { ok: false; reply: number };

export interface SocksServerOptions {
  /** The method policy for a new connection (read per connection: `configure` can change it). */
  policy: () => MethodPolicy;
  /** RFC 1929 check: called with what the client sent. */
  verify: (username: string, password: string) => boolean;
  route: (request: ConnectRequest) => Promise<RouteResult>;
  /** Connections served at once; one more gets reply 0x01 after its handshake. */
  maxConnections?: number;
  idleMs?: number;
  /** A client must finish its handshake within this. */
  handshakeMs?: number;
}

export interface SocksServer {
  port: number;
  /** Connections open now (handshaking or relaying). */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * More than a browser opens through one proxy (Chrome allows 32 sockets per proxy server, Firefox's
 * network.http.max-connections is 900), and each holds two descriptors: Node raises its soft RLIMIT_NOFILE to the
 * hard limit at start, which is far above 2 × 1024 on current desktops.
 */
const MAX_CONNECTIONS = 1024;
const HANDSHAKE_MS = 10_000;

export function startSocksServer(options: SocksServerOptions): Promise<SocksServer> {
  const maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  const sockets = new Set<net.Socket>();
  // allowHalfOpen: the client's FIN ends only its direction; the answer may still be on its way (relay.ts).
  const server = net.createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    const overLimit = sockets.size >= maxConnections;
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    serve(client, overLimit, options);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: the relay must never be reachable from another machine.
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        get connections() {
          return sockets.size;
        },
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}

function serve(client: net.Socket, overLimit: boolean, options: SocksServerOptions): void {
  const handshake = new SocksHandshake({ policy: options.policy(), verify: options.verify });
  const timer = setTimeout(() => client.destroy(), options.handshakeMs ?? HANDSHAKE_MS);
  client.on('error', () => client.destroy());
  const onData = (chunk: Buffer) => {
    const outcome = handshake.push(chunk);
    for (const bytes of outcome.send) client.write(bytes);
    if (outcome.kind === 'more') return;
    client.off('data', onData);
    client.pause();
    clearTimeout(timer);
    if (outcome.kind === 'reject') return closeAfterFlush(client);
    if (overLimit) return refuse(client, outcome.request, REPLY.generalFailure);
    void connect(client, outcome.request, outcome.rest, options);
  };
  client.on('data', onData);
}

async function connect(client: net.Socket, request: ConnectRequest, rest: Buffer, options: SocksServerOptions): Promise<void> {
  let result: RouteResult;
  try {
    result = await options.route(request);
  } catch {
    result = { ok: false, reply: REPLY.generalFailure };
  }
  if (!result.ok) return refuse(client, request, result.reply);
  const upstream = result.socket;
  if (client.destroyed) {
    upstream.destroy();
    return;
  }
  client.write(reply(request, REPLY.succeeded, upstream.localAddress && upstream.localPort ? { address: upstream.localAddress, port: upstream.localPort } : undefined));
  // Bytes the client sent right behind its request (optimistic data) go first.
  if (rest.length > 0) upstream.write(rest);
  relay(client, upstream, { idleMs: options.idleMs ?? IDLE_MS });
  client.resume();
}

/** RFC 1928 §6: after a failure reply the server closes the connection soon after. */
function refuse(client: net.Socket, request: ConnectRequest, code: number): void {
  if (client.destroyed) return;
  client.write(reply(request, code));
  closeAfterFlush(client);
}

/** The reply in the request's protocol: SOCKS4 has one failure code for all of RFC 1928's. */
function reply(request: ConnectRequest, code: number, bound?: { address: string; port: number }): Buffer {
  return request.version === 4 ? socks4Reply(code === REPLY.succeeded) : replyFor(code, bound);
}

/** Ends our side and, once what was written has gone, closes: a client that never closes holds no slot. */
function closeAfterFlush(client: net.Socket): void {
  client.end(() => client.destroy());
}
