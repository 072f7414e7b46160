/**
 * Diffuse's companion: the native-messaging host the browser starts when the extension calls
 * runtime.connectNative('diffuse_companion'). It listens for SOCKS5 on 127.0.0.1, tells the extension where and
 * with which password (`ready`), takes the pool's settings (`configure`), and for each CONNECT looks the name up
 * through the resolver the extension would pick for the site, connects and relays, and reports the lookup.
 * It ends when the browser closes the port (stdin ends). stdout carries frames only; nothing is written to disk,
 * and no name is ever written to stderr.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createNodeFetch } from '../scripts/cli/node-fetch';
import { createRoute } from './connect-route';
import { destinationPolicy } from './destination-policy';
import { openNativePort } from './native-messaging';
import { configurePool, type ConfiguredPool } from './pool-config';
import { PROTOCOL_VERSION, type ConfigureMessage, type ResolveMessage } from './protocol';
import { lookUp } from '../utils/dns/views/answer-view';
import { poolAnswer } from '../utils/cname/name-answer';
import { ResolutionError } from '../utils/dns/wire/errors';
import { connectFirst } from './relay';
import { startSocksServer } from './socks-server';

async function main(): Promise<void> {
  // 128 bits per session: the password only has to be unguessable by other local programs while the browser runs.
  const password = randomBytes(16).toString('hex');
  // Node's default trust store (plus NODE_EXTRA_CA_CERTS, for test resolvers); HTTP/2 where resolvers offer it.
  const fetch = createNodeFetch();
  let configured: ConfiguredPool | undefined;
  const allowed = destinationPolicy(process.env.DIFFUSE_COMPANION_ALLOW_LOOPBACK === '1');

  // What to close when the browser closes the port; the server joins once it listens.
  const closers: (() => unknown)[] = [() => fetch.close()];
  const applyConfigure = (config: ConfigureMessage) => {
    try {
      // Date.now, not performance.now: the re-keying epoch is wall-clock time, as in the extension.
      configured = configurePool(config, { fetch, now: Date.now, random: Math.random }, configured);
    } catch (error) {
      port.send({ type: 'error', message: `configure: ${(error as Error).message}` });
    }
  };
  /** Uncloaking's lookups while the companion relays: answered from (and into) the same pool and cache as CONNECTs. */
  const answer = async (request: ResolveMessage) => {
    const reply = { type: 'answer' as const, id: request.id, cnameChain: [] as string[], addresses: [] as string[], ttl: 0, resolvers: [] as string[] };
    if (!configured) return port.send({ ...reply, error: 'not configured yet' });
    try {
      // The shape uncloaking keeps in the extension too (both families' resolvers when a failover split them).
      const { cnameChain, addresses, ttl, resolvers } = poolAnswer(await lookUp(configured.pool, request.name, undefined, request.site || undefined));
      port.send({ ...reply, cnameChain, addresses, ttl, resolvers });
    } catch (error) {
      const tried = error instanceof ResolutionError ? error.attempts.map((a) => a.resolver) : [];
      port.send({ ...reply, resolvers: tried, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const port = openNativePort({
    input: process.stdin,
    output: process.stdout,
    // The port opens first: a configure that arrives while the server starts is applied all the same.
    onMessage: (message) => (message.type === 'resolve' ? void answer(message) : applyConfigure(message)),
    onClose: () => {
      for (const close of closers) close();
      process.exit(0);
    },
  });

  const server = await startSocksServer({
    policy: () => configured?.config.auth ?? 'any',
    verify: (_username, given) => sameText(given, password),
    route: createRoute({
      current: () => (configured ? { pool: configured.pool, auth: configured.config.auth } : undefined),
      allowed,
      connect: (addresses, portNumber) => connectFirst(addresses, portNumber),
      report: (lookup) => port.send(lookup),
      now: Date.now,
    }),
  });
  closers.push(() => server.close());
  port.send({ type: 'ready', version: PROTOCOL_VERSION, port: server.port, password });
}

/** Constant-time comparison, so the password cannot be guessed octet by octet from response times. */
function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

main().catch((error: unknown) => {
  // No name can be in this message: it happens before any connection.
  process.stderr.write(`diffuse-companion: could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
