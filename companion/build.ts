/**
 * Bundles the companion into one file Node ≥ 20 runs with no node_modules beside it:
 * companion/dist/diffuse-companion.mjs (`npm run companion:build`). The native-messaging manifest points at it
 * (through a small launcher: browsers start the host without a shell, and Windows needs a .bat).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_OUTFILE = `${ROOT}companion/dist/diffuse-companion.mjs`;

export async function buildCompanion(outfile = DEFAULT_OUTFILE): Promise<string> {
  await build({
    entryPoints: [`${ROOT}companion/main.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'linked',
    logLevel: 'warning',
    // CommonJS packages bundled into an ES module still call require() for Node's built-ins.
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __diffuseRequire } from 'node:module';\nconst require = __diffuseRequire(import.meta.url);" },
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildCompanion().then(
    (file) => console.log(`built ${file}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
