import { decode, encode, type Packet, type Question } from '@dnsquery/dns-packet';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { fromBase64url } from '../../utils/dns/wire/base64url';
import { answerFromZone, jsonAnswer, responsePacket, type ZoneRecord } from './doh-zone';
import { testCertificate } from './test-certificate';

export type { ZoneRecord } from './doh-zone';

/**
 * A local DoH resolver for tests and benchmarks: RFC 8484 GET (?dns=) and POST over HTTP/1.1 on 127.0.0.1
 * (HTTPS with a certificate made for the run, or plain HTTP on request), Google's JSON API (?name=&type=)
 * for peer libraries, answers from a zone given in code, and faults injected per server or per query.
 */
export type Fault =
  | { kind: 'status'; status: number } // e.g. 500, 503: no DNS message at all
  | { kind: 'content-type'; contentType: string } // a valid message, labelled as something else
  | { kind: 'truncate' } // the first half of the message, with a Content-Length that matches it
  | { kind: 'mismatch' } // a valid answer to another name
  | { kind: 'hang' } // never answers; the request stays open until the client gives up or the server closes
  | { kind: 'reset' }; // headers announcing the whole message, part of it, then the connection is cut

export interface LoggedQuery {
  name: string;
  type: string;
  method: string;
  format: 'wire' | 'json';
  /** Date.now() when the request arrived. */
  at: number;
}

export interface DohServerOptions {
  zone?: readonly ZoneRecord[];
  /** Added before every answer (and fault), as network and upstream time would be. */
  delayMs?: number;
  /** Plain HTTP instead of HTTPS (browser e2e tests may prefer it; resolvers.ts accepts http only to 127.0.0.1). */
  plain?: boolean;
  /** TTL and SOA MINIMUM of negative answers (RFC 2308). */
  negativeTtl?: number;
}

const DNS_MESSAGE = 'application/dns-message';

export class DohServer {
  readonly log: LoggedQuery[] = [];
  zone: ZoneRecord[];
  delayMs: number;
  negativeTtl: number;
  /** A fault for every query, or one chosen per query (undefined: answer normally). */
  fault: Fault | ((query: LoggedQuery) => Fault | undefined) | undefined;
  /** PEM of the CA that signed the server's certificate: what a client must trust (also set in plain mode). */
  caPem = '';
  certPem = '';
  port = 0;
  private scheme: 'http' | 'https' = 'https';
  private server: http.Server | undefined;

  private constructor(options: DohServerOptions) {
    this.zone = [...(options.zone ?? [])];
    this.delayMs = options.delayMs ?? 0;
    this.negativeTtl = options.negativeTtl ?? 60;
  }

  static async start(options: DohServerOptions = {}): Promise<DohServer> {
    const doh = new DohServer(options);
    const certificate = await testCertificate();
    doh.caPem = certificate.caPem;
    doh.certPem = certificate.certPem;
    const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
      doh.handle(req, res).catch(() => res.destroy());
    };
    doh.scheme = options.plain ? 'http' : 'https';
    // No ALPNProtocols: the server speaks HTTP/1.1 only, which also exercises a client's fallback from h2.
    doh.server = options.plain ? http.createServer(handler) : https.createServer({ key: certificate.keyPem, cert: certificate.certPem }, handler);
    doh.port = await listen(doh.server);
    return doh;
  }

  /** The endpoint, e.g. https://127.0.0.1:PORT/dns-query. */
  get url(): string {
    return `${this.scheme}://127.0.0.1:${this.port}/dns-query`;
  }

  /** The RFC 8484 template the pool takes. */
  get template(): string {
    return `${this.url}{?dns}`;
  }

  /** Stops listening and cuts every connection, hanging requests included: from then on it is a dead resolver. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return;
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (url.pathname !== '/dns-query') return reply(res, 404, 'text/plain', 'not found');
    const jsonName = url.searchParams.get('name');
    if (req.method === 'GET' && jsonName !== null) return this.answerJson(res, jsonName, url.searchParams.get('type') ?? 'A');
    let query: Packet;
    try {
      if (req.method === 'POST' && (req.headers['content-type'] ?? '') !== DNS_MESSAGE) return reply(res, 415, 'text/plain', 'POST needs application/dns-message');
      if (req.method !== 'GET' && req.method !== 'POST') return reply(res, 405, 'text/plain', 'GET or POST');
      query = decode(req.method === 'POST' ? Buffer.concat(chunks) : fromBase64url(url.searchParams.get('dns') ?? ''));
    } catch {
      return reply(res, 400, 'text/plain', 'not a DNS query');
    }
    const question = query.questions?.[0];
    if (!question) return reply(res, 400, 'text/plain', 'no question');
    const logged: LoggedQuery = { name: question.name, type: question.type, method: req.method, format: 'wire', at: Date.now() };
    this.log.push(logged);
    const fault = typeof this.fault === 'function' ? this.fault(logged) : this.fault;
    await sleep(this.delayMs);
    if (gone(res)) return;
    if (fault?.kind === 'hang') return; // close() or the client's abort ends it
    if (fault?.kind === 'status') return reply(res, fault.status, 'text/plain', 'injected failure');
    const asked: Question = fault?.kind === 'mismatch' ? { ...question, name: `mismatch.${question.name}` } : question;
    const message = encode(responsePacket(query, asked, answerFromZone(this.zone, asked, this.negativeTtl)));
    if (fault?.kind === 'content-type') return reply(res, 200, fault.contentType, message);
    if (fault?.kind === 'truncate') return reply(res, 200, DNS_MESSAGE, message.subarray(0, Math.floor(message.length / 2)));
    if (fault?.kind === 'reset') {
      res.writeHead(200, { 'content-type': DNS_MESSAGE, 'content-length': String(message.length) });
      res.write(message.subarray(0, Math.floor(message.length / 2)), () => res.destroy());
      return;
    }
    reply(res, 200, DNS_MESSAGE, message);
  }

  private async answerJson(res: http.ServerResponse, name: string, type: string): Promise<void> {
    const qtype = type === 'AAAA' || type === '28' ? 'AAAA' : 'A';
    const logged: LoggedQuery = { name, type: qtype, method: 'GET', format: 'json', at: Date.now() };
    this.log.push(logged);
    const fault = typeof this.fault === 'function' ? this.fault(logged) : this.fault;
    await sleep(this.delayMs);
    if (gone(res) || fault?.kind === 'hang') return;
    if (fault) return reply(res, 500, 'text/plain', 'injected failure');
    const answer = answerFromZone(this.zone, { name, type: qtype, class: 'IN' }, this.negativeTtl);
    reply(res, 200, 'application/dns-json', JSON.stringify(jsonAnswer(name, qtype, answer)));
  }
}

/** The client went away (timed out, aborted) while the answer was delayed: nothing to send. */
function gone(res: http.ServerResponse): boolean {
  return res.destroyed || !res.socket || res.socket.destroyed;
}

function reply(res: http.ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  if (gone(res)) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'max-age=0' });
  res.end(body);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((done) => setTimeout(done, ms)) : Promise.resolve();
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
