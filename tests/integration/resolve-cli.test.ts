import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DohServer } from '../support/doh-server';
import { runResolveCli as resolveCli } from '../support/run-resolve-cli';

/**
 * `npm run -s resolve` end to end against local HTTP/1.1 DoH servers (unbound.test.ts covers HTTP/2): output
 * lines, the strategy's routing, the exit status of each outcome and the messages on stderr.
 */
const ZONE = [
  { name: 'www.news.test', type: 'CNAME' as const, data: 'news.cdn.test', ttl: 300 },
  { name: 'news.cdn.test', type: 'A' as const, data: '192.0.2.40', ttl: 120 },
  { name: 'news.cdn.test', type: 'AAAA' as const, data: '2001:db8::40', ttl: 100 },
  { name: '*.shop.test', type: 'A' as const, data: '192.0.2.41', ttl: 60 },
];

let servers: DohServer[];
let dir: string;
let ca: string;

beforeAll(async () => {
  servers = await Promise.all([DohServer.start({ zone: ZONE }), DohServer.start({ zone: ZONE })]);
  dir = await mkdtemp(join(tmpdir(), 'diffuse-cli-'));
  ca = join(dir, 'ca.pem');
  await writeFile(ca, servers[0]?.caPem ?? '');
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('npm run resolve', () => {
  it('sends every name of one --site to one resolver and prints each as a JSON line', async () => {
    const run = await resolveCli(['--ca', ca, ...servers.flatMap((s) => ['--resolver', s.url]), '--site', 'news.test', 'www.news.test', 'img.shop.test']);
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => l.name)).toEqual(['www.news.test', 'img.shop.test']);
    expect(run.lines[0]).toMatchObject({ site: 'news.test', addresses: ['192.0.2.40', '2001:db8::40'], cname: ['news.cdn.test'], ttl: 100 });
    expect(run.lines[1]).toMatchObject({ site: 'news.test', addresses: ['192.0.2.41'], rcode: 'NOERROR' });
    expect(new Set(run.lines.map((l) => l.resolver)).size).toBe(1);
  });

  it('with --strategy single asks the first resolver only', async () => {
    const run = await resolveCli(['--ca', ca, '--strategy', 'single', '--resolver', servers[1]?.url ?? '', '--resolver', servers[0]?.url ?? '', 'a.shop.test', 'www.news.test']);
    expect(run.lines.map((l) => l.resolver)).toEqual([servers[1]?.url, servers[1]?.url]);
  });

  it('says on stderr that a name could not be resolved, and why, with exit status 1', async () => {
    const dead = await DohServer.start();
    await dead.close();
    const run = await resolveCli(['--ca', ca, '--resolver', dead.url, 'www.news.test']);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([]);
    expect(run.stderr).toMatch(/^resolve: Could not resolve www\.news\.test \(A and AAAA\): 127\.0\.0\.1:\d+: could not reach the resolver \(fetch failed: .*ECONNREFUSED/);
  });

  it('exits 2 with the usage on a bad command line or an unreadable --ca', async () => {
    const [bad, noCa] = await Promise.all([resolveCli(['--strategy', 'fastest', 'x.test']), resolveCli(['--ca', join(dir, 'missing.pem'), 'x.test'])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--strategy must be one of/);
    expect(bad.stderr).toMatch(/Usage: npm run -s resolve/);
    expect(noCa.code).toBe(2);
    expect(noCa.stderr).toMatch(/cannot read --ca/);
  });
});
