/**
 * The companion benchmark's rig (bench/companion.ts): local DoH servers answering every name under
 * bench-fixture.com with 127.0.0.1, the built companion started as the browser starts it (stdin/stdout as the
 * native port, this process playing the extension), local TCP servers (a sink, an echo), SOCKS5 and direct
 * connections to them, two Firefoxes with the extension (the companion on in one, off in the other), and the
 * statistics the benchmark prints.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SocksClient } from 'socks';
import { CompanionProcess, isReady } from '../tests/support/companion-process';
import { DohServer, type ZoneRecord } from '../tests/support/doh-server';
import { ask } from '../tests/e2e/harness/dns-actions';
import type { ExtensionBrowser } from '../tests/e2e/harness/extension-browser';
import { launchFirefox, trrOnlyPrefs } from '../tests/e2e/harness/firefox';

/** Every name here is under a real public suffix, so the extension proxies it and the companion looks it up. */
export const DOMAIN = 'bench-fixture.com';
export const BUNDLE = resolve('companion/dist/diffuse-companion.mjs');
// The page's site, and another site for --third-party images.
const ZONE: ZoneRecord[] = [
  { name: `*.${DOMAIN}`, type: 'A', data: '127.0.0.1', ttl: 300 },
  { name: '*.bench-cdn-fixture.net', type: 'A', data: '127.0.0.1', ttl: 300 },
];
const SECRET = 'b2'.repeat(32);

// ---- statistics -------------------------------------------------------------------------------------------

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: readonly number[]): number => {
  const s = sorted(xs);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
/** Nearest-rank percentile. */
export const percentile = (xs: readonly number[], p: number): number => sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;

// ---- servers ----------------------------------------------------------------------------------------------

/** Firefox's own DoH server for the direct side (TRR needs https; the harness accepts the test certificate). */
export function startTrr(): Promise<DohServer> {
  return DohServer.start({ zone: ZONE });
}

export function startDoh(): Promise<DohServer[]> {
  return Promise.all([DohServer.start({ zone: ZONE, plain: true }), DohServer.start({ zone: ZONE, plain: true })]);
}

async function listen(server: net.Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as net.AddressInfo).port;
}

async function closeServer(server: net.Server): Promise<void> {
  await new Promise((done) => server.close(done));
}

export interface TcpServer {
  port: number;
  close(): Promise<void>;
}

/** Discards everything; when the client half-closes, answers one octet ("got it all") and closes. */
export async function startSink(): Promise<TcpServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.on('data', () => undefined);
    socket.on('end', () => socket.end('k'));
  });
  const port = await listen(server);
  return { port, close: () => (sockets.forEach((s) => s.destroy()), closeServer(server)) };
}

/** Sends back what it receives: a one-octet request gets its one-octet first byte of answer. */
export async function startEcho(): Promise<TcpServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  const port = await listen(server);
  return { port, close: () => (sockets.forEach((s) => s.destroy()), closeServer(server)) };
}

// ---- the companion, run by this process -------------------------------------------------------------------

export interface Companion {
  process: CompanionProcess;
  port: number;
  password: string;
  close(): Promise<void>;
}

/** The built companion, configured as Firefox's extension would (password auth), loopback destinations allowed. */
export async function startCompanion(doh: readonly DohServer[]): Promise<Companion> {
  if (!existsSync(BUNDLE)) throw new Error(`No companion at ${BUNDLE}: run npm run companion:build first.`);
  const process = new CompanionProcess(BUNDLE, { DIFFUSE_COMPANION_ALLOW_LOOPBACK: '1' });
  const ready = await process.next(isReady);
  process.send({ type: 'configure', resolvers: doh.map((d) => d.template), strategy: 'site', secret: SECRET, rekeyDays: 0, auth: 'password' });
  return {
    process,
    port: ready.port,
    password: ready.password,
    async close() {
      process.closePort();
      const timer = setTimeout(() => process.kill(), 2_000);
      await process.exited;
      clearTimeout(timer);
    },
  };
}

/** A CONNECT through the companion to `host:port`, as Firefox makes it (username = the tab's site). */
export async function socksConnect(companion: Companion, host: string, port: number): Promise<net.Socket> {
  const { socket } = await SocksClient.createConnection({
    proxy: { host: '127.0.0.1', port: companion.port, type: 5, userId: DOMAIN, password: companion.password },
    command: 'connect',
    destination: { host, port },
    timeout: 20_000,
  });
  return socket;
}

