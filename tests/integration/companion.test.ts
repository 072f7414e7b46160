import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { socksUserId } from '../../utils/companion/socks-user-id';
import { SocksClient, type SocksClientOptions } from 'socks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompanion } from '../../companion/build';
import { CompanionProcess, isError, isLookupOf, isReady } from '../support/companion-process';
import { DohServer } from '../support/doh-server';

/**
 * The built companion as the browser runs it: its stdin/stdout are the native port, this test is the extension.
 * Two local DoH servers answer names under real public suffixes with 127.0.0.1, where an HTTP and an echo
 * server listen; a SOCKS5 client plays the browser's proxy code.
 */
const SECRET = 'a1'.repeat(32);
const ZONE = [
  { name: '*.alpha-fixture.com', type: 'A' as const, data: '127.0.0.1', ttl: 300 },
  { name: '*.beta-fixture.com', type: 'A' as const, data: '127.0.0.1', ttl: 300 },
];

let dir: string;
let bundle: string;
let doh: DohServer[];
let httpServer: http.Server;
let httpPort: number;
let echoServer: net.Server;
let echoPort: number;
const companions: CompanionProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diffuse-companion-'));
  bundle = await buildCompanion(join(dir, 'diffuse-companion.mjs'));
  doh = await Promise.all([DohServer.start({ zone: ZONE, plain: true }), DohServer.start({ zone: ZONE, plain: true })]);
  httpServer = http.createServer((req, res) => res.end(`hello ${req.headers.host}`));
  echoServer = net.createServer((socket) => socket.pipe(socket));
  httpPort = await listen(httpServer);
  echoPort = await listen(echoServer);
});

afterAll(async () => {
  for (const companion of companions) companion.kill();
  await Promise.all(doh.map((s) => s.close()));
  httpServer.closeAllConnections();
  await new Promise((done) => httpServer.close(done));
  await new Promise((done) => echoServer.close(done));
  await rm(dir, { recursive: true, force: true });
});

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

async function start(env: Record<string, string | undefined> = { DIFFUSE_COMPANION_ALLOW_LOOPBACK: '1' }) {
  const companion = new CompanionProcess(bundle, { DIFFUSE_COMPANION_ALLOW_LOOPBACK: undefined, ...env });
  companions.push(companion);
  const ready = await companion.next(isReady);
  return { companion, ready };
}

function configure(companion: CompanionProcess, auth: 'password' | 'none'): void {
  companion.send({ type: 'configure', resolvers: doh.map((s) => s.template), strategy: 'site', secret: SECRET, rekeyDays: 0, auth });
}

function connect(port: number, host: string, destinationPort: number, credentials?: { userId: string; password: string }) {
  const options: SocksClientOptions = {
    proxy: { host: '127.0.0.1', port, type: 5, ...credentials },
    command: 'connect',
    destination: { host, port: destinationPort },
    timeout: 20_000,
  };
  return SocksClient.createConnection(options);
}

/** Firefox's SOCKS4a form (proxy type "socks4" with proxyDNS): the name, and the password and site in the user id. */
function connect4a(port: number, host: string, destinationPort: number, userId: string) {
  return SocksClient.createConnection({ proxy: { host: '127.0.0.1', port, type: 4, userId }, command: 'connect', destination: { host, port: destinationPort }, timeout: 20_000 });
}

/** GET / through an established SOCKS connection; the body. */
function get(socket: net.Socket, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString().split('\r\n\r\n')[1] ?? ''));
    socket.on('error', reject);
    socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  });
}

