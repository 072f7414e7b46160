/**
 * `npm run -s companion:uninstall -- --browser firefox|chromium|chrome [--home DIR]`: removes what
 * companion:install wrote for that browser: its host manifest, and the launcher unless another browser's manifest
 * under the same home still points at it (it is shared).
 */
import { readFile, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { HOST_BROWSERS, hostManifestPath, launcherPath, parseInstallArgs } from '../utils/companion/host-manifest';

async function usesLauncher(manifestPath: string, launcher: string): Promise<boolean> {
  try {
    return (JSON.parse(await readFile(manifestPath, 'utf8')) as { path?: unknown }).path === launcher;
  } catch {
    return false;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseInstallArgs(argv, homedir());
  if (!parsed.ok) {
    console.error(`${parsed.problem}\nUsage: npm run -s companion:uninstall -- --browser firefox|chromium|chrome [--home DIR]`);
    return 2;
  }
  const manifestPath = hostManifestPath(parsed.browser, parsed.home);
  const launcher = launcherPath(parsed.home);
  await rm(manifestPath, { force: true });
  const others = HOST_BROWSERS.filter((b) => b !== parsed.browser).map((b) => hostManifestPath(b, parsed.home));
  const stillUsed = (await Promise.all(others.map((path) => usesLauncher(path, launcher)))).some(Boolean);
  if (!stillUsed) await rm(launcher, { force: true });
  console.log(`Removed the Diffuse companion for ${parsed.browser}:\n  ${manifestPath}${stillUsed ? `\n(kept ${launcher}: another browser still uses it)` : `\n  ${launcher}`}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
