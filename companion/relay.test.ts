import { createHash } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectFirst, relay } from './relay';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

function listen(handler: (socket: net.Socket) => void, host = '127.0.0.1'): Promise<number> {
  const server = net.createServer({ allowHalfOpen: true }, handler);
  cleanups.push(() => {
    server.close();
    server.unref();
  });
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as net.AddressInfo).port)));
}

/** A relay in front of `upstreamPort`: what the SOCKS server does after its handshake. */
async function relayTo(upstreamPort: number, idleMs = 60_000): Promise<{ port: number; sides: { client?: net.Socket; upstream?: net.Socket } }> {
  const sides: { client?: net.Socket; upstream?: net.Socket } = {};
  const port = await listen((client) => {
    client.pause();
    void connectFirst(['127.0.0.1'], upstreamPort).then((result) => {
      if (!result.ok) return client.destroy();
      sides.client = client;
      sides.upstream = result.socket;
      relay(client, result.socket, { idleMs });
    });
  });
  return { port, sides };
}

function dial(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }, () => resolve(socket));
    socket.once('error', reject);
    cleanups.push(() => socket.destroy());
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('connectFirst', () => {
  it('tries the addresses in order and answers the first that accepts', async () => {
    const port = await listen(() => {});
    const unused = await listen(() => {});
    // Nothing listens on ::1 at that port (or the machine has no IPv6): the next address is tried.
    const result = await connectFirst(['::1', '127.0.0.1'], port);
    expect(result).toMatchObject({ ok: true, address: '127.0.0.1' });
    if (result.ok) result.socket.destroy();
    expect(unused).toBeGreaterThan(0);
  });

  it('moves on from an address that does not answer within the attempt timeout', async () => {
    const port = await listen(() => {});
    let calls = 0;
    const result = await connectFirst(['192.0.2.1', '127.0.0.1'], port, {
      attemptTimeoutMs: 50,
      // The first "connection" never completes, as with a black-holed route.
      connect: (options) => (calls++ === 0 ? new net.Socket() : net.connect(options)),
    });
    expect(result).toMatchObject({ ok: true, address: '127.0.0.1' });
    if (result.ok) result.socket.destroy();
  });

  it('prefers the first address when several would accept', async () => {
    const port = await listen(() => {});
    // Every "address" reaches the local server: the order alone decides.
    const connect = (options: net.NetConnectOpts) => net.connect({ ...(options as net.TcpNetConnectOpts), host: '127.0.0.1' });
    const result = await connectFirst(['192.0.2.1', '192.0.2.2', '192.0.2.3'], port, { connect });
    expect(result).toMatchObject({ ok: true, address: '192.0.2.1' });
    if (result.ok) result.socket.destroy();
  });

  it('starts the next address after the attempt delay while a black-holed one hangs (RFC 8305)', async () => {
    const port = await listen(() => {});
    const hanging: net.Socket[] = [];
    const connect = (options: net.NetConnectOpts) => {
      if ((options as net.TcpNetConnectOpts).host === '2001:db8::1') {
        const socket = new net.Socket();
        hanging.push(socket);
        return socket;
      }
      return net.connect(options);
    };
    const started = Date.now();
    const result = await connectFirst(['2001:db8::1', '127.0.0.1'], port, { connect, attemptDelayMs: 100 });
    expect(result).toMatchObject({ ok: true, address: '127.0.0.1' });
    expect(Date.now() - started).toBeLessThan(1_000);
    // The loser is closed, not left to time out.
    expect(hanging[0]?.destroyed).toBe(true);
    if (result.ok) result.socket.destroy();
  });

  it('answers the last error when none accepts', async () => {
    const port = await listen(() => {});
    await new Promise<void>((done) => {
      cleanups.splice(0).forEach((c) => c());
      setTimeout(done, 20);
    });
    expect(await connectFirst(['127.0.0.1'], port)).toMatchObject({ ok: false, code: 'ECONNREFUSED' });
    expect(await connectFirst([], port)).toMatchObject({ ok: false, code: 'ENOADDRESS' });
  });
});

describe('relay', () => {
  it('passes a half-close on: the client ends its request and still reads the answer', async () => {
    const upstream = await listen((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('end', () => socket.end(`echo:${Buffer.concat(chunks).toString()}`));
    });
    const { port } = await relayTo(upstream);
    const client = await dial(port);
    client.end('ping');
    const chunks: Buffer[] = [];
    for await (const chunk of client) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('echo:ping');
  });

  it('holds back a fast server while the client does not read (backpressure), then delivers every byte', async () => {
    const TOTAL = 64 * 1024 * 1024;
    const block = Buffer.alloc(64 * 1024);
    for (let i = 0; i < block.length; i++) block[i] = (i * 31 + 7) & 0xff;
    let written = 0;
    const sentHash = createHash('sha256');
    const upstream = await listen((socket) => {
      const pump = () => {
        while (written < TOTAL) {
          written += block.length;
          sentHash.update(block);
          if (!socket.write(block)) return void socket.once('drain', pump);
        }
        socket.end();
      };
      pump();
    });
    const { port, sides } = await relayTo(upstream);
    const client = await dial(port);
    client.pause();
    await sleep(500);
    // Only kernel socket buffers (a few MB on loopback) and one Node buffer per side are in flight: the server was
    // stopped by the relay, not by our memory running out.
    expect(written).toBeLessThan(TOTAL / 2);
    expect(sides.client?.writableLength ?? 0).toBeLessThanOrEqual(1024 * 1024);
    expect(sides.upstream?.readableFlowing).toBe(false);

    const gotHash = createHash('sha256');
    let received = 0;
    client.on('data', (chunk: Buffer) => {
      received += chunk.length;
      gotHash.update(chunk);
    });
    client.resume();
    await new Promise((done) => client.once('end', done));
    expect(received).toBe(TOTAL);
    expect(gotHash.digest('hex')).toBe(sentHash.digest('hex'));
  }, 30_000);

  it('closes both sides after the idle timeout', async () => {
    const upstream = await listen(() => {});
    const { port, sides } = await relayTo(upstream, 100);
    const client = await dial(port);
    client.resume();
    // The relay closed its side: the client reads the end (it keeps its own half open, allowHalfOpen).
    await new Promise((done) => client.once('end', done));
    await sleep(20);
    expect(sides.client?.destroyed).toBe(true);
    expect(sides.upstream?.destroyed).toBe(true);
  });

  it('cuts the client when the server resets', async () => {
    const upstream = await listen((socket) => socket.resetAndDestroy());
    const { port } = await relayTo(upstream);
    const client = await dial(port);
    client.on('error', () => {});
    client.resume();
    await new Promise((done) => {
      client.once('end', done);
      client.once('close', done);
    });
    expect(client.readableEnded || client.destroyed).toBe(true);
  });
});
