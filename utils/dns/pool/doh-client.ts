import { ResolverError } from '../wire/errors';
import { base64url, buildQuery, parseResponse, type DnsAnswer } from '../wire/dns-message';
import type { RecordType } from '../wire/record-type';

/**
 * The part of `fetch` the client uses. Passed in so the same code runs in Chrome's service worker, Firefox's
 * background page and Node. Called as a plain function, never as a method: browsers' `fetch` throws
 * "Illegal invocation" when `this` is not the global.
 */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** RFC 8484 §6: the media type of DNS messages, for both Accept and Content-Type. */
export const DNS_MESSAGE = 'application/dns-message';

/** Firefox's TRR gives a DoH request 1.5 s (network.trr.request_timeout_ms); no lookup of ours waits longer. */
export const MAX_TIMEOUT_MS = 1500;

/** Above this a GET URL risks being cut by servers and proxies; such queries go as POST (RFC 8484 §4.1). */
export const MAX_GET_URL_LENGTH = 2048;

/** RFC 1035 §4.2.2: a DNS message has a 16-bit length, so anything longer is not one. */
const MAX_MESSAGE = 65_535;

export interface ResolveOnceOptions {
  fetch: FetchLike;
  /** Resolver URL: an RFC 8484 template with `{?dns}` (or `{&dns}`), or a plain URL. */
  template: string;
  name: string;
  type: RecordType;
  /** Clamped to 1..MAX_TIMEOUT_MS. Covers the whole exchange, body included. */
  timeoutMs: number;
  /** Milliseconds clock, only for measuring latency. */
  now?: () => number;
}

export interface DohAnswer extends DnsAnswer {
  /** The template the answer came from. */
  resolver: string;
  method: 'GET' | 'POST';
  elapsedMs: number;
  /** HTTP Age in seconds, already subtracted from `ttl`. */
  age: number;
}

/**
 * Expands the RFC 6570 expressions RFC 8484 §3 uses (`{?dns}` starts a query string, `{&dns}` continues one).
 * `dns` undefined removes the expression (POST). A URL with no expression gets `dns` appended.
 */
export function expandTemplate(template: string, dns: string | undefined): string {
  const value = dns === undefined ? undefined : encodeURIComponent(dns);
  if (/\{[?&]dns\}/.test(template)) {
    return template.replace(/\{([?&])dns\}/, (_, op: string) => (value === undefined ? '' : `${op}dns=${value}`));
  }
  if (value === undefined) return template;
  return template + (template.includes('?') ? '&' : '?') + `dns=${value}`;
}

/**
 * GET when the URL stays short (cacheable, RFC 8484 §4.1), POST otherwise. Requests carry nothing about the
 * user: no cookies or credentials, no referrer, not kept in the browser's HTTP cache (the pool has its own),
 * and no redirects, which could hand the query to an operator the user did not choose.
 */
export function buildRequest(template: string, query: Uint8Array): { url: string; init: RequestInit } {
  const common: RequestInit = { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', redirect: 'error' };
  const url = expandTemplate(template, base64url(query));
  if (url.length <= MAX_GET_URL_LENGTH) {
    return { url, init: { ...common, method: 'GET', headers: { Accept: DNS_MESSAGE } } };
  }
  return {
    url: expandTemplate(template, undefined),
    init: { ...common, method: 'POST', headers: { Accept: DNS_MESSAGE, 'Content-Type': DNS_MESSAGE }, body: query as BodyInit },
  };
}

/**
 * One DoH exchange with one resolver (RFC 8484). Resolves to the answer (NXDOMAIN included) or rejects with a
 * ResolverError whose reason says what went wrong; never waits past the timeout, even if `fetch` ignores the
 * abort signal.
 */
export async function resolveOnce(options: ResolveOnceOptions): Promise<DohAnswer> {
  const { template, name, type } = options;
  const now = options.now ?? Date.now;
  const timeoutMs = Math.max(1, Math.min(MAX_TIMEOUT_MS, Math.round(options.timeoutMs)));
  const { url, init } = buildRequest(template, buildQuery(name, type));
  const controller = new AbortController();
  const started = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ResolverError('timeout', template, `no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const exchange = exchangeOnce(options.fetch, url, { ...init, signal: controller.signal }, template, name, type);
    const answer = await Promise.race([exchange, deadline]);
    return { ...answer, resolver: template, method: init.method as 'GET' | 'POST', elapsedMs: Math.max(0, now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

async function exchangeOnce(
  fetchFn: FetchLike,
  url: string,
  init: RequestInit,
  template: string,
  name: string,
  type: RecordType,
): Promise<DnsAnswer & { age: number }> {
  let response: Response;
  try {
    response = await fetchFn(url, init);
  } catch (error) {
    throw new ResolverError('network', template, `could not reach the resolver (${describe(error)})`);
  }
  if (!response.ok) {
    discard(response);
    throw new ResolverError('http-status', template, `answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType !== DNS_MESSAGE) {
    discard(response);
    throw new ResolverError('content-type', template, `answered with ${mediaType || 'no content type'}, not ${DNS_MESSAGE}`);
  }
  if (Number(response.headers.get('content-length') ?? 0) > MAX_MESSAGE) {
    discard(response);
    throw new ResolverError('too-large', template, 'the answer is larger than any DNS message can be');
  }
  let body: Uint8Array;
  try {
    body = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new ResolverError('network', template, `the connection broke while reading the answer (${describe(error)})`);
  }
  if (body.length > MAX_MESSAGE) throw new ResolverError('too-large', template, 'the answer is larger than any DNS message can be');
  const parsed = parseResponse(body, name, type);
  if (!parsed.ok) throw new ResolverError(parsed.reason, template, parsed.message);
  // RFC 8484 §5.1 and RFC 9111 §4.2.3: an answer that sat in an HTTP cache has aged; its TTL has run down too.
  const age = parseAge(response.headers.get('age'));
  return { ...parsed.answer, ttl: Math.max(0, parsed.answer.ttl - age), age };
}

/** RFC 9111 §5.1: Age is a non-negative integer of seconds; anything else is ignored. */
export function parseAge(value: string | null): number {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return 0;
  return Math.min(Number(value), 2 ** 31);
}

function discard(response: Response): void {
  // Release the connection without waiting for a body nobody reads.
  response.body?.cancel().catch(() => undefined);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}
