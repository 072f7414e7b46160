import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRequest, expandTemplate, MAX_TIMEOUT_MS, parseAge, resolveOnce, type FetchLike } from './doh-client';
import { ResolverError } from '../wire/errors';
import { encodeResponse, fakeDoh, rr, type Reply } from '../../../tests/support/fake-doh';
import { buildQuery } from '../wire/dns-message';

const TEMPLATE = 'https://doh.test/dns-query{?dns}';

function once(reply: Reply | ((name: string) => Reply), options: { template?: string; timeoutMs?: number; name?: string; type?: 'A' | 'AAAA' } = {}) {
  const fetch = fakeDoh((seen) => (typeof reply === 'function' ? reply(seen.name) : reply));
  const promise = resolveOnce({
    fetch,
    template: options.template ?? TEMPLATE,
    name: options.name ?? 'www.example.com',
    type: options.type ?? 'A',
    timeoutMs: options.timeoutMs ?? 1000,
  });
  return { fetch, promise };
}

async function failure(promise: Promise<unknown>): Promise<ResolverError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResolverError);
  return error as ResolverError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('request shape (RFC 8484)', () => {
  it('sends GET ?dns= base64url without padding, Accept dns-message, no credentials, no referrer, no HTTP cache, no redirects', async () => {
    const { fetch, promise } = once({ answers: [rr.a('www.example.com', '192.0.2.1')] });
    await promise;
    const call = fetch.calls[0];
    expect(call?.method).toBe('GET');
    expect(call?.url).toMatch(/^https:\/\/doh\.test\/dns-query\?dns=[A-Za-z0-9_-]+$/);
    expect(call?.init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', redirect: 'error', headers: { Accept: 'application/dns-message' } });
    expect(call?.init.body).toBeUndefined();
    expect(call?.query.id).toBe(0);
  });

  it('expands {?dns}, {&dns} and a plain URL (with and without a query string)', () => {
    expect(expandTemplate('https://r.test/q{?dns}', 'AAA')).toBe('https://r.test/q?dns=AAA');
    expect(expandTemplate('https://r.test/q?key=1{&dns}', 'AAA')).toBe('https://r.test/q?key=1&dns=AAA');
    expect(expandTemplate('https://r.test/q', 'AAA')).toBe('https://r.test/q?dns=AAA');
    expect(expandTemplate('https://r.test/q?key=1', 'AAA')).toBe('https://r.test/q?key=1&dns=AAA');
    expect(expandTemplate('https://r.test/q{?dns}', undefined)).toBe('https://r.test/q');
  });

  it('switches to POST with Content-Type dns-message and the query as body when the GET URL would pass 2048 chars', () => {
    const query = buildQuery('www.example.com', 'A');
    const long = `https://r.test/${'p'.repeat(2000)}{?dns}`;
    const { url, init } = buildRequest(long, query);
    expect(init.method).toBe('POST');
    expect(url).toBe(`https://r.test/${'p'.repeat(2000)}`);
    expect(init.headers).toEqual({ Accept: 'application/dns-message', 'Content-Type': 'application/dns-message' });
    expect(init.body).toBe(query);
    expect(buildRequest(TEMPLATE, query).init.method).toBe('GET');
  });

  it('gets an answer over POST from a server that decodes the body', async () => {
    const { fetch, promise } = once({ answers: [rr.a('www.example.com', '192.0.2.9')] }, { template: `https://r.test/${'p'.repeat(2100)}` });
    expect((await promise).addresses).toEqual(['192.0.2.9']);
    expect(fetch.calls[0]?.method).toBe('POST');
  });
});

describe('answers', () => {
  it('returns the whole CNAME chain, the addresses and the smallest TTL', async () => {
    const { promise } = once({
      answers: [rr.cname('www.example.com', 'a.cdn.test', 300), rr.cname('a.cdn.test', 'b.cdn.test', 40), rr.a('b.cdn.test', '192.0.2.2', 100)],
    });
    expect(await promise).toMatchObject({ rcode: 'NOERROR', cnameChain: ['a.cdn.test', 'b.cdn.test'], addresses: ['192.0.2.2'], ttl: 40, method: 'GET', age: 0 });
  });

  it('resolves NXDOMAIN as an answer (not a failure) with the RFC 2308 negative TTL', async () => {
    const { promise } = once({ rcode: 'NXDOMAIN', authorities: [rr.soa('example.com', 600, 60)] });
    expect(await promise).toMatchObject({ rcode: 'NXDOMAIN', addresses: [], ttl: 60 });
  });

  it('subtracts HTTP Age from the TTL, down to 0 at most', async () => {
    expect((await once({ answers: [rr.a('www.example.com', '192.0.2.1', 300)], headers: { age: '120' } }).promise).ttl).toBe(180);
    expect((await once({ answers: [rr.a('www.example.com', '192.0.2.1', 300)], headers: { age: '900' } }).promise).ttl).toBe(0);
    expect((await once({ answers: [rr.a('www.example.com', '192.0.2.1', 300)], headers: { age: 'soon' } }).promise).ttl).toBe(300);
    expect([parseAge(null), parseAge('7'), parseAge('-3'), parseAge('1.5')]).toEqual([0, 7, 0, 0]);
  });
});

describe('failures, each with a reason to show', () => {
  it('rejects HTTP 503 as http-status naming the status and the resolver', async () => {
    const error = await failure(once({ status: 503 }).promise);
    expect(error.reason).toBe('http-status');
    expect(error.message).toBe('doh.test: answered HTTP 503');
  });

  it('rejects a text/html body as content-type', async () => {
    const error = await failure(once({ contentType: 'text/html', body: new TextEncoder().encode('<html>') }).promise);
    expect(error.reason).toBe('content-type');
    expect(error.message).toContain('text/html');
  });

  it('accepts a content type with parameters (application/dns-message; charset=binary)', async () => {
    const { promise } = once({ contentType: 'Application/DNS-Message; charset=binary', answers: [rr.a('www.example.com', '192.0.2.1')] });
    expect((await promise).addresses).toEqual(['192.0.2.1']);
  });

  it('rejects a garbage body and a truncated body as unparsable', async () => {
    expect((await failure(once({ body: Uint8Array.of(0xde, 0xad, 0xbe, 0xef) }).promise)).reason).toBe('unparsable');
    const full = encodeResponse({ name: 'www.example.com', type: 'A' }, { answers: [rr.a('www.example.com', '192.0.2.1')] });
    expect((await failure(once({ body: full.subarray(0, full.length - 3) }).promise)).reason).toBe('unparsable');
  });

  it('rejects an answer to another question as question-mismatch', async () => {
    const error = await failure(once({ question: { name: 'other.test', type: 'A' }, answers: [rr.a('other.test', '192.0.2.1')] }).promise);
    expect(error.reason).toBe('question-mismatch');
    expect(error.message).toContain('other.test');
  });

  it('rejects SERVFAIL as server-failure', async () => {
    expect((await failure(once({ rcode: 'SERVFAIL' }).promise)).reason).toBe('server-failure');
  });

  it('rejects a connection failure as network', async () => {
    const error = await failure(once({ networkError: true }).promise);
    expect(error.reason).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('times out a hanging server after timeoutMs and aborts the request', async () => {
    const { fetch, promise } = once({ hang: true }, { timeoutMs: 30 });
    const started = Date.now();
    const error = await failure(promise);
    expect(error.reason).toBe('timeout');
    expect(error.message).toBe('doh.test: no answer within 30 ms');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fetch.calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('still times out when fetch ignores the abort signal', async () => {
    const { promise } = once({ hang: true, ignoreAbort: true }, { timeoutMs: 30 });
    expect((await failure(promise)).reason).toBe('timeout');
  });

  it(`never waits longer than ${MAX_TIMEOUT_MS} ms even when asked for 10 s`, async () => {
    vi.useFakeTimers();
    const { promise } = once({ hang: true }, { timeoutMs: 10_000 });
    const settled = failure(promise);
    await vi.advanceTimersByTimeAsync(MAX_TIMEOUT_MS);
    expect((await settled).message).toContain(`${MAX_TIMEOUT_MS} ms`);
  });

  it('calls fetch as a plain function, not as a method (browsers throw "Illegal invocation" otherwise)', async () => {
    const body = encodeResponse({ name: 'www.example.com', type: 'A' }, { answers: [rr.a('www.example.com', '192.0.2.1')] });
    const fetch: FetchLike = function (this: unknown) {
      if (this !== undefined) return Promise.reject(new TypeError('Illegal invocation'));
      return Promise.resolve(new Response(body as BodyInit, { headers: { 'content-type': 'application/dns-message' } }));
    };
    const answer = await resolveOnce({ fetch, template: TEMPLATE, name: 'www.example.com', type: 'A', timeoutMs: 100 });
    expect(answer.addresses).toEqual(['192.0.2.1']);
  });
});
