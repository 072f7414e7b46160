import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFetch, type NodeFetch } from '../../scripts/cli/node-fetch';
import { buildQuery, parseResponse } from '../../utils/dns/wire/dns-message';
import { DohServer } from '../support/doh-server';
import { testCertificate } from '../support/test-certificate';

/**
 * The CLI's fetch: HTTP/2 when the server offers it (ALPN), HTTP/1.1 otherwise, plain HTTP for local test
 * servers, abort, and a bounded body. Also the shared test DoH server's GET/POST/JSON and plain-HTTP modes.
 */
const ZONE = [{ name: 'www.site.test', type: 'A' as const, data: '192.0.2.5', ttl: 60 }];
const wire = (name: string) => `?dns=${Buffer.from(buildQuery(name, 'A')).toString('base64url')}`;
const GET = { method: 'GET', headers: { Accept: 'application/dns-message' } };

let h2server: http2.Http2SecureServer;
let h2url: string;
let doh: DohServer;
let plain: DohServer;
let fetch: NodeFetch;

beforeAll(async () => {
  const certificate = await testCertificate();
  // An HTTP/2-only server (as unbound's DoH is): a client that cannot speak h2 gets nothing from it.
  h2server = http2.createSecureServer({ key: certificate.keyPem, cert: certificate.certPem, allowHTTP1: false }, (req, res) => {
    if (req.url.startsWith('/big')) return res.writeHead(200, { 'content-type': 'application/dns-message' }).end(Buffer.alloc(200_000));
    if (req.url.startsWith('/slow')) return; // never answers
    res.writeHead(200, { 'content-type': 'text/plain', 'x-seen-headers': Object.keys(req.headers).filter((h) => !h.startsWith(':')).join(',') });
    res.end(`${req.method} ${req.httpVersion}`);
  });
  await new Promise<void>((done) => h2server.listen(0, '127.0.0.1', done));
  h2url = `https://127.0.0.1:${(h2server.address() as AddressInfo).port}`;
  doh = await DohServer.start({ zone: ZONE });
  plain = await DohServer.start({ zone: ZONE, plain: true });
  fetch = createNodeFetch({ extraCa: [certificate.caPem] });
});

afterAll(async () => {
  fetch.close();
  await Promise.all([doh.close(), plain.close(), new Promise((done) => h2server.close(done))]);
});

describe('createNodeFetch', () => {
  it('speaks HTTP/2 to a server that offers it, sending only the headers it was given', async () => {
    const response = await fetch(`${h2url}/x`, { method: 'POST', headers: { Accept: 'application/dns-message' }, body: new Uint8Array([1]) });
    expect(await response.text()).toBe('POST 2.0');
    expect(response.headers.get('x-seen-headers')).toBe('accept'); // no user agent, cookies or encodings of its own
    expect(fetch.protocolOf(h2url)).toBe('h2');
  });

  it('falls back to HTTP/1.1 when ALPN does not pick h2, and keeps using it', async () => {
    for (let i = 0; i < 3; i++) {
      const parsed = parseResponse(new Uint8Array(await (await fetch(`${doh.url}${wire('www.site.test')}`, GET)).arrayBuffer()), 'www.site.test', 'A');
      expect(parsed).toMatchObject({ ok: true, answer: { addresses: ['192.0.2.5'] } });
    }
    expect(fetch.protocolOf(new URL(doh.url).origin)).toBe('http/1.1');
  });

  it('refuses a server whose certificate it does not trust', async () => {
    const untrusting = createNodeFetch();
    await expect(untrusting(`${h2url}/x`, GET)).rejects.toThrow(/fetch failed/);
    untrusting.close();
  });

  it('stops reading a body at one octet more than a DNS message can be', async () => {
    const body = await (await fetch(`${h2url}/big`, GET)).arrayBuffer();
    expect(body.byteLength).toBeGreaterThan(65_535);
    expect(body.byteLength).toBeLessThan(200_000);
  });

  it('rejects with the abort reason when aborted', async () => {
    const controller = new AbortController();
    const pending = fetch(`${h2url}/slow`, { ...GET, signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('stop', 'AbortError')), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the test DoH server', () => {
  it('answers GET ?dns= and POST alike, over HTTPS and plain HTTP, and logs name, type and method', async () => {
    for (const server of [doh, plain]) {
      server.log.length = 0;
      const get = await fetch(`${server.url}${wire('www.site.test')}`, GET);
      const post = await fetch(server.url, {
        method: 'POST',
        headers: { Accept: 'application/dns-message', 'Content-Type': 'application/dns-message' },
        body: buildQuery('nx.site.test', 'A') as BodyInit,
      });
      expect(parseResponse(new Uint8Array(await get.arrayBuffer()), 'www.site.test', 'A')).toMatchObject({ ok: true, answer: { rcode: 'NOERROR' } });
      expect(parseResponse(new Uint8Array(await post.arrayBuffer()), 'nx.site.test', 'A')).toMatchObject({ ok: true, answer: { rcode: 'NXDOMAIN', ttl: 60 } });
      expect(server.log.map(({ name, type, method }) => ({ name, type, method }))).toEqual([
        { name: 'www.site.test', type: 'A', method: 'GET' },
        { name: 'nx.site.test', type: 'A', method: 'POST' },
      ]);
    }
  });

  it('answers Google’s JSON API for peer libraries', async () => {
    const response = await fetch(`${doh.url}?name=www.site.test&type=A`, { method: 'GET', headers: { accept: 'application/dns-json' } });
    expect(await response.json()).toMatchObject({ Status: 0, Answer: [{ name: 'www.site.test', type: 1, TTL: 60, data: '192.0.2.5' }] });
  });
});
