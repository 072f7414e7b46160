import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DohServer } from '../tests/support/doh-server';

const run = promisify(execFile);
const HAR = 'tests/fixtures/two-pages.har';

/** The HAR CLI with --resolve against a local HTTPS DoH server trusted through --ca: no real network. */
describe('HAR report CLI --resolve', () => {
  let doh: DohServer;
  let ca: string;
  beforeAll(async () => {
    doh = await DohServer.start({
      zone: [
        { name: 'www.news.example', type: 'CNAME', data: 'news.example.edgekey.net' },
        { name: 'news.example.edgekey.net', type: 'A', data: '192.0.2.1' },
        { name: 'i.ytimg.com', type: 'A', data: '151.101.1.1' },
        // A first-party analytics name CNAMEd to Adobe's collection servers: a cloaked tracker.
        { name: 'metrics.diffuse-shop.com', type: 'CNAME', data: 'diffuse-shop.com.sc.omtrdc.net' },
        { name: 'diffuse-shop.com.sc.omtrdc.net', type: 'A', data: '192.0.2.7' },
      ],
    });
    ca = join(await mkdtemp(join(tmpdir(), 'diffuse-har-dns-')), 'ca.pem');
    await writeFile(ca, doh.caPem);
  });
  afterAll(() => doh?.close());

  it('adds cname and operator to each contact (JSON and CSV) through the given resolver', async () => {
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/har-report.ts', HAR, '--resolve', '--resolver', doh.template, '--ca', ca]);
    const news = JSON.parse(stdout).pages[0];
    const contact = (host: string) => news.contacts.find((c: { host: string }) => c.host === host);
    expect(contact('www.news.example')).toMatchObject({ cname: ['news.example.edgekey.net'], operator: 'Akamai' });
    expect(contact('i.ytimg.com')).toMatchObject({ cname: [], operator: 'Fastly' });
    expect(contact('connect.facebook.net')).toMatchObject({ cname: [], operator: null }); // NXDOMAIN here: answered, nothing known
    expect(new Set(doh.log.map((q) => q.name))).toContain('connect.facebook.net');

    const csv = await run('node_modules/.bin/tsx', ['scripts/har-report.ts', HAR, '--format', 'csv', '--resolve', '--resolver', doh.template, '--ca', ca]);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('site,page_url,host,organization,product,category,requests,blocked,third_party,cname,operator');
    expect(lines).toContain('news.example,https://www.news.example/,www.news.example,,,,1,0,false,news.example.edgekey.net,Akamai');
  }, 60_000);

  it('gives a first-party host whose CNAME chain reaches a tracker to that tracker\'s company, marked cloaked', async () => {
    const har = join(await mkdtemp(join(tmpdir(), 'diffuse-har-cloak-')), 'shop.har');
    const entry = (url: string) => ({ request: { url, headers: [] }, response: { content: { mimeType: 'text/html' } } });
    await writeFile(har, JSON.stringify({ log: { version: '1.2', entries: [
      entry('https://www.diffuse-shop.com/'), entry('https://metrics.diffuse-shop.com/b/ss/x/1'), entry('https://metrics.diffuse-shop.com/b/ss/x/2'),
    ] } }));
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/har-report.ts', har, '--resolve', '--resolver', doh.template, '--ca', ca]);
    const page = JSON.parse(stdout).pages[0];
    expect(page.contacts.find((c: { host: string }) => c.host === 'metrics.diffuse-shop.com')).toMatchObject({
      organization: 'Adobe', thirdParty: true, cloaked: true, cname: ['diffuse-shop.com.sc.omtrdc.net'], requests: 2,
    });
    expect(page.organizations.map((o: { name: string; share: number }) => [o.name, o.share])).toEqual([['Adobe', 1]]);
    expect(page.firstParty).toMatchObject({ hosts: 1, requests: 1 });
  }, 60_000);

  it('without --resolve the contacts have no such fields; --resolver alone is refused', async () => {
    const { stdout } = await run('node_modules/.bin/tsx', ['scripts/har-report.ts', HAR]);
    expect(JSON.parse(stdout).pages[0].contacts[0]).not.toHaveProperty('operator');
    await expect(run('node_modules/.bin/tsx', ['scripts/har-report.ts', HAR, '--resolver', doh.template])).rejects.toMatchObject({ stderr: expect.stringContaining('go with --resolve') });
  }, 60_000);
});
