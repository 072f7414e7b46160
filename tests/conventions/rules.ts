import ts from 'typescript';
import { isTestFile, type SourceImport } from './source-tree';

/**
 * The project's layout rules, each a pure checker over plain data (paths, texts, resolved imports) that
 * returns its violations as sentences; conventions.test.ts feeds them the real tree, rules.test.ts tiny
 * made-up ones (so each checker is known to be able to fail).
 */

export const RULES = {
  pureCore: 'utils/ is the pure core: no file under utils/ imports from entrypoints/, components/, scripts/, tests/ or bench/ (its tests may use tests/support/, where the doubles and fixtures live).',
  noTestImports:
    'Product code (non-test files under utils/, entrypoints/, components/, scripts/, companion/) never imports from tests/: test doubles and fixtures live in tests/support/ or beside their tests.',
  storageOwner:
    'Only entrypoints/background/store/ touches storage: no other product file mentions storage.local, storage.session, storage.sync, storage.managed or indexedDB, or imports dexie.',
  backgroundLayout:
    'entrypoints/background/ holds only index.ts (the composition root) and folders; every folder but store/ and platform/ is a capability whose index.ts exports create<Folder>Capability (pageload/ → createPageloadCapability).',
  oneHandler:
    "Every message type of the UI ↔ background contract is handled in exactly one capability: handler keys ('dns.status': …) appear only in entrypoints/background/<capability>/handlers.ts, each message type in exactly one such file.",
  uniqueNames: 'No two non-test source files under utils/ or components/ share a basename: a file\'s name says what it holds.',
  livingGlobs: 'Every path glob in vitest.config.ts `include` and eslint.config.js `files` arrays matches at least one file: a glob that matches nothing guards nothing.',
} as const;

/** Product code: what ships or runs for users (the extension, its CLI scripts, the companion). */
export const PRODUCT_DIRS = ['utils', 'entrypoints', 'components', 'scripts', 'companion'] as const;

export interface FileImports {
  path: string;
  imports: readonly SourceImport[];
}

export interface FileText {
  path: string;
  text: string;
  imports: readonly SourceImport[];
}

const topDir = (path: string) => path.split('/')[0]!;
const isUnder = (path: string, dir: string) => path.startsWith(`${dir.replace(/\/$/, '')}/`);
export const isProductFile = (path: string) => (PRODUCT_DIRS as readonly string[]).includes(topDir(path)) && !isTestFile(path);

/** Report form of one import: `utils/a.ts imports entrypoints/b.ts ('@/entrypoints/b')`. */
const describeImport = (path: string, entry: SourceImport) => `${path} imports ${entry.resolved} ('${entry.specifier}')`;

// ---- b. utils/ is the pure core ----

const OUTSIDE_CORE = ['entrypoints', 'components', 'scripts', 'tests', 'bench'];

/** A test beside pure code may take its doubles and fixtures from tests/support/, nothing else outside utils/. */
const outsideCore = (path: string, target: string) =>
  OUTSIDE_CORE.includes(topDir(target)) && !(isTestFile(path) && isUnder(target, 'tests/support'));

export function checkPureCore(files: readonly FileImports[]): string[] {
  return files
    .filter((file) => isUnder(file.path, 'utils'))
    .flatMap((file) => file.imports
      .filter((entry) => entry.resolved !== null && outsideCore(file.path, entry.resolved))
      .map((entry) => describeImport(file.path, entry)));
}

// ---- c. product code never imports tests/ ----

export function checkNoTestImports(files: readonly FileImports[]): string[] {
  return files
    .filter((file) => isProductFile(file.path))
    .flatMap((file) => file.imports
      .filter((entry) => entry.resolved !== null && isUnder(entry.resolved, 'tests'))
      .map((entry) => describeImport(file.path, entry)));
}

// ---- d. only the store touches storage ----

