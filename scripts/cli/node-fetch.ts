import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import tls from 'node:tls';
import type { FetchLike } from '../../utils/dns/pool/doh-client';
import { AlpnTransports } from './alpn-transport';

/**
 * A `fetch` for the DoH client in Node that speaks HTTP/2 where the server offers it. Node's built-in fetch
 * (undici) speaks only HTTP/1.1, and some resolvers, unbound among them, serve DoH over HTTP/2 only.
 * It does just what the client needs: one request, headers, a bounded body, abort. It sends no cookies,
 * user agent or other header of its own (the client's requests must carry nothing about the user), and
 * follows no redirect (a 3xx is returned as is, and the client reports it as that resolver's failure).
 */
export interface NodeFetchOptions {
  /** Extra PEM certificates to trust besides Node's bundled roots (--ca, local test resolvers). */
  extraCa?: readonly string[];
}

export type NodeFetch = FetchLike & {
  /** Closes every connection so the process can exit. */
  close(): void;
  /** The HTTP version an origin (`https://host:port`) negotiated, once a request has gone there. */
  protocolOf(origin: string): 'h2' | 'http/1.1' | undefined;
};

/** One octet more than a DNS message can be (RFC 1035 §4.2.2): enough for the client to say "too large". */
const MAX_BODY = 65_536;

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  // One secure context for every connection. Passing `ca` itself would cost ~3 ms a request: https.Agent
  // builds its connection-pool key from the whole CA list (Node's ~140 roots plus ours) on every request.
  const secureContext = options.extraCa?.length ? tls.createSecureContext({ ca: [...tls.rootCertificates, ...options.extraCa] }) : undefined;
  const transports = new AlpnTransports(secureContext);
  const h1 = new https.Agent({ keepAlive: true, secureContext });
  const plain = new http.Agent({ keepAlive: true });

  const fetchFn = async (input: string, init: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const method = init.method ?? 'GET';
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = bodyBytes(init.body);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw abortError(signal);
    let raw: RawResponse;
    try {
      if (url.protocol === 'http:') {
        raw = await viaHttp1(http.request(url, { method, headers, agent: plain }), body, signal);
      } else if (url.protocol !== 'https:') {
        throw new Error(`unsupported scheme ${url.protocol}`);
      } else {
        const transport = await transports.get(url);
        raw = transport.kind === 'h2'
          ? await viaHttp2(transport.session, url, method, headers, body, signal)
          : await viaHttp1(https.request(url, { method, headers, agent: h1 }), body, signal);
      }
    } catch (error) {
      if (signal?.aborted) throw abortError(signal);
      // undici's shape, so callers see "fetch failed: <cause>" whichever fetch they were given.
      throw new TypeError('fetch failed', { cause: error });
    }
    if (raw.status < 200 || raw.status > 599) throw new TypeError('fetch failed', { cause: new Error(`HTTP status ${raw.status}`) });
    const nullBody = raw.status === 204 || raw.status === 205 || raw.status === 304;
    return new Response(nullBody ? null : new Uint8Array(raw.body), { status: raw.status, headers: toHeaders(raw.headers) });
  };

  return Object.assign(fetchFn, {
    close() {
      transports.close();
      h1.destroy();
      plain.destroy();
    },
    protocolOf(origin: string) {
      return origin.startsWith('http:') ? 'http/1.1' : transports.negotiated.get(origin);
    },
  });
}

function viaHttp2(
  session: http2.ClientHttp2Session,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Uint8Array | undefined,
  signal: AbortSignal | undefined,
): Promise<RawResponse> {
  const stream = session.request({ ...headers, ':method': method, ':path': url.pathname + url.search }, { endStream: !body });
  if (body) stream.end(body);
  return new Promise((resolve, reject) => {
    let status = 0;
    let responseHeaders: RawResponse['headers'] = {};
    stream.on('response', (h) => {
      status = Number(h[':status']);
      responseHeaders = h;
    });
    collect(stream, () => stream.close(http2.constants.NGHTTP2_CANCEL), signal, (bytes) => resolve({ status, headers: responseHeaders, body: bytes }), reject);
  });
}

function viaHttp1(request: http.ClientRequest, body: Uint8Array | undefined, signal: AbortSignal | undefined): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (response) => {
      const done = (bytes: Buffer) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: bytes });
      collect(response, () => request.destroy(), signal, done, reject);
    });
    signal?.addEventListener('abort', () => request.destroy(), { once: true }); // the caller reports the abort
    request.end(body);
  });
}

/** Reads a body up to MAX_BODY octets, then stops reading: a server cannot make us buffer more. */
function collect(
  source: NodeJS.ReadableStream & { on(event: 'error', listener: (error: Error) => void): unknown },
  cancel: () => void,
  signal: AbortSignal | undefined,
  resolve: (body: Buffer) => void,
  reject: (error: unknown) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const onAbort = () => {
    cancel();
    reject(abortError(signal));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const finish = (result: () => void) => {
    signal?.removeEventListener('abort', onAbort);
    result();
  };
  source.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_BODY) {
      cancel();
      finish(() => resolve(Buffer.concat(chunks)));
    }
  });
  source.on('end', () => finish(() => resolve(Buffer.concat(chunks))));
  source.on('error', (error) => finish(() => reject(error)));
  // http.IncomingMessage emits 'aborted'/'close' without 'end' when the server cuts the connection mid-body.
  source.on('close', () => finish(() => reject(new Error('the connection closed before the body ended'))));
}

function bodyBytes(body: RequestInit['body']): Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof body === 'string') return new TextEncoder().encode(body);
  throw new TypeError('node-fetch: only Uint8Array, ArrayBuffer or string bodies are supported');
}

function toHeaders(raw: RawResponse['headers']): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith(':') || value === undefined) continue; // HTTP/2 pseudo-headers are not headers
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, String(item));
  }
  return headers;
}

function abortError(signal: AbortSignal | undefined): unknown {
  return signal?.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