export async function directConnect(port: number): Promise<net.Socket> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  return socket;
}

/**
 * Writes `bytes` (1 MiB chunks, honouring backpressure), half-closes, and waits for the sink's octet: the
 * milliseconds from the first write until the sink has read everything.
 */
export async function pushThrough(socket: net.Socket, bytes: number): Promise<number> {
  const chunk = Buffer.alloc(1 << 20, 0x61);
  const acknowledged = once(socket, 'data');
  const start = performance.now();
  for (let sent = 0; sent < bytes; sent += chunk.length) {
    if (!socket.write(chunk)) await once(socket, 'drain');
  }
  socket.end();
  await acknowledged;
  const elapsed = performance.now() - start;
  socket.destroy();
  return elapsed;
}

/** Milliseconds from starting the connection to the first byte of the echo's answer to a one-octet request. */
export async function timeToFirstByte(connect: () => Promise<net.Socket>): Promise<number> {
  const start = performance.now();
  const socket = await connect();
  socket.setNoDelay(true);
  const first = once(socket, 'data');
  socket.write('x');
  await first;
  const elapsed = performance.now() - start;
  socket.destroy();
  return elapsed;
}

// ---- Firefox ----------------------------------------------------------------------------------------------

export interface BenchFirefox {
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

/**
 * Firefox with the extension, its DNS pool on the local DoH servers. `companion: true`: the companion installed
 * into a home of its own (as tests/e2e/companion-firefox.e2e.ts does), Firefox's own resolution pointed at
 * 192.0.2.1 (nothing answers there: a page loads only through the companion), the switch clicked and connected.
 * `companion: false`: Firefox resolves its names itself over its own DNS over HTTPS (TRR mode 3) against a local
 * DoH server with the same zone, so both sides pay for a DoH lookup per new name and the ratio is the relay's.
 */
/**
 * `proxyListener` (direct side only): the companion switched on with no companion installed, so the extension's
 * proxy.onRequest listener answers every request (with "direct", the companion being lost) as it does through the
 * companion: what remains between the two sides is the relay itself.
 */
export async function startFirefox(doh: readonly DohServer[], companion: boolean, trr?: DohServer, prefs: Record<string, unknown> = {}, proxyListener = false): Promise<BenchFirefox> {
  const home = companion ? await mkdtemp(join(tmpdir(), 'diffuse-bench-companion-home-')) : undefined;
  let browser: ExtensionBrowser | undefined;
  try {
    if (home) {
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/companion-install.ts', '--browser', 'firefox', '--home', home], { stdio: 'pipe' });
    }
    browser = await launchFirefox(
      {
        'extensions.webextOptionalPermissionPrompts': false,
        ...(home ? { 'network.dns.forceResolve': '192.0.2.1' } : {}),
        ...(!home && trr ? trrOnlyPrefs(trr.url) : {}),
        ...prefs,
      },
      home ? { env: { HOME: home, DIFFUSE_COMPANION_ALLOW_LOOPBACK: '1' } } : {},
    );
    const options = await browser.openExtensionPage('options.html');
    const configured = await ask<{ ok: boolean }>(options, { type: 'dns.configure', resolvers: doh.map((d) => d.template), strategy: 'site' });
    if (!configured.ok) throw new Error(`dns.configure refused: ${JSON.stringify(configured)}`);
    // With the companion installed the switch must reach "connected"; without (proxyListener) it settles on "lost".
    if (home || proxyListener) {
      const wanted = home ? 'connected' : 'lost';
      await options.click('#companion-switch');
      const state = () => options.evaluate(() => document.querySelector<HTMLElement>('[data-setting="companion"]')?.dataset.state ?? '');
      const deadline = Date.now() + 15_000;
      let now = await state();
      while (now !== wanted) {
        if (Date.now() > deadline) throw new Error(`the companion switch did not reach "${wanted}" (state "${now}")`);
        await new Promise((r) => setTimeout(r, 100));
        now = await state();
      }
    }
    await options.close();
    const started = browser;
    return {
      browser: started,
      async close() {
        await started.close();
        if (home) await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    if (home) await rm(home, { recursive: true, force: true });
    throw error;
  }
}
