/**
 * The outbound half of a CONNECT: a TCP connection to the first of the resolved addresses that accepts, then
 * bytes both ways until both sides are done. Backpressure is stream.pipe's: when one side's write() says its
 * buffer is full, the other side is paused until 'drain', so a fast server and a slow tab never make the relay
 * hold more than a socket buffer or two per connection.
 */
import net from 'node:net';

export interface ConnectOptions {
  /** How long one address may take to accept before the next is tried. */
  attemptTimeoutMs?: number;
  /** Replaces net.connect (tests). */
  connect?: (options: net.NetConnectOpts) => net.Socket;
}

export type ConnectResult =
  | { ok: true; socket: net.Socket; address: string }
  /** `code` is the last attempt's error code (ECONNREFUSED, ENETUNREACH, ETIMEDOUT…). */
  | { ok: false; code: string; message: string };

/** A few seconds per address: long enough for a distant server, short enough that a dead family does not stall the page. */
const ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * Tries `addresses` one after the other in the order given (the pool's: A, then AAAA) and answers the first
 * connected socket. Sequential, not Happy Eyeballs (RFC 8305): a black-holed address costs its timeout.
 */
export async function connectFirst(addresses: readonly string[], port: number, options: ConnectOptions = {}): Promise<ConnectResult> {
  let last: { code: string; message: string } = { code: 'ENOADDRESS', message: 'no address to connect to' };
  for (const address of addresses) {
    const attempt = await connectOne(address, port, options);
    if (attempt.ok) return attempt;
    last = attempt;
  }
  return { ok: false, ...last };
}

function connectOne(address: string, port: number, options: ConnectOptions): Promise<ConnectResult> {
  const connect = options.connect ?? net.connect;
  return new Promise((resolve) => {
    // allowHalfOpen: a client that has sent its request (FIN) may still be reading the answer.
    const socket = connect({ host: address, port, allowHalfOpen: true });
    const timer = setTimeout(() => fail('ETIMEDOUT', `no answer from ${address} within ${options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS} ms`), options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS);
    function fail(code: string, message: string) {
      clearTimeout(timer);
      socket.removeAllListeners('connect');
      socket.destroy();
      resolve({ ok: false, code, message });
    }
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      // Until relay() adds its own, an error must not go unheard (an unheard 'error' ends the process); the
      // socket is destroyed by then anyway.
      socket.on('error', () => socket.destroy());
      resolve({ ok: true, socket, address });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ERROR', error.message));
  });
}

export interface RelayOptions {
  /** Both sockets are closed after this long without a byte either way. */
  idleMs: number;
  /** Runs once, when both sockets are closed. */
  onClose?: () => void;
}

/** Five minutes, as common NATs keep an idle TCP mapping at least two hours but browsers keep idle connections less. */
export const IDLE_MS = 5 * 60_000;

/**
 * Relays between `client` and `upstream` (both created with allowHalfOpen, so an end in one direction is passed
 * on as an end, not a close). An error or reset on either side, or the idle timeout, destroys both.
 */
export function relay(client: net.Socket, upstream: net.Socket, options: RelayOptions): void {
  let open = 2;
  const destroyBoth = () => {
    client.destroy();
    upstream.destroy();
  };
  for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
    from.pipe(to);
    // socket.setTimeout counts reads and writes on that socket, so a long download keeps both alive.
    from.setTimeout(options.idleMs, destroyBoth);
    from.on('error', destroyBoth);
    from.once('close', (hadError) => {
      // A clean close has both directions done, so the other side is only flushing; anything else was cut.
      if (hadError || !from.readableEnded || !from.writableFinished) destroyBoth();
      if (--open === 0) options.onClose?.();
    });
  }
}
