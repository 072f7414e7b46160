import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** The folders that hold the repo's own TypeScript; companion/ only once it exists. */
export const SOURCE_DIRS = ['utils', 'entrypoints', 'components', 'scripts', 'tests', 'bench', 'companion'] as const;

/** Build output and installed packages: never the project's own source. */
const SKIPPED_DIRS = new Set(['node_modules', '.output', '.wxt', '.git']);

/** One import specifier of a file and the repo file it names (`null`: a package, or nothing in the repo). */
export interface SourceImport {
  specifier: string;
  resolved: string | null;
}

export interface SourceFile {
  /** Repo-relative, with `/` separators: `utils/dns/pool.ts`. */
  path: string;
  text: string;
  imports: SourceImport[];
}

/** `*.test.ts(x)` (unit, integration) and `*.e2e.ts` (browser tests); everything else is product or support code. */
export function isTestFile(path: string): boolean {
  return /\.test\.tsx?$/.test(path) || /\.e2e\.ts$/.test(path);
}

export function isSourcePath(path: string): boolean {
  return /\.tsx?$/.test(path) && !path.endsWith('.d.ts');
}

/**
 * Every import specifier of a file, as TypeScript's own pre-processor sees it: `import`, `import type`,
 * `export … from`, `import x = require()` and dynamic `import()`.
 */
export function readImports(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

/** Aliases of the repo root (WXT's: `@/`, `~/`, `@@/`, `~~/`). */
const ROOT_ALIASES = ['@/', '~/', '@@/', '~~/'];

/**
 * The repo file a specifier names, or `null` for a package import or a specifier that names no source file.
 * Relative paths and the root aliases; tries the path as written (`.ts`/`.tsx`), then `.ts`, `.tsx`,
 * `/index.ts`, `/index.tsx`, and a `.js` written for its `.ts`.
 */
export function resolveSpecifier(from: string, specifier: string, exists: (path: string) => boolean): string | null {
  let base: string;
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    base = posix.join(posix.dirname(from), specifier);
  } else {
    const alias = ROOT_ALIASES.find((prefix) => specifier.startsWith(prefix));
    if (!alias) return null;
    base = posix.normalize(specifier.slice(alias.length));
  }
  if (base.startsWith('../')) return null;
  const candidates = [
    ...(/\.tsx?$/.test(base) ? [base] : []),
    ...(base.endsWith('.js') ? [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx')] : []),
    `${base}.ts`,
    `${base}.tsx`,
    `${base}/index.ts`,
    `${base}/index.tsx`,
  ];
  return candidates.find((candidate) => exists(candidate)) ?? null;
}

/** Every file below `dir` (repo-relative paths; `''` for the whole repo), build output and packages skipped. */
export function walkFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      if (SKIPPED_DIRS.has(entry.name)) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  if (existsSync(join(root, dir)) && statSync(join(root, dir)).isDirectory()) visit(dir);
  return out.sort();
}

/** The repo's TypeScript source files under SOURCE_DIRS, each with its imports resolved to repo files. */
export function loadSourceTree(root: string): SourceFile[] {
  const paths = SOURCE_DIRS.flatMap((dir) => walkFiles(root, dir)).filter(isSourcePath);
  const known = new Set(paths);
  const exists = (path: string) => known.has(path) || existsSync(join(root, path));
  return paths.map((path) => {
    const text = readFileSync(join(root, path), 'utf8');
    const imports = readImports(text).map((specifier) => ({ specifier, resolved: resolveSpecifier(path, specifier, exists) }));
    return { path, text, imports };
  });
}

/** file → the source files it imports (only files of the tree; packages and non-source files left out). */
export function importGraph(files: readonly SourceFile[]): Map<string, string[]> {
  const known = new Set(files.map((file) => file.path));
  return new Map(files.map((file) => [
    file.path,
    [...new Set(file.imports.map((entry) => entry.resolved).filter((path): path is string => path !== null && known.has(path)))],
  ]));
}