/** The text with every comment blanked (newlines kept, so line numbers still hold); strings and regexes untouched. */
export function stripComments(text: string, fileName = 'file.tsx'): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const ranges = new Map<number, number>();
  // JSX text is not trivia (`<p>// not a comment</p>`): nothing that starts where it starts is read for comments.
  const jsxTextStarts = new Set<number>();
  const findJsxText = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.JsxText) jsxTextStarts.add(node.pos);
    ts.forEachChild(node, findJsxText);
  };
  findJsxText(source);
  const visit = (node: ts.Node) => {
    // JSDoc nodes sit inside a comment.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    if (!jsxTextStarts.has(node.pos)) {
      // Each token's trivia: trailing comments of the line before it, then leading ones.
      for (const range of [...(ts.getTrailingCommentRanges(text, node.pos) ?? []), ...(ts.getLeadingCommentRanges(text, node.pos) ?? [])]) ranges.set(range.pos, range.end);
    }
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  let out = '';
  let at = 0;
  for (const [pos, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (pos < at) continue;
    out += text.slice(at, pos) + text.slice(pos, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

const STORAGE_MENTIONS: readonly RegExp[] = [/\bstorage\.(?:local|session|sync|managed)\b/g, /\bindexedDB\b/g];
const STORE_DIR = 'entrypoints/background/store';

export function checkStorageOwner(files: readonly FileText[]): string[] {
  return files
    .filter((file) => isProductFile(file.path) && !isUnder(file.path, STORE_DIR))
    .flatMap((file) => {
      const code = stripComments(file.text, file.path);
      const found = STORAGE_MENTIONS.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => {
        const line = code.slice(0, match.index).split('\n').length;
        return `${file.path}:${line} mentions ${match[0]}`;
      }));
      const dexie = file.imports
        .filter((entry) => entry.specifier === 'dexie' || entry.specifier.startsWith('dexie/'))
        .map((entry) => `${file.path} imports '${entry.specifier}'`);
      return [...found, ...dexie];
    });
}

// ---- e. background layout ----

export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

/** Folders of entrypoints/background/ that are not capabilities. */
export const BACKGROUND_INFRASTRUCTURE = ['store', 'platform'];

/** `pageload` → `createPageloadCapability`, `page-load` → `createPageLoadCapability`. */
export function capabilityFactoryName(folder: string): string {
  const pascal = folder.split(/[-_.]/).filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
  return `create${pascal}Capability`;
}

/** The names a module exports itself (declarations and `export { … }`; not `export *` or default). */
export function exportedNames(text: string): string[] {
  const source = ts.createSourceFile('index.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const names: string[] = [];
  for (const statement of source.statements) {
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name && exported(statement)) names.push(statement.name.text);
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.push(element.name.text);
    }
  }
  return names;
}

/**
 * `entries`: the top level of entrypoints/background/; `capabilityExports`: per capability folder, the names
 * its index.ts exports, or `null` when it has no index.ts.
 */
export function checkBackgroundLayout(entries: readonly DirEntry[], capabilityExports: ReadonlyMap<string, readonly string[] | null>): string[] {
  const violations: string[] = [];
  for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory) {
      if (entry.name !== 'index.ts') violations.push(`entrypoints/background/${entry.name}: a file at the top level (only index.ts belongs there; move it into a capability folder or store/ or platform/)`);
      continue;
    }
    if (BACKGROUND_INFRASTRUCTURE.includes(entry.name)) continue;
    const factory = capabilityFactoryName(entry.name);
    const names = capabilityExports.get(entry.name) ?? null;
    if (names === null) violations.push(`entrypoints/background/${entry.name}/: capability folder without index.ts (it must export ${factory})`);
    else if (!names.includes(factory)) violations.push(`entrypoints/background/${entry.name}/index.ts does not export ${factory}`);
  }
  if (!entries.some((entry) => entry.name === 'index.ts' && !entry.isDirectory)) violations.push('entrypoints/background/index.ts is missing (the composition root)');
  return violations;
}

// ---- f. one handler per message type ----

