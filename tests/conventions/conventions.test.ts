import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { MESSAGE_TYPES } from '@/utils/messages/contract';
import { IMPORT_CYCLES_RULE, findImportCycles, formatChain } from './import-cycles';
import {
  RULES,
  checkBackgroundLayout,
  checkLivingGlobs,
  checkNoTestImports,
  checkOneHandler,
  checkPureCore,
  checkStorageOwner,
  checkUniqueNames,
  configGlobs,
  exportedNames,
  stringKeys,
} from './rules';
import { importGraph, isTestFile, loadSourceTree, walkFiles } from './source-tree';

/**
 * The project's layout rules over the real tree. Each failure lists every violation and states the rule, so
 * whoever breaks one reads what to change without opening this file. The checkers are pure (rules.ts,
 * import-cycles.ts) and tested on made-up trees in rules.test.ts and import-cycles.test.ts.
 */

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const tree = loadSourceTree(ROOT);

function expectNone(rule: string, violations: readonly string[]): void {
  if (violations.length === 0) return;
  const list = violations.map((violation) => `  - ${violation}`).join('\n');
  throw new Error(`${violations.length} violation${violations.length === 1 ? '' : 's'} of the rule:\n  ${rule}\n${list}\n`);
}

// Each rule reads the whole source tree: seconds on a busy shared machine, past Vitest's 5 s default.
describe('conventions', { timeout: 60_000 }, () => {
  it(IMPORT_CYCLES_RULE, () => {
    expectNone(IMPORT_CYCLES_RULE, findImportCycles(importGraph(tree)).map(formatChain));
  });

  it(RULES.pureCore, () => {
    expectNone(RULES.pureCore, checkPureCore(tree));
  });

  it(RULES.noTestImports, () => {
    expectNone(RULES.noTestImports, checkNoTestImports(tree));
  });

  it(RULES.storageOwner, () => {
    expectNone(RULES.storageOwner, checkStorageOwner(tree));
  });

  it(RULES.backgroundLayout, () => {
    const dir = join(ROOT, 'entrypoints/background');
    const entries = readdirSync(dir, { withFileTypes: true }).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
    const capabilityExports = new Map(entries.filter((entry) => entry.isDirectory).map((entry) => {
      const index = join(dir, entry.name, 'index.ts');
      return [entry.name, existsSync(index) ? exportedNames(readFileSync(index, 'utf8')) : null] as const;
    }));
    expectNone(RULES.backgroundLayout, checkBackgroundLayout(entries, capabilityExports));
  });

  it(RULES.oneHandler, () => {
    const files = tree.filter((file) => !isTestFile(file.path)).map((file) => ({ path: file.path, keys: stringKeys(file.text, file.path) }));
    expectNone(RULES.oneHandler, checkOneHandler(MESSAGE_TYPES, files));
  });

  it(RULES.uniqueNames, () => {
    expectNone(RULES.uniqueNames, checkUniqueNames(tree.map((file) => file.path)));
  });

  it(RULES.livingGlobs, () => {
    const globs = [
      ...configGlobs(readFileSync(join(ROOT, 'vitest.config.ts'), 'utf8'), ['include']).map((glob) => ({ source: 'vitest.config.ts include', glob })),
      ...configGlobs(readFileSync(join(ROOT, 'eslint.config.js'), 'utf8'), ['files']).map((glob) => ({ source: 'eslint.config.js files', glob })),
    ];
    const files = walkFiles(ROOT, '');
    expectNone(RULES.livingGlobs, checkLivingGlobs(globs, files));
  });
});
