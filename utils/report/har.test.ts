import { describe, expect, it } from 'vitest';
import { createAttributor } from '../attribution/company-lookup';
import { realTable } from '../../tests/support/attribution-fixtures';
import { buildHarReport, HarError, parseHarJson, readHar } from './har';

const attribute = createAttributor(realTable());

type Entry = { pageref?: string; request: { url: string }; response?: unknown; _resourceType?: string };
const entry = (url: string, extra: Partial<Entry> = {}): Entry => ({ request: { url }, ...extra });
const har = (entries: unknown[], pages?: unknown[]) => ({ log: { version: '1.2', creator: { name: 't', version: '1' }, pages, entries } });

type Header = { name: string; value: string };
const dest = (value: string, extra: Record<string, unknown> = {}) => ({ request: { headers: [{ name: 'Sec-Fetch-Dest', value }] as Header[] }, ...extra });

describe('readHar: HARs as real tools write them', () => {
  it('accepts a leading UTF-8 byte-order mark (Fiddler writes one)', () => {
    const text = '\uFEFF' + JSON.stringify(har([entry('https://www.example.org/', { _resourceType: 'document' })]));
    expect(readHar(parseHarJson(text))[0]?.site).toBe('example.org');
  });

  it('without pages, the page is the first top-level document request, never an ad iframe loaded before it ends', () => {
    // A news page whose ad iframe document comes back before the page's own (the HAR is in start order of
    // responses on some proxies): Sec-Fetch-Dest tells them apart.
    const adFirst = har([
      { request: { url: 'https://tpc.googlesyndication.com/safeframe/1-0-40/html/container.html', ...dest('iframe').request }, response: { content: { mimeType: 'text/html' } } },
      { request: { url: 'https://www.diffuse-news.com/', ...dest('document').request }, response: { content: { mimeType: 'text/html' } } },
      entry('https://img.diffuse-news-cdn.com/a.jpg'),
    ]);
    expect(readHar(adFirst)[0]).toMatchObject({ url: 'https://www.diffuse-news.com/', site: 'diffuse-news.com' });
    // Chrome without the header: its _initiator says a parser loaded the frame, while a navigation is "other".
    const chrome = har([
      entry('https://ads.adnxs.com/frame.html', { _resourceType: 'document', _initiator: { type: 'parser' } } as Partial<Entry>),
      entry('https://www.diffuse-news.com/', { _resourceType: 'document', _initiator: { type: 'other' } } as Partial<Entry>),
    ]);
    expect(readHar(chrome)[0]?.site).toBe('diffuse-news.com');
  });

  it('names the entry in its errors', () => {
    const bad = har([entry('https://www.example.org/'), { request: { url: 'http://[::1' } }]);
    expect(() => readHar(bad)).toThrow('Invalid HAR at log.entries[1].request.url: not a valid URL: "http://[::1"');
  });
});

describe('readHar grouping', () => {
  it('groups by pageref; a Chrome page title that is a URL gives the site', () => {
    const pages = readHar(har([
      entry('https://www.youtube.com/watch?v=1', { pageref: 'p1', _resourceType: 'document' }),
      entry('https://i.ytimg.com/vi/1/hq.jpg', { pageref: 'p1' }),
      entry('https://i.ytimg.com/vi/2/hq.jpg', { pageref: 'p1' }),
      entry('https://news.example.co.uk/', { pageref: 'p2', _resourceType: 'document' }),
      entry('https://connect.facebook.net/sdk.js', { pageref: 'p2' }),
    ], [{ id: 'p1', title: 'https://www.youtube.com/watch?v=1' }, { id: 'p2', title: 'https://news.example.co.uk/' }]));
    expect(pages.map((p) => [p.id, p.site, p.url])).toEqual([
      ['p1', 'youtube.com', 'https://www.youtube.com/watch?v=1'],
      ['p2', 'example.co.uk', 'https://news.example.co.uk/'],
    ]);
    expect(pages[0]?.contacts).toEqual([{ host: 'www.youtube.com', requests: 1, blocked: 0 }, { host: 'i.ytimg.com', requests: 2, blocked: 0 }]);
  });

  it('takes the first HTML document when the title is a document title (Firefox), skipping earlier non-documents', () => {
    const [page] = readHar(har([
      entry('https://www.googletagmanager.com/gtm.js', { pageref: 'a', response: { content: { mimeType: 'text/javascript' } } }),
      entry('https://www.example.org/story', { pageref: 'a', response: { content: { mimeType: 'text/html; charset=utf-8' } } }),
    ], [{ id: 'a', title: 'A story – Example News' }]));
    expect(page).toMatchObject({ title: 'A story – Example News', url: 'https://www.example.org/story', site: 'example.org' });
  });

  it('puts entries without pageref in one page named by their first document, after declared pages', () => {
    const pages = readHar(har([
      entry('https://cdn.jsdelivr.net/x.js'),
      entry('https://shop.example.com/', { _resourceType: 'document' }),
      entry('https://bat.bing.com/action/0', {}),
    ]));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ id: null, site: 'example.com', url: 'https://shop.example.com/' });
  });

  it('skips data:, blob: and about: entries without error, and counts Chrome\'s blocked-by-client entries as blocked', () => {
    const [page] = readHar(har([
      entry('https://site.example/', { _resourceType: 'document' }),
      entry('data:image/png;base64,AAAA'),
      entry('about:blank'),
      entry('https://www.google-analytics.com/g/collect', { response: { status: 0, _error: 'net::ERR_BLOCKED_BY_CLIENT' } }),
      entry('https://www.google-analytics.com/g/collect'),
    ]));
    expect(page?.contacts).toEqual([{ host: 'site.example', requests: 1, blocked: 0 }, { host: 'www.google-analytics.com', requests: 2, blocked: 1 }]);
  });

  it('returns no pages for a HAR with no entries', () => {
    expect(readHar(har([]))).toEqual([]);
  });
});

