import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DIFFUSE_CHROME_EXTENSION_ID } from '../utils/companion/extension-id';

const run = promisify(execFile);

async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', [script, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const exists = (path: string) => access(path).then(() => true, () => false);

describe('companion:install and companion:uninstall', () => {
  it('refuses to install a companion that is not built, saying how to build it', async () => {
    const home = await mkdtemp(join(tmpdir(), 'diffuse-home-'));
    const { code, stderr } = await cli('scripts/companion-install.ts', ['--browser', 'firefox', '--home', home], { DIFFUSE_COMPANION_ENTRY: join(home, 'missing.mjs') });
    expect(code).toBe(1);
    expect(stderr).toMatch(/npm run companion:build/);
    expect(await exists(join(home, '.mozilla'))).toBe(false);
  });

  it('writes the launcher and each browser\'s manifest; uninstall removes them, the launcher last', async () => {
    const home = await mkdtemp(join(tmpdir(), 'diffuse-home-'));
    const entry = join(home, 'diffuse-companion.mjs');
    await writeFile(entry, '// built companion\n');
    const env = { DIFFUSE_COMPANION_ENTRY: entry };
    expect((await cli('scripts/companion-install.ts', ['--browser', 'firefox', '--home', home], env)).code).toBe(0);
    expect((await cli('scripts/companion-install.ts', ['--browser', 'chromium', '--home', home], env)).code).toBe(0);
    const launcher = join(home, '.local/share/diffuse/diffuse-companion');
    expect((await stat(launcher)).mode & 0o777).toBe(0o755);
    expect(await readFile(launcher, 'utf8')).toContain(`'${entry}' "$@"`);
    const firefox = JSON.parse(await readFile(join(home, '.mozilla/native-messaging-hosts/diffuse_companion.json'), 'utf8'));
    expect(firefox).toMatchObject({ name: 'diffuse_companion', type: 'stdio', path: launcher, allowed_extensions: ['diffuse@diffuse.invalid'] });
    const chromium = JSON.parse(await readFile(join(home, '.config/chromium/NativeMessagingHosts/diffuse_companion.json'), 'utf8'));
    expect(chromium.allowed_origins).toEqual([`chrome-extension://${DIFFUSE_CHROME_EXTENSION_ID}/`]);

    expect((await cli('scripts/companion-uninstall.ts', ['--browser', 'firefox', '--home', home])).code).toBe(0);
    expect(await exists(join(home, '.mozilla/native-messaging-hosts/diffuse_companion.json'))).toBe(false);
    expect(await exists(launcher)).toBe(true); // chromium still uses it
    expect((await cli('scripts/companion-uninstall.ts', ['--browser', 'chromium', '--home', home])).code).toBe(0);
    expect(await exists(launcher)).toBe(false);
  });

  it('explains a wrong browser', async () => {
    const { code, stderr } = await cli('scripts/companion-install.ts', ['--browser', 'safari']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--browser must be one of firefox, chromium, chrome/);
  });
}, 60_000);
