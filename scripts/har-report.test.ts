import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = ['node_modules/.bin/tsx', 'scripts/har-report.ts'];
const HAR = 'tests/fixtures/two-pages.har';

async function report(...args: string[]) {
  try {
    const { stdout, stderr } = await run(CLI[0]!, [CLI[1]!, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('HAR report CLI', () => {
  it('JSON: per page the site, contacts with companies (null when unknown), companies with shares, concentration', async () => {
    const { code, stdout } = await report(HAR);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.schema).toBe('diffuse-report/2');
    expect(json.credits).toMatch(/TrackerDB/);
    const [news, recipes] = json.pages;
    expect(news.site).toBe('news.example');
    expect(news.contacts).toContainEqual(expect.objectContaining({ host: 'i.ytimg.com', organization: 'Google', requests: 1, thirdParty: true }));
    expect(news.contacts).toContainEqual(expect.objectContaining({ host: '=cmd.unknown-cdn.example', organization: null }));
    // 5 third-party requests: Google 3 (Analytics 2 + YouTube 1), Meta 1, unknown 1.
    expect(news.organizations.map((o: { name: string; requests: number; share: number }) => [o.name, o.requests, o.share])).toEqual([
      ['Google', 3, 0.6],
      ['Meta', 1, 0.2],
    ]);
    expect(news.concentration).toMatchObject({ hhi: 4000, topShare: 0.6 });
    expect(recipes.site).toBe('recipes.example');
    expect(recipes.organizations[0]).toMatchObject({ name: 'Microsoft', share: 1 });
  }, 30_000);

  it('CSV: one row per host and page, formula-like cells neutralised', async () => {
    const { stdout } = await report(HAR, '--format', 'csv');
    const lines = stdout.trim().split('\r\n');
    expect(lines[0]).toBe('site,page_url,host,organization,product,category,requests,blocked,third_party');
    expect(lines).toHaveLength(1 + 7);
    expect(lines).toContain("news.example,https://www.news.example/,'=cmd.unknown-cdn.example,,,,1,0,true");
  }, 30_000);

  it('HTML to --out: a self-contained file (no external resource) with the data credits', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'diffuse-har-')), 'report.html');
    expect((await report(HAR, '--format', 'html', '--out', out)).code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('TrackerDB');
    expect(html).not.toMatch(/(src|href)="https?:/);
  }, 30_000);

  it('malformed input: not JSON, no log.entries, a missing file, an unknown format → a clear message and exit 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diffuse-har-'));
    await writeFile(join(dir, 'truncated.har'), '{"log": {"entries": [');
    await writeFile(join(dir, 'empty-log.har'), '{"log": {}}');
    const cases: [string[], RegExp][] = [
      [[join(dir, 'truncated.har')], /truncated\.har: Invalid HAR/],
      [[join(dir, 'empty-log.har')], /Invalid HAR at log\.entries: expected an array/],
      [[join(dir, 'missing.har')], /Cannot read .*missing\.har: ENOENT/],
      [[HAR, '--format', 'xml'], /Unknown format "xml"/],
      [[], /usage:/],
    ];
    for (const [args, message] of cases) {
      const result = await report(...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  }, 60_000);
});
