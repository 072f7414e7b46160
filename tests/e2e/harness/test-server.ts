import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/** What the server saw of one request, so tests can check what left the browser. */
export interface LoggedRequest {
  scheme: 'http' | 'https';
  host: string;
  path: string;
  method: string;
  headers: http.IncomingHttpHeaders;
}

export interface Reply {
  status?: number;
  type?: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}
type Handler = (req: http.IncomingMessage, body: Buffer) => Reply | Promise<Reply>;

// A 1×1 transparent PNG, the default answer for /asset/* so pages can load from any fake host.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * One HTTP and one HTTPS listener on 127.0.0.1 that serve test sites under fake host names (the browsers map
 * every name to 127.0.0.1) and log every request. The HTTPS certificate is made fresh for each run.
 */
export class TestServer {
  readonly log: LoggedRequest[] = [];
  httpPort = 0;
  httpsPort = 0;
  private readonly routes = new Map<string, Handler>();
  private servers: (http.Server | https.Server)[] = [];

  static async start(): Promise<TestServer> {
    const server = new TestServer();
    const cert = await generate([{ name: 'commonName', value: 'diffuse-test' }], {
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: '*.test' }, { type: 2, value: 'localhost' }] }],
    });
    const plain = http.createServer((req, res) => server.handle('http', req, res));
    const secure = https.createServer({ key: cert.private, cert: cert.cert }, (req, res) => server.handle('https', req, res));
    server.httpPort = await listen(plain);
    server.httpsPort = await listen(secure);
    server.servers = [plain, secure];
    return server;
  }

  /** `http://host:port/path` (or https) for a fake host served here. */
  url(host: string, path = '/', scheme: 'http' | 'https' = 'http'): string {
    return `${scheme}://${host}:${scheme === 'http' ? this.httpPort : this.httpsPort}${path}`;
  }

  /** Serves `handler` for `host` + `path` (the path without its query), on both schemes. */
  route(host: string, path: string, handler: Handler | Reply): void {
    this.routes.set(`${host}${path}`, typeof handler === 'function' ? handler : () => handler);
  }

  page(host: string, path: string, html: string): void {
    this.route(host, path, { type: 'text/html; charset=utf-8', body: html });
  }

  requestsTo(host: string): LoggedRequest[] {
    return this.log.filter((r) => r.host === host);
  }

  async close(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise((done) => (s.closeAllConnections(), s.close(done)))));
  }

  private async handle(scheme: 'http' | 'https', req: http.IncomingMessage, res: http.ServerResponse) {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    this.log.push({ scheme, host, path: req.url ?? '/', method: req.method ?? 'GET', headers: req.headers });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const handler = this.routes.get(`${host}${path}`);
    const reply: Reply = handler
      ? await handler(req, Buffer.concat(chunks))
      : path.startsWith('/asset/')
        ? { type: 'image/png', body: PIXEL }
        : { status: 404, type: 'text/plain', body: 'not found' };
    // no-store: a reload must reach the network again, as a fresh visit would.
    res.writeHead(reply.status ?? 200, {
      'content-type': reply.type ?? 'text/plain',
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
      ...reply.headers,
    });
    res.end(reply.body ?? '');
  }
}

function listen(server: http.Server | https.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