/** Object-literal keys written as string literals (`'dns.status': …`, `'dns.status'() {}`, `['dns.status']: …`). */
export function stringKeys(text: string, fileName = 'file.tsx'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const keys: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        const name = property.name;
        if (!name) continue;
        if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) keys.push(name.text);
        else if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) keys.push(name.expression.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

/** The contract itself (utils/messages/) lists every type as a key; those are declarations, not handlers. */
const CONTRACT_DIR = 'utils/messages';
const HANDLERS_FILE = /^entrypoints\/background\/([^/]+)\/handlers\.ts$/;

/** `files`: non-test source files with their string-literal object keys. */
export function checkOneHandler(messageTypes: readonly string[], files: readonly { path: string; keys: readonly string[] }[]): string[] {
  const types = new Set(messageTypes);
  const handledIn = new Map<string, string[]>(messageTypes.map((type) => [type, []]));
  const strays = new Map<string, string[]>();
  for (const file of files) {
    if (isTestFile(file.path) || isUnder(file.path, CONTRACT_DIR)) continue;
    const handlerKeys = [...new Set(file.keys.filter((key) => types.has(key)))];
    if (handlerKeys.length === 0) continue;
    const folder = HANDLERS_FILE.exec(file.path)?.[1];
    if (folder !== undefined && !BACKGROUND_INFRASTRUCTURE.includes(folder)) handlerKeys.forEach((key) => handledIn.get(key)!.push(file.path));
    else handlerKeys.forEach((key) => strays.set(key, [...(strays.get(key) ?? []), file.path]));
  }
  const violations: string[] = [];
  for (const type of messageTypes) {
    const owners = handledIn.get(type)!;
    const elsewhere = strays.get(type) ?? [];
    const where = elsewhere.length ? ` (handler keys found outside a capability's handlers.ts: ${elsewhere.join(', ')})` : '';
    if (owners.length === 0) violations.push(`'${type}' is handled in no capability's handlers.ts${where}`);
    else if (owners.length > 1) violations.push(`'${type}' is handled in ${owners.length} capabilities: ${owners.join(', ')}${where}`);
    else if (elsewhere.length) violations.push(`'${type}' is handled in ${owners[0]}, and also has a handler key in ${elsewhere.join(', ')}`);
  }
  return violations;
}

// ---- g. unique basenames ----

export function checkUniqueNames(paths: readonly string[]): string[] {
  const byName = new Map<string, string[]>();
  for (const path of paths) {
    if (!(isUnder(path, 'utils') || isUnder(path, 'components')) || isTestFile(path) || !/\.tsx?$/.test(path)) continue;
    const name = path.split('/').pop()!.replace(/\.tsx?$/, '');
    byName.set(name, [...(byName.get(name) ?? []), path]);
  }
  return [...byName]
    .filter(([, holders]) => holders.length > 1)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, holders]) => `${name}: ${holders.sort().join(', ')}`);
}

// ---- h. config globs match files ----

/**
 * A glob as a RegExp over repo-relative paths: `**` any number of folders, `*` and `?` within one name,
 * `{a,b}` alternatives (nestable); a trailing `/**` means everything below the folder.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      const slashAfter = glob[i + 2] === '/';
      if (atStart && slashAfter) {
        out += '(?:[^/]+/)*';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (char === '*') out += '[^/]*';
    else if (char === '?') out += '[^/]';
    else if (char === '{') {
      out += '(?:';
      depth += 1;
    } else if (char === '}' && depth > 0) {
      out += ')';
      depth -= 1;
    } else if (char === ',' && depth > 0) out += '|';
    else out += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * The string globs of the named array properties in a config file's text (`include: ['a/**', …]`), with
 * `files: SOME_CONST` followed to `const SOME_CONST = [...]` and `...SPREAD` of such consts.
 */
export function configGlobs(text: string, properties: readonly string[]): string[] {
  const source = ts.createSourceFile('config.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const consts = new Map<string, ts.Expression>();
  const collectConsts = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
    ts.forEachChild(node, collectConsts);
  };
  collectConsts(source);
  const strings = (expression: ts.Expression, seen: Set<string>): string[] => {
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression.text];
    if (ts.isArrayLiteralExpression(expression)) {
      return expression.elements.flatMap((element) => (ts.isSpreadElement(element) ? strings(element.expression, seen) : strings(element, seen)));
    }
    if (ts.isIdentifier(expression) && consts.has(expression.text) && !seen.has(expression.text)) {
      return strings(consts.get(expression.text)!, new Set([...seen, expression.text]));
    }
    return [];
  };
  const globs: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && properties.includes(node.name.text)) globs.push(...strings(node.initializer, new Set()));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...new Set(globs)];
}

/** `globs`: where each glob is written (`eslint.config.js files`) and the glob; `files`: every repo file. */
export function checkLivingGlobs(globs: readonly { source: string; glob: string }[], files: readonly string[]): string[] {
  return globs
    .filter(({ glob }) => {
      const pattern = globToRegExp(glob);
      return !files.some((file) => pattern.test(file));
    })
    .map(({ source, glob }) => `${source}: '${glob}' matches no file`);
}
