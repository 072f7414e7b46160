/**
 * `npm run -s companion:install -- --browser firefox|chromium|chrome [--home DIR]`: registers the built companion
 * (companion/dist/diffuse-companion.mjs, from `npm run companion:build`) as the native-messaging host
 * `diffuse_companion` for one browser, for this user: a launcher script that runs it with this Node, and the host
 * manifest where the browser looks (utils/companion/host-manifest.ts). `--home` stands in for $HOME (tests, or a
 * browser profile kept elsewhere). DIFFUSE_COMPANION_ENTRY names another built companion file.
 */
import { access, chmod, mkdir, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostManifest, hostManifestPath, launcherPath, launcherScript, parseInstallArgs } from '../utils/companion/host-manifest';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const COMPANION_ENTRY = process.env.DIFFUSE_COMPANION_ENTRY ?? resolve(REPO, 'companion/dist/diffuse-companion.mjs');

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseInstallArgs(argv, homedir());
  if (!parsed.ok) {
    console.error(`${parsed.problem}\nUsage: npm run -s companion:install -- --browser firefox|chromium|chrome [--home DIR]`);
    return 2;
  }
  try {
    await access(COMPANION_ENTRY);
  } catch {
    console.error(`The companion is not built: ${COMPANION_ENTRY} is missing. Run npm run companion:build first, then this again.`);
    return 1;
  }
  const launcher = launcherPath(parsed.home);
  await mkdir(dirname(launcher), { recursive: true });
  await writeFile(launcher, launcherScript(process.execPath, COMPANION_ENTRY), { mode: 0o755 });
  await chmod(launcher, 0o755); // an existing file keeps its old mode through writeFile
  const manifestPath = hostManifestPath(parsed.browser, parsed.home);
  await mkdir(dirname(manifestPath), { recursive: true });
  await writeFile(manifestPath, `${JSON.stringify(hostManifest(parsed.browser, launcher), null, 2)}\n`);
  console.log(`Installed the Diffuse companion for ${parsed.browser}:\n  ${manifestPath}\n  ${launcher}\nSwitch it on in Diffuse's options page ("The companion").`);
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