describe('the companion', () => {
  it('says ready with a port and password before configure, and refuses CONNECTs until configured', async () => {
    const { companion, ready } = await start();
    expect(ready).toMatchObject({ type: 'ready', version: 1, port: expect.any(Number), password: expect.stringMatching(/^[0-9a-f]{32}$/) });
    await expect(connect(ready.port, 'www.alpha-fixture.com', httpPort, { userId: 'a.com', password: ready.password })).rejects.toThrow(/rejected connection - Failure/);
    companion.send({ type: 'configure', resolvers: [], strategy: 'site', secret: SECRET, rekeyDays: 0, auth: 'password' });
    expect((await companion.next(isError)).message).toMatch(/configure: Keep at least one resolver/);
    expect(doh.every((s) => s.log.length === 0)).toBe(true);
  });

  it('sends each site’s names to one resolver, spreads sites over both, relays, and reports every lookup', async () => {
    for (const s of doh) s.log.length = 0;
    const { companion, ready } = await start();
    configure(companion, 'password');
    const sites = Array.from({ length: 16 }, (_, i) => `site-${i}.com`);
    for (const [i, site] of sites.entries()) {
      for (const name of [`s${i}.alpha-fixture.com`, `s${i}.beta-fixture.com`]) {
        const { socket } = await connect(ready.port, name, httpPort, { userId: site, password: ready.password });
        expect(await get(socket, name)).toBe(`hello ${name}`);
      }
    }
    const serversOf = (i: number) => doh.filter((s) => s.log.some((q) => q.name.startsWith(`s${i}.`)));
    for (const i of sites.keys()) expect(serversOf(i), sites[i]).toHaveLength(1);
    expect(doh.every((s) => s.log.length > 0)).toBe(true);
    // Both families were asked, nothing else.
    expect(new Set(doh.flatMap((s) => s.log.map((q) => q.type)))).toEqual(new Set(['A', 'AAAA']));

    const lookup = await companion.next(isLookupOf('s3.beta-fixture.com'));
    expect(lookup).toMatchObject({ type: 'lookup', site: 'site-3.com', resolver: serversOf(3)[0]?.template, addresses: ['127.0.0.1'], connected: '127.0.0.1', at: expect.any(Number) });
    expect(lookup.error).toBeUndefined();
    // Uncloaking's lookup through the companion goes to the site's same resolver, and fills the cache the CONNECT
    // reads: asked once, the name is not asked again.
    companion.send({ type: 'resolve', id: 1, name: 's5.alpha-fixture.com', site: 'site-5.com' });
    const answer = await companion.next((m): m is Extract<typeof m, { type: 'answer' }> => m.type === 'answer');
    expect(answer).toMatchObject({ id: 1, addresses: ['127.0.0.1'], resolvers: [serversOf(5)[0]?.template] });
    companion.send({ type: 'resolve', id: 2, name: 'fresh.alpha-fixture.com', site: 'site-5.com' });
    await companion.next((m): m is Extract<typeof m, { type: 'answer' }> => m.type === 'answer' && m.id === 2);
    const asked = () => doh.reduce((n, s) => n + s.log.filter((q) => q.name === 'fresh.alpha-fixture.com').length, 0);
    expect(asked()).toBe(2); // A and AAAA
    const { socket } = await connect(ready.port, 'fresh.alpha-fixture.com', httpPort, { userId: 'site-5.com', password: ready.password });
    expect(await get(socket, 'fresh.alpha-fixture.com')).toBe('hello fresh.alpha-fixture.com');
    expect(asked()).toBe(2);
    // Names travel only over the native port: nothing on stderr.
    expect(companion.stderr).toBe('');
  });

  it('serves Firefox’s SOCKS4a form like its SOCKS5 one: a site’s names to the site’s resolver; a wrong password refused', async () => {
    for (const s of doh) s.log.length = 0;
    const { companion, ready } = await start();
    configure(companion, 'password');
    const serversOf = (name: string) => doh.filter((s) => s.log.some((q) => q.name === name));
    for (let i = 0; i < 8; i++) {
      const [four, five] = [`f4-${i}.alpha-fixture.com`, `f5-${i}.beta-fixture.com`];
      const { socket } = await connect4a(ready.port, four, httpPort, socksUserId(ready.password, `site-${i}.com`)!);
      expect(await get(socket, four)).toBe(`hello ${four}`);
      const via5 = await connect(ready.port, five, httpPort, { userId: `site-${i}.com`, password: ready.password });
      expect(await get(via5.socket, five)).toBe(`hello ${five}`);
      expect(serversOf(four)).toHaveLength(1);
      expect(serversOf(four)).toEqual(serversOf(five));
    }
    expect(await companion.next(isLookupOf('f4-3.alpha-fixture.com'))).toMatchObject({ site: 'site-3.com', connected: '127.0.0.1' });
    await expect(connect4a(ready.port, 'f4-x.alpha-fixture.com', httpPort, 'guess:site-1.com')).rejects.toThrow(/Rejected/i);
    expect(serversOf('f4-x.alpha-fixture.com')).toEqual([]);
  });

  it('takes a second configure as the new settings', async () => {
    for (const s of doh) s.log.length = 0;
    const { companion, ready } = await start();
    configure(companion, 'password');
    const [first, second] = doh as [DohServer, DohServer];
    // `single`: the first of the list, whatever the site; the list now starts with the second server.
    companion.send({ type: 'configure', resolvers: [second.template, first.template], strategy: 'single', secret: SECRET, rekeyDays: 0, auth: 'password' });
    await new Promise((done) => setTimeout(done, 100));
    for (let i = 0; i < 6; i++) {
      const name = `again${i}.alpha-fixture.com`;
      const { socket } = await connect(ready.port, name, httpPort, { userId: `other-${i}.com`, password: ready.password });
      expect(await get(socket, name)).toBe(`hello ${name}`);
    }
    expect(first.log).toEqual([]);
    expect(second.log.filter((q) => q.type === 'A').map((q) => q.name)).toHaveLength(6);
  });

  it('refuses a wrong password', async () => {
    const { companion, ready } = await start();
    configure(companion, 'password');
    await expect(connect(ready.port, 'www.alpha-fixture.com', httpPort, { userId: 'a.com', password: 'not-it' })).rejects.toThrow(/Authentication/i);
  });

  it('under auth none (Chrome) routes by the name’s registrable domain', async () => {
    const { companion, ready } = await start();
    configure(companion, 'none');
    const { socket } = await connect(ready.port, 'img.alpha-fixture.com', httpPort);
    expect(await get(socket, 'img.alpha-fixture.com')).toBe('hello img.alpha-fixture.com');
    expect(await companion.next(isLookupOf('img.alpha-fixture.com'))).toMatchObject({ site: 'alpha-fixture.com', connected: '127.0.0.1' });
  });

  it('without DIFFUSE_COMPANION_ALLOW_LOOPBACK refuses loopback by literal and by answer (reply 2)', async () => {
    const { companion, ready } = await start({});
    configure(companion, 'password');
    const credentials = { userId: 'a.com', password: ready.password };
    await expect(connect(ready.port, '127.0.0.1', httpPort, credentials)).rejects.toThrow(/NotAllowed/);
    await expect(connect(ready.port, 'www.alpha-fixture.com', httpPort, credentials)).rejects.toThrow(/NotAllowed/);
    expect(await companion.next(isLookupOf('www.alpha-fixture.com'))).toMatchObject({ addresses: ['127.0.0.1'], connected: null, error: expect.stringMatching(/refused/) });
  });

  it('relays 1,000 connections at once, every byte echoed', async () => {
    const { companion, ready } = await start();
    configure(companion, 'password');
    const COUNT = 1000;
    // Every connection waits for all the others to be up before sending: 1,000 are open through the relay at once.
    let connected = 0;
    let allUp: () => void = () => {};
    const barrier = new Promise<void>((resolve) => (allUp = resolve));
    const one = async (i: number) => {
      const payload = randomBytes(1024 + ((i * 7919) % 16_384));
      const { socket } = await connect(ready.port, 'echo.alpha-fixture.com', echoPort, { userId: `site-${i % 50}.com`, password: ready.password });
      if (++connected === COUNT) allUp();
      await barrier;
      const received = await new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        let length = 0;
        socket.on('data', (c: Buffer) => {
          chunks.push(c);
          length += c.length;
          if (length >= payload.length) resolve(Buffer.concat(chunks));
        });
        socket.on('error', reject);
        socket.write(payload);
      });
      socket.destroy();
      return received.equals(payload);
    };
    const results = await Promise.all(Array.from({ length: COUNT }, (_, i) => one(i)));
    expect(results.filter(Boolean)).toHaveLength(COUNT);
  }, 60_000);

  it('exits when the browser closes the port', async () => {
    const { companion } = await start();
    companion.closePort();
    expect(await companion.exited).toBe(0);
  });
});