describe('readHar validation: a clear message naming the path', () => {
  const cases: [what: string, input: unknown, message: RegExp][] = [
    ['an array instead of an object', [], /^Invalid HAR: expected an object at the top level, got an array$/],
    ['a string', 'hello', /got a string/],
    ['no log', {}, /^Invalid HAR at log: expected an object, got nothing$/],
    ['no log.entries', { log: {} }, /^Invalid HAR at log\.entries: expected an array, got nothing$/],
    ['log.entries an object', { log: { entries: {} } }, /at log\.entries: expected an array, got an object/],
    ['log.pages not an array', { log: { entries: [], pages: 'x' } }, /at log\.pages: expected an array/],
    ['a page without id', har([], [{ title: 't' }]), /at log\.pages\[0\]\.id: missing/],
    ['an entry that is null', har([entry('https://a.example/'), null]), /at log\.entries\[1\]: expected an object, got null/],
    ['an entry without request', har([{}]), /at log\.entries\[0\]\.request: expected an object/],
    ['a numeric URL', har([{ request: { url: 42 } }]), /at log\.entries\[0\]\.request\.url: expected a string, got a number/],
    ['an unparseable URL', har([entry('https://ok.example/'), entry('ht tp://bad url')]), /at log\.entries\[1\]\.request\.url: not a valid URL: "ht tp:\/\/bad url"/],
    ['a numeric pageref', har([{ request: { url: 'https://a.example/' }, pageref: 3 }]), /at log\.entries\[0\]\.pageref: expected a string/],
  ];
  it.each(cases)('rejects %s', (_what, input, message) => {
    expect(() => readHar(input)).toThrow(message);
    expect(() => readHar(input)).toThrow(HarError);
  });

  it('turns a JSON syntax error into a HarError', () => {
    expect(() => parseHarJson('{"log": ')).toThrow(/^Invalid HAR: not JSON/);
  });
});

describe('buildHarReport', () => {
  it('produces a report per page with the documented fields and the data credits', () => {
    const report = buildHarReport(har([
      entry('https://www.example.org/', { pageref: 'p', _resourceType: 'document' }),
      entry('https://www.google-analytics.com/g/collect', { pageref: 'p' }),
      entry('https://fonts.gstatic.com/s/a.woff2', { pageref: 'p' }),
      entry('https://connect.facebook.net/en_US/fbevents.js', { pageref: 'p' }),
      entry('https://connect.facebook.net/signals/config', { pageref: 'p' }),
    ], [{ id: 'p', title: 'https://www.example.org/' }]), attribute);
    expect(report.credits).toMatch(/Ghostery TrackerDB \(CC-BY-NC-SA 4\.0\); third-party-web by Patrick Hulce \(MIT\)/);
    const [page] = report.pages;
    expect(page).toMatchObject({ site: 'example.org', page: { id: 'p', url: 'https://www.example.org/' } });
    expect(page?.organizations.map((o) => [o.name, o.requests, o.share])).toEqual([['Google', 2, 0.5], ['Meta', 2, 0.5]]);
    expect(page?.concentration).toMatchObject({ hhi: 5000, topShare: 0.5 });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report); // plain JSON, nothing lost when written out
  });
});
