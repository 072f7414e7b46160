import net from 'node:net';
import { SocksClient } from 'socks';
import { afterEach, describe, expect, it } from 'vitest';
import { connectFirst } from './relay';
import { startSocksServer, type SocksServer, type SocksServerOptions } from './socks-server';
import { REPLY } from './socks5';
import { socksUserId } from '../utils/companion/socks-user-id';

const PASSWORD = 'pw-for-this-session';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0)) await clean();
});

/** An echo server on 127.0.0.1, what every test CONNECT reaches. */
async function echoServer(): Promise<number> {
  const server = net.createServer((socket) => socket.pipe(socket));
  cleanups.push(() => new Promise((done) => server.close(done)));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as net.AddressInfo).port;
}

async function socksServer(echoPort: number, options: Partial<SocksServerOptions> = {}): Promise<SocksServer> {
  const server = await startSocksServer({
    policy: () => 'password',
    verify: (_user, password) => password === PASSWORD,
    // Every destination goes to the echo server: the routing itself is connect-route.test.ts's.
    route: async () => {
      const result = await connectFirst(['127.0.0.1'], echoPort);
      return result.ok ? { ok: true, socket: result.socket } : { ok: false, reply: REPLY.generalFailure };
    },
    ...options,
  });
  cleanups.push(() => server.close());
  return server;
}

function viaSocks(port: number, password = PASSWORD) {
  return SocksClient.createConnection({
    proxy: { host: '127.0.0.1', port, type: 5, userId: 'site.example', password },
    command: 'connect',
    destination: { host: 'www.site.example', port: 443 },
    timeout: 5_000,
  });
}

function echo(socket: net.Socket, text: string): Promise<string> {
  return new Promise((resolve) => {
    socket.once('data', (data: Buffer) => resolve(data.toString()));
    socket.write(text);
  });
}

describe('startSocksServer', () => {
  it('relays a CONNECT after RFC 1929 authentication', async () => {
    const server = await socksServer(await echoServer());
    const { socket } = await viaSocks(server.port);
    expect(await echo(socket, 'hello')).toBe('hello');
    socket.destroy();
  });

  it('relays Firefox’s SOCKS4a request (the password and site in the user id), and refuses a wrong password there', async () => {
    const sites: (string | undefined)[] = [];
    const echoPort = await echoServer();
    const server = await socksServer(echoPort, {
      route: async (request) => {
        sites.push(request.username);
        const result = await connectFirst(['127.0.0.1'], echoPort);
        return result.ok ? { ok: true, socket: result.socket } : { ok: false, reply: REPLY.generalFailure };
      },
    });
    const via4a = (userId: string) =>
      SocksClient.createConnection({ proxy: { host: '127.0.0.1', port: server.port, type: 4, userId }, command: 'connect', destination: { host: 'www.site.example', port: 443 }, timeout: 5_000 });
    const { socket } = await via4a(socksUserId(PASSWORD, 'site.example')!);
    expect(await echo(socket, 'hello')).toBe('hello');
    socket.destroy();
    expect(sites).toEqual(['site.example']);
    await expect(via4a('guess:site.example')).rejects.toThrow(/Rejected|Failed/i);
    expect(sites).toHaveLength(1);
  });

  it('refuses a wrong password and closes', async () => {
    const server = await socksServer(await echoServer());
    await expect(viaSocks(server.port, 'guess')).rejects.toThrow(/Authentication|auth/i);
  });

  it('listens on 127.0.0.1 only', async () => {
    const server = await socksServer(await echoServer());
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const socket = net.connect({ host: '::1', port: server.port }, () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.once('error', resolve);
    });
    expect(error?.code).toMatch(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EAFNOSUPPORT/);
  });

  it('answers reply 1 (general failure) beyond the connection limit, and serves again once one closes', async () => {
    const server = await socksServer(await echoServer(), { maxConnections: 2 });
    const first = await viaSocks(server.port);
    const second = await viaSocks(server.port);
    await expect(viaSocks(server.port)).rejects.toThrow(/rejected connection - Failure/);
    first.socket.destroy();
    await new Promise((done) => setTimeout(done, 50));
    const again = await viaSocks(server.port);
    expect(await echo(again.socket, 'x')).toBe('x');
    second.socket.destroy();
    again.socket.destroy();
  });

  it('closes a client that does not finish its handshake in time', async () => {
    const server = await socksServer(await echoServer(), { handshakeMs: 100 });
    const socket = net.connect({ host: '127.0.0.1', port: server.port });
    socket.write(Buffer.from([5, 1])); // half a greeting, then nothing
    await new Promise((done) => socket.once('close', done));
    await new Promise((done) => setTimeout(done, 20));
    expect(server.connections).toBe(0);
  });

  it('passes a route’s refusal on as its reply code', async () => {
    const server = await socksServer(await echoServer(), { route: async () => ({ ok: false, reply: REPLY.notAllowed }) });
    await expect(viaSocks(server.port)).rejects.toThrow(/rejected connection - NotAllowed/);
  });
});
