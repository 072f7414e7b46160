/**
 * The outbound half of a CONNECT: a TCP connection to the first of the resolved addresses that accepts, then
 * bytes both ways until both sides are done. Backpressure is stream.pipe's: when one side's write() says its
 * buffer is full, the other side is paused until 'drain', so a fast server and a slow tab never make the relay
 * hold more than a socket buffer or two per connection.
 */
import net from 'node:net';

export interface ConnectOptions {
  /** How long one address may take to accept before it counts as failed. */
  attemptTimeoutMs?: number;
  /** How long an attempt runs alone before the next address is tried beside it (RFC 8305 §5). */
  attemptDelayMs?: number;
  /** Replaces net.connect (tests). */
  connect?: (options: net.NetConnectOpts) => net.Socket;
}

export type ConnectResult =
  | { ok: true; socket: net.Socket; address: string }
  /** `code` is the last attempt's error code (ECONNREFUSED, ENETUNREACH, ETIMEDOUT…). */
  | { ok: false; code: string; message: string };

/** A few seconds per address: long enough for a distant server; later addresses start meanwhile anyway. */
const ATTEMPT_TIMEOUT_MS = 5_000;
/** RFC 8305 §5: the recommended Connection Attempt Delay. */
const ATTEMPT_DELAY_MS = 250;

/**
 * Connects to the first of `addresses` (the pool's order: A, then AAAA) that accepts, the way Happy Eyeballs
 * does (RFC 8305 §5): attempts start in order, the next one when the previous fails or after the attempt delay,
 * earlier ones keep running, the first connected wins and the others are closed. An address that is black-holed
 * thus costs 250 ms, not its timeout; one that answers at once is always the one used.
 */
export function connectFirst(addresses: readonly string[], port: number, options: ConnectOptions = {}): Promise<ConnectResult> {
  if (addresses.length === 0) return Promise.resolve({ ok: false, code: 'ENOADDRESS', message: 'no address to connect to' });
  const connect = options.connect ?? net.connect;
  const timeoutMs = options.attemptTimeoutMs ?? ATTEMPT_TIMEOUT_MS;
  return new Promise((resolve) => {
    const attempts: { socket: net.Socket; timer: NodeJS.Timeout }[] = [];
    let started = 0;
    let failed = 0;
    let done = false;
    let stagger: NodeJS.Timeout | undefined;

    const startNext = () => {
      clearTimeout(stagger);
      if (done || started >= addresses.length) return;
      const address = addresses[started++] as string;
      // allowHalfOpen: a client that has sent its request (FIN) may still be reading the answer. noDelay: a relay
      // forwards what it gets at once, as the client side does (socks-server.ts); Nagle's algorithm would hold a
      // small write for the ACK of the last one, which a delayed ACK can stretch to tens of milliseconds.
      const socket = connect({ host: address, port, allowHalfOpen: true, noDelay: true });
      let settled = false;
      const timer = setTimeout(() => fail('ETIMEDOUT', `no answer from ${address} within ${timeoutMs} ms`), timeoutMs);
      attempts.push({ socket, timer });
      const fail = (code: string, message: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (done) return;
        if (++failed === addresses.length) {
          done = true;
          resolve({ ok: false, code, message });
        } else {
          startNext();
        }
      };
      socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ERROR', error.message));
      socket.once('connect', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (done) return void socket.destroy();
        done = true;
        clearTimeout(stagger);
        for (const other of attempts) {
          clearTimeout(other.timer);
          if (other.socket !== socket) other.socket.destroy();
        }
        socket.removeAllListeners('error');
        // Until relay() adds its own, an error must not go unheard (an unheard 'error' ends the process); the
        // socket is destroyed by then anyway.
        socket.on('error', () => socket.destroy());
        resolve({ ok: true, socket, address });
      });
      stagger = setTimeout(startNext, options.attemptDelayMs ?? ATTEMPT_DELAY_MS);
    };
    startNext();
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
