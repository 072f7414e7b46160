import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { packagedJson } from './packaged-data';

/** fetch answering `bodies` in turn (a string is JSON text, an Error a failed read), counting the calls. */
function fetchAnswering(...bodies: (string | Error)[]) {
  const fetch = vi.fn(async (url: string) => {
    const body = bodies.shift();
    if (body === undefined) throw new Error(`unexpected read of ${url}`);
    if (body instanceof Error) throw body;
    return new Response(body);
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('packagedJson', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    fakeBrowser.reset();
  });

  it('reads the packaged file once for callers asking while it loads, and keeps answering while the value is held', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://id${path}`);
    const fetch = fetchAnswering('{"rules":{"1":"a"}}');
    const table = packagedJson<{ rules: Record<string, string> }>('/data/rule-table.json', 'blocking rule table');
    const [a, b] = await Promise.all([table(), table()]);
    expect(a).toEqual({ rules: { '1': 'a' } });
    expect(b).toBe(a);
    // Still referenced here, so not collected: the same object, no second read.
    expect(await table()).toBe(a);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('chrome-extension://id/data/rule-table.json');
  });

  it('names what could not be read, and reads again on the next call (a broken file, then a good one)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://id${path}`);
    const fetch = fetchAnswering('{"truncated": ', new Error('network down'), '{"ok":true}');
    const table = packagedJson<{ ok: boolean }>('/data/attribution.json', 'company data');
    await expect(table()).rejects.toThrow(/^The company data of this build could not be read: SyntaxError/);
    await expect(table()).rejects.toThrow('The company data of this build could not be read: Error: network down');
    expect(await table()).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
